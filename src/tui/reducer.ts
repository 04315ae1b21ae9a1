/**
 * The UI reducer: every change to the lab's screen state is one of these actions. Pure, so each
 * transition is tested without a terminal.
 */
import { checkTerminal } from '../doctor/checks.js';
import { doctorSummary } from '../doctor/index.js';
import type { Finding } from '../doctor/index.js';
import type { CheckResult } from '../lessons/engine/session.js';
import type { StepResult } from '../lessons/engine/results.js';
import type { Progress } from '../lessons/progress.js';
import type { MeterSample } from '../probes/meter-lines.js';
import { homeRows } from './state.js';
import type { LabState, LessonState, StepState } from './state.js';

export type LabAction =
  | { type: 'resized'; columns: number; rows: number }
  | { type: 'home-moved'; delta: number }
  | { type: 'lesson-opened'; id: string; index: number; steps: number }
  | { type: 'home-shown' }
  | { type: 'step-moved'; delta: number; steps: number }
  | { type: 'step-started'; index: number; at: number }
  | { type: 'step-finished'; index: number; result: StepResult; fastForwarded?: boolean }
  | { type: 'live-read'; index: number; title: string; samples: readonly MeterSample[] }
  | { type: 'predicted'; index: number; choice: number }
  | { type: 'hint-shown'; index: number; text: string }
  | { type: 'answer-opened' }
  | { type: 'answer-typed'; text: string }
  | { type: 'answer-closed' }
  | { type: 'checked'; index: number; check: CheckResult }
  | { type: 'panes-refreshed'; index: number; panes: Pick<StepResult, 'host' | 'container'> }
  | { type: 'pids-read'; pids: Readonly<Record<string, string>> }
  | { type: 'lesson-reset' }
  | { type: 'solution-shown'; index: number }
  | { type: 'step-undone'; index: number; panes?: Pick<StepResult, 'host' | 'container'> }
  /** `g`: the step number being typed (`undefined` closes the prompt). */
  | { type: 'jump-typed'; text: string | undefined }
  | { type: 'help-toggled' }
  | { type: 'events-toggled' }
  | { type: 'events-scrolled'; delta: number }
  /** `lines`: how many lines the text has, so the offset stays inside it. */
  | { type: 'text-scrolled'; delta: number; lines: number }
  | { type: 'progress-changed'; progress: Progress }
  /** The home screen in another language: its lessons and the doctor's findings, read again in it. */
  | { type: 'language-changed'; lessons: LabState['lessons']; findings: readonly Finding[] }
  | { type: 'message'; text: string; tone: 'info' | 'ok' | 'bad'; untilStepEnds?: boolean }
  | { type: 'message-cleared' }
  | { type: 'quitting'; items?: { id: string; what: string }[] }
  | { type: 'teardown-done'; id: string };

function withStep(lesson: LessonState, index: number, change: (s: StepState) => StepState): LessonState {
  const before = lesson.steps[index] ?? { hints: [] };
  return { ...lesson, steps: { ...lesson.steps, [index]: change(before) } };
}

function inLesson(state: LabState, change: (l: LessonState) => LessonState): LabState {
  return state.lesson ? { ...state, lesson: change(state.lesson) } : state;
}

