/**
 * `--step <n|step-id>`: which step of a lesson to open at. A number counts from 1, as the lesson
 * screen shows it (`4/12`); an id is the step's own (`raise-limit`). A bad value is one sentence
 * naming what the lesson has.
 */
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
  throw new UsageError(badStep({ ref, lesson: lesson.id, count, ids: lesson.steps.map((s) => s.id) }));
}

function badStep(v: { ref: string; lesson: string; count: number; ids: readonly string[] }): string {
  return `--step "${v.ref}" is not a step of ${v.lesson}: give a number from 1 to ${v.count}, or a step id (${v.ids.join(', ')}).`;
}
