/**
 * `--step <n|step-id>`: which step of a lesson to open at. A number counts from 1, as the lesson
 * screen shows it (`4/12`); an id is the step's own (`raise-limit`). A bad value is one sentence
 * naming what the lesson has.
 */
import { t } from '../i18n/index.js';
import type { Lesson } from '../lessons/types.js';
import { UsageError } from './parse.js';

/** The 0-based index of the step `ref` names in `lesson`. */
export function stepIndex(lesson: Lesson, ref: string): number {
  const count = lesson.steps.length;
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    if (n >= 1 && n <= count) return n - 1;
  } else {
    const at = lesson.steps.findIndex((s) => s.id === ref);
    if (at >= 0) return at;
  }
  throw new UsageError(t('workshop.step.bad', { ref, lesson: lesson.id, count, ids: lesson.steps.map((s) => s.id).join(', ') }));
}