export function reduce(state: LabState, action: LabAction): LabState {
  switch (action.type) {
    case 'resized':
      // The doctor's terminal-size finding is about the terminal as it is now.
      return {
        ...state,
        columns: action.columns,
        rows: action.rows,
        ...(state.findings
          ? { doctorLine: doctorSummary(state.findings.map((f) => (f.id === 'terminal' ? checkTerminal(action.columns, action.rows) : f))) }
          : {}),
      };
    case 'home-moved': {
      const count = homeRows(state).length;
      return { ...state, selected: Math.max(0, Math.min(count - 1, state.selected + action.delta)) };
    }
    case 'lesson-opened':
      return {
        ...state,
        screen: 'lesson',
        help: false,
        message: undefined,
        lesson: {
          id: action.id,
          index: Math.max(0, Math.min(action.steps - 1, action.index)),
          steps: {},
          answering: false,
          eventsExpanded: false,
        },
      };
    case 'home-shown':
      // A message was about the lesson just left (a reset, a step's verdict): it goes with it.
      return { ...state, screen: 'home', lesson: undefined, help: false, selected: 0, message: undefined };
    case 'step-moved':
      if (!state.lesson || state.lesson.answering) return state;
      return {
        ...inLesson(state, (l) => ({
          ...l,
          index: Math.max(0, Math.min(action.steps - 1, l.index + action.delta)),
          eventsExpanded: false,
          textOffset: 0,
        })),
        message: undefined,
      };
    case 'step-started':
      return { ...inLesson(state, (l) => ({ ...l, running: action.index, runningSince: action.at, live: undefined })), message: undefined };
    case 'live-read':
      return inLesson(state, (l) =>
        l.running === action.index ? { ...l, live: { index: action.index, title: action.title, samples: action.samples } } : l,
      );
    case 'step-finished':
      return {
        // The text may change once the step has run: it is read from its start again.
        ...inLesson(state, (l) => ({
          ...withStep(l, action.index, (s) => ({
            ...s,
            result: action.result,
            check: undefined,
            fastForwarded: action.fastForwarded,
          })),
          running: undefined,
          runningSince: undefined,
          textOffset: 0,
        })),
        message: state.message?.untilStepEnds ? undefined : state.message,
      };
    case 'predicted':
      return inLesson(state, (l) => withStep(l, action.index, (s) => ({ ...s, choice: action.choice })));
    case 'hint-shown':
      return inLesson(state, (l) => withStep(l, action.index, (s) => ({ ...s, hints: [...s.hints, action.text] })));
    case 'answer-opened':
      return inLesson(state, (l) => ({ ...withStep(l, l.index, (s) => ({ ...s, answer: s.answer ?? '' })), answering: true }));
    case 'answer-typed':
      return inLesson(state, (l) => withStep(l, l.index, (s) => ({ ...s, answer: action.text })));
    case 'answer-closed':
      return inLesson(state, (l) => ({ ...l, answering: false }));
    case 'checked':
      return inLesson(state, (l) => ({
        ...withStep(l, action.index, (s) => ({ ...s, check: action.check })),
        answering: !action.check.ok,
      }));
    case 'panes-refreshed':
      return inLesson(state, (l) => withStep(l, action.index, (s) => (s.result ? { ...s, result: { ...s.result, ...action.panes } } : s)));
    case 'pids-read':
      return inLesson(state, (l) => ({ ...l, pids: action.pids }));
    case 'lesson-reset':
      return inLesson(state, (l) => ({ ...l, steps: {}, running: undefined, runningSince: undefined, answering: false }));
    case 'solution-shown':
      return inLesson(state, (l) => withStep(l, action.index, (s) => ({ ...s, solutionShown: true })));
    case 'step-undone':
      // The step reads as not run again (Enter runs it); its predict choice and hints stay.
      return inLesson(state, (l) => ({
        ...withStep(l, action.index, (s) => ({ hints: s.hints, ...(s.choice === undefined ? {} : { choice: s.choice }) })),
        answering: false,
      }));
    case 'jump-typed':
      return inLesson(state, (l) => ({ ...l, jump: action.text }));
    case 'help-toggled':
      return { ...state, help: !state.help };
    case 'events-toggled':
      return inLesson(state, (l) => ({ ...l, eventsExpanded: !l.eventsExpanded, eventsOffset: 0 }));
    case 'events-scrolled':
      // The plan clamps the offset to the list's length.
      return inLesson(state, (l) => ({ ...l, eventsOffset: Math.max(0, (l.eventsOffset ?? 0) + action.delta) }));
    case 'text-scrolled':
      return inLesson(state, (l) => ({ ...l, textOffset: Math.max(0, Math.min(action.lines - 1, (l.textOffset ?? 0) + action.delta)) }));
    case 'progress-changed':
      return { ...state, progress: action.progress };
    case 'language-changed':
      return {
        ...reduce({ ...state, findings: action.findings }, { type: 'resized', columns: state.columns, rows: state.rows }),
        lessons: action.lessons,
      };
    case 'message':
      return { ...state, message: { text: action.text, tone: action.tone, ...(action.untilStepEnds ? { untilStepEnds: true } : {}) } };
    case 'message-cleared':
      return { ...state, message: undefined };
    case 'quitting':
      return { ...state, screen: 'quitting', help: false, teardown: (action.items ?? []).map((i) => ({ ...i, done: false })) };
    case 'teardown-done':
      return state.teardown ? { ...state, teardown: state.teardown.map((i) => (i.id === action.id ? { ...i, done: true } : i)) } : state;
  }
}
