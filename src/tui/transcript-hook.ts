/**
 * `--transcript FILE` in the lab: the store's actions, as they happen, written to the transcript.
 * The controller and the screen are unchanged: this wraps the store they share, and writes after
 * each action what the learner just saw (a step's result, their prediction, answer and verdict).
 */
import type { Lesson } from '../lessons/types.js';
import type { Transcript } from '../lessons/transcript.js';
import type { Store } from './store.js';

export function recordTo(store: Store, transcript: Transcript, lessonById: (id: string) => Lesson | undefined): Store {
  return {
    ...store,
    dispatch(action) {
      store.dispatch(action);
      const l = store.getState().lesson;
      const lesson = l && lessonById(l.id);
      if (!l || !lesson) return;
      if (action.type === 'lesson-opened') transcript.lesson(lesson);
      else if (action.type === 'step-finished') transcript.step(lesson, action.index, action.result, l.steps[action.index]?.choice);
      else if (action.type === 'checked') transcript.check(lesson, action.index, l.steps[action.index]?.answer ?? '', action.check);
      else if (action.type === 'panes-refreshed') transcript.looked(lesson, action.index, action.panes);
      else if (action.type === 'lesson-reset') transcript.reset();
    },
  };
}
