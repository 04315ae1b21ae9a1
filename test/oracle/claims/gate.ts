/**
 * What the oracle knows while the lab waits at a step gate, and the one way every pane check
 * compares rows: pick the process the pane is about, ask the tool, count each row.
 *
 * A host pane names its process in its title (`/proc/4242/mountinfo`). A container pane names
 * PID 1 as the container sees it (`/proc/1/…`), which says nothing about *which* container, so
 * its rows are compared with every running lab container and the one that agrees best is kept:
 * a pane showing a mix of two containers, or neither, still disagrees.
 */
import type { LiveContainer } from '../tools.js';
import type { LinkStates } from './link-states.js';
import { alive } from '../tools.js';
import type { ClaimKind, Tally } from '../tally.js';

export interface Gate {
  lesson: string;
  step: string;
  tally: Tally;
  /** The lab process itself (its namespaces are the host's). */
  labPid: number;
  cgroupParent: string;
  stateDir: string;
  containers: LiveContainer[];
  /** The operstates the kernel announced for host links during the run. */
  linkStates?: LinkStates;
}

export interface PaneRow {
  key: string;
  cells: string[];
}

export interface PaneRecord {
  step: string;
  side: 'host' | 'container';
  title: string;
  columns?: string[];
  rows?: PaneRow[];
  note?: string;
  unavailable?: string;
}

/** The processes a pane may be about (see the module comment). */
export function subjects(pane: PaneRecord, gate: Gate): number[] {
  if (pane.side === 'host') {
    const named = pane.title.match(/\/proc\/(\d+|self)\//)?.[1];
    return [named === undefined || named === 'self' ? gate.labPid : Number(named)];
  }
  return gate.containers.map((c) => c.pid);
}

/**
 * Compares each row with what `read(pid)` found, for the best-agreeing subject. `check` returns
 * undefined when the row agrees, or what the tool says instead.
 */
export function checkRows<S, R>(
  gate: Gate,
  kind: ClaimKind,
  pane: PaneRecord,
  rows: readonly R[],
  read: (pid: number) => S,
  check: (row: R, state: S) => string | undefined,
  claim: (row: R) => string,
  pids = subjects(pane, gate),
): void {
  const live = pids.filter(alive);
  if (!rows.length) return;
  if (!live.length) {
    gate.tally.notChecked(`${kind} rows whose process had ended by the step gate`, rows.length);
    return;
  }
  let best: { pid: number; diffs: (string | undefined)[]; bad: number } | undefined;
  for (const pid of live) {
    let state: S;
    try {
      state = read(pid);
    } catch (err) {
      // The process ended while the tool looked at it: nothing left to compare with.
      if (alive(pid)) throw err;
      continue;
    }
    const diffs = rows.map((r) => check(r, state));
    const bad = diffs.filter((d) => d !== undefined).length;
    if (!best || bad < best.bad) best = { pid, diffs, bad };
    if (bad === 0) break;
  }
  if (!best) {
    gate.tally.notChecked(`${kind} rows whose process had ended by the step gate`, rows.length);
    return;
  }
  for (const [i, diff] of best.diffs.entries()) {
    if (diff === undefined) gate.tally.agree(kind);
    else gate.tally.disagree(kind, gate.step, `${pane.side} pane "${pane.title}": ${claim(rows[i]!)}`, `PID ${best.pid}: ${diff}`);
  }
}

/** The column named `name` of a row, by the pane's headings. */
export function cell(pane: PaneRecord, row: PaneRow, name: string): string | undefined {
  const i = pane.columns?.indexOf(name) ?? -1;
  return i < 0 ? undefined : row.cells[i];
}
