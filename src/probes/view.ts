/**
 * A View is what one pane shows: a title naming the exact file or command it was read from, and
 * rows of cells. Each row has a key that identifies the same object on both sides (a namespace kind,
 * a status field, a process by its PID inside the container), so the two panes can be compared.
 */

export interface Row {
  /** Identity used to match this row with the other pane's (e.g. `pid`, `NSpid`, `inner:1`). */
  key: string;
  cells: readonly string[];
}

export interface View {
  /** The exact file or command shown, e.g. `/proc/48213/status`. */
  title: string;
  /** Column headings, for tables. Key/value views have none. */
  columns?: readonly string[];
  rows: readonly Row[];
  /** A sentence about what was read when it is not a plain table (e.g. the file did not exist). */
  note?: string;
  /** Numbers a pane can draw as they change, when a step reads the probe again and again (`live:`). */
  meters?: readonly Meter[];
}

/**
 * One number read from the kernel, described well enough to be drawn: a bar against its ceiling
 * (memory in use against the limit), or a sparkline of how fast a counter grows (CPU time).
 */
export interface Meter {
  /** Stable across reads and hosts (`memory.usage`), whichever file the number came from. */
  key: string;
  /** The file (and key) it was read from, e.g. `memory.events oom_kill`. */
  label: string;
  value: number;
  /**
   * `level` goes up and down (memory in use); `total` only grows (CPU time used, OOM kills); `peak`
   * is the kernel's own high-water mark of a level (memory.peak), which no read can miss.
   */
  kind: 'level' | 'total' | 'peak';
  unit: 'bytes' | 'count' | 'usec';
  /** A level's ceiling (its limit), when it has one. */
  max?: number;
}

/** How a row compares with the other pane. */
export type Mark =
  /** The other pane has the same row with the same cells. */
  | { kind: 'same' }
  /** The other pane has this row, but these cells differ. */
  | { kind: 'changed'; cells: readonly number[] }
  /** The other pane has no such row. */
  | { kind: 'only' };

/** A key/value row. */
export function field(key: string, value: string): Row {
  return { key, cells: [key, value] };
}

/** A key/value row whose label is a word for people (`lowest PID`): `key` stays the same in every language. */
export function labelled(key: string, label: string, value: string): Row {
  return { key, cells: [label, value] };
}
