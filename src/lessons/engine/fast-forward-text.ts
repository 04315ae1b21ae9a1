/**
 * The sentences a fast-forward says (catalogue area `workshop`). Step numbers are 1-based, as the
 * learner reads them. Each takes the language to say it in (the current one by default), so
 * `--json` can write the English beside the learner's.
 */
import { language, t, translate } from '../../i18n/index.js';
import type { Lang } from '../../i18n/index.js';
import { formatMs } from '../event-lines.js';

/** `[0, 1, 2, 5]` → "1–3, 6" ("1–3、6" in Chinese): the steps as the learner counts them, runs of steps as ranges. */
export function stepRanges(indices: readonly number[], lang: Lang = language()): string {
  const runs: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`)).join(translate(lang, 'workshop.list-separator'));
}

/** "Fast-forwarded steps 1–3 in 0.4 s.": what the lab ran so the state is what a walk leaves. */
export function fastForwardedLine(v: { indices: readonly number[]; durationMs: number }, lang: Lang = language()): string {
  return translate(lang, 'workshop.ff.done', {
    count: v.indices.length,
    steps: stepRanges(v.indices, lang),
    duration: formatMs(v.durationMs),
  });
}

/** Said when a fast-forward stopped: the learner is on that step now. */
export function fastForwardStoppedLine(v: { index: number; stepId: string; reason: string }, lang: Lang = language()): string {
  return translate(lang, 'workshop.ff.stopped', { step: v.index + 1, id: v.stepId, reason: v.reason });
}

/** Said while a fast-forward runs, for each step. */
export function fastForwardingLine(v: { target: number; index: number; stepId: string }): string {
  return t('workshop.ff.running', { target: v.target + 1, step: v.index + 1, id: v.stepId });
}

/** Why a step the fast-forward did not start is not run (Esc or a signal came first). */
export function notStarted(): string {
  return t('workshop.ff.not-started');
}
