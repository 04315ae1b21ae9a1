/**
 * The primitive pane's lines: runtime events as a learner reads them, with runs of the same call
 * folded into one line (`setns ×5: CLONE_NEWIPC · CLONE_NEWUTS · … = 0`), so the sequence a runtime
 * performs fits on a screen without hiding any call.
 */
import { renderEvent } from '../kernel/kernel.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';

export interface EventLine {
  text: string;
  ok: boolean;
  /** Total time of the call(s), ms. */
  durationMs: number;
  /** For a failed call: errno text and what to do next. */
  error?: { code: string; text: string; hint: string };
}

// File descriptor numbers differ from call to call without meaning anything to a learner.
const isFd = (arg: string): boolean => /^fd \d+$/.test(arg);

/** The one argument position that differs across a run of calls, or -1 when none or several do. */
function varyingPosition(run: readonly PrimitiveEvent[]): number {
  const first = run[0]!;
  let position = -1;
  for (let i = 0; i < first.args.length; i++) {
    const values = new Set(run.map((e) => (isFd(e.args[i] ?? '') ? 'fd' : e.args[i])));
    if (values.size === 1) continue;
    if (position !== -1) return -2;
    position = i;
  }
  return position;
}

// Writes of the same value to several files (a PID into each cgroup.procs) are one step too.
function sameCall(a: PrimitiveEvent, b: PrimitiveEvent): boolean {
  if (!a.ok || !b.ok || a.kind !== b.kind || a.result !== b.result || a.args.length !== b.args.length) return false;
  return a.kind === 'write' ? a.args.join() === b.args.join() : a.name === b.name;
}

/**
 * Folds a run of the same call into one line when only one argument changes along it (capabilities
 * dropped one by one, cgroup files written with the same PID). Calls that differ in more than one
 * argument, like the mounts of a new root, stay one per line.
 */
export function eventLines(events: readonly PrimitiveEvent[]): EventLine[] {
  const lines: EventLine[] = [];
  for (let i = 0; i < events.length; ) {
    const first = events[i]!;
    let j = i + 1;
    while (j < events.length && sameCall(first, events[j]!) && varyingPosition(events.slice(i, j + 1)) >= -1) j++;
    const run = events.slice(i, j);
    const durationMs = run.reduce((sum, e) => sum + e.durationMs, 0);
    const position = varyingPosition(run);
    if (run.length < 3 || (first.kind !== 'write' && position < 0)) {
      for (const e of run) lines.push({ text: renderEvent(e), ok: e.ok, durationMs: e.durationMs, ...(e.error ? { error: e.error } : {}) });
    } else if (first.kind === 'write') {
      lines.push({ text: `write ${first.args.join(' ')} ×${run.length}: ${run.map((e) => e.name).join(' · ')}`, ok: true, durationMs });
    } else {
      const shape = first.args.map((a, k) => (k === position ? '…' : isFd(a) ? 'fd' : a)).join(', ');
      lines.push({
        text: `${first.name}(${shape}) ×${run.length} = ${first.result}: ${run.map((e) => e.args[position]).join(' · ')}`,
        ok: true,
        durationMs,
      });
    }
    i = j;
  }
  return lines;
}

/** `0.04 ms`, `12 ms`, `1.2 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
