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
