/**
 * The sentences a fast-forward says, each in one place with named values (the message catalogue of
 * issue 12 lifts them from here). Step numbers are 1-based, as the learner reads them.
 */
import { formatMs } from '../event-lines.js';

/** `[0, 1, 2, 5]` → "1–3, 6": the steps as the learner counts them, runs of steps as ranges. */
export function stepRanges(indices: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`)).join(', ');
}

/** "Fast-forwarded steps 1–3 in 0.4 s.": what the lab ran so the state is what a walk leaves. */
export function fastForwardedLine(v: { indices: readonly number[]; durationMs: number }): string {
  const steps = v.indices.length === 1 ? `step ${stepRanges(v.indices)}` : `steps ${stepRanges(v.indices)}`;
  return `Fast-forwarded ${steps} in ${formatMs(v.durationMs)}.`;
}

/** Said when a fast-forward stopped: the learner is on that step now. */
export function fastForwardStoppedLine(v: { index: number; stepId: string; reason: string }): string {
  return `Fast-forward stopped at step ${v.index + 1} (${v.stepId}): ${v.reason}`;
}

/** Said while a fast-forward runs, for each step. */
export function fastForwardingLine(v: { target: number; index: number; stepId: string }): string {
  return `Fast-forwarding to step ${v.target + 1}: running step ${v.index + 1} (${v.stepId})… (Esc cancels)`;
}

/** Why a step the fast-forward did not start is not run (Esc or a signal came first). */
export function notStarted(): string {
  return 'Cancelled before this step ran: press Enter to run it.';
}
