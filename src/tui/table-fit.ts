/**
 * A table fitted to a width without cutting what a step teaches. A pane's columns often add up to
 * more than the screen has (a mount table's paths alone can fill 80 columns), and a plain cut at
 * the right edge removes exactly the last column, which is often the one the text points at. So,
 * in this order, until the table fits:
 *
 * 1. columns that are not the point get narrower, the one that names the row (the first) last: a
 *    path keeps its start and its end (`/var…/overlay-m/merged`), other text its start;
 * 2. such columns are left out, empty ones first, then the widest (never the first one: it names
 *    the row);
 * 3. the columns that are the point wrap their long values onto further lines.
 *
 * Whole columns and whole rows are never shortened: their values are wrapped instead.
 */
import { fitWidth, splitGraphemes, textWidth } from '../i18n/text-width.js';

export interface TableInput {
  header?: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns whose values must stay whole. */
  wholeColumns: ReadonlySet<number>;
  /** Rows (indexes into `rows`) whose values must stay whole. */
  wholeRows?: ReadonlySet<number>;
  width: number;
  /** Columns a cell needs beside its text (`*…*` marks a changed cell without colour). */
  extra?: (row: number, column: number) => number;
}

export interface FittedTable {
  /** The columns shown, as indexes of the input's columns, in order. */
  columns: number[];
  /** The width of each shown column. */
  widths: number[];
  /** The header's cells (one line each), when there is a header. */
  header?: string[];
  /** Per row, per shown column: the cell's lines (more than one when a whole value wraps). */
  rows: string[][][];
  /** Input columns left out for lack of room. */
  dropped: number[];
}

const GAP = 2;
/** The narrowest a column that is not the point gets; the first column names the row, and keeps more. */
const FLOOR = { first: 14, other: 8 };
/** The narrowest a column that is the point gets before its values wrap. */
const WRAP_FLOOR = 10;

export function fitTable(input: TableInput): FittedTable {
  const { header, rows, wholeColumns } = input;
  const wholeRows = input.wholeRows ?? new Set<number>();
  const extra = input.extra ?? (() => 0);
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const all = Array.from({ length: count }, (_, c) => c);
  const cellWidth = (r: number, c: number) => textWidth(rows[r]![c] ?? '') + extra(r, c);
  const natural = all.map((c) => Math.max(textWidth(header?.[c] ?? ''), ...rows.map((_, r) => cellWidth(r, c))));
  // A column holding a whole row's value (a key/value view) may narrow, but not below what a
  // wrapped value still reads well in.
  const holdsWholeRow = (c: number) => c > 0 && rows.some((_, r) => wholeRows.has(r) && cellWidth(r, c) > 0);
  const floor = (c: number) =>
    wholeColumns.has(c) ? natural[c]! : Math.min(natural[c]!, holdsWholeRow(c) ? WRAP_FLOOR : c === 0 ? FLOOR.first : FLOOR.other);
  const total = (widths: number[], shown: number[]) => shown.reduce((sum, c) => sum + widths[c]!, 0) + GAP * Math.max(0, shown.length - 1);

  /**
   * Narrows the widest column above its floor, one column at a time, until the table fits. The
   * first column names the row: it narrows only once the others are at their floors.
   */
  const narrow = (shown: number[], floorOf: (c: number) => number): number[] => {
    const widths = [...natural];
    let over = total(widths, shown) - input.width;
    while (over > 0) {
      const room = shown.filter((c) => widths[c]! > floorOf(c));
      const widest = (room.some((c) => c > 0) ? room.filter((c) => c > 0) : room).sort((a, b) => widths[b]! - widths[a]! || b - a)[0];
      if (widest === undefined) break;
      widths[widest]! -= 1;
      over -= 1;
    }
    return widths;
  };

  let shown = all;
  let widths = narrow(shown, floor);
  const dropped: number[] = [];
  // A column with no value in any row goes first: it only shows its heading.
  const empty = (c: number) => rows.every((r) => !(r[c] ?? '').trim());
  const droppable = all
    .filter((c) => c > 0 && !wholeColumns.has(c))
    .sort((a, b) => Number(empty(b)) - Number(empty(a)) || natural[b]! - natural[a]! || b - a);
  for (const c of droppable) {
    if (total(widths, shown) <= input.width) break;
    dropped.push(c);
    shown = shown.filter((x) => x !== c);
    widths = narrow(shown, floor);
  }
  if (total(widths, shown) > input.width)
    widths = narrow(shown, (c) => (wholeColumns.has(c) ? Math.min(natural[c]!, WRAP_FLOOR) : floor(c)));

  const cell = (text: string, width: number, whole: boolean): string[] => {
    if (textWidth(text) <= width) return [text];
    return whole ? wrapValue(text, width) : [shorten(text, width)];
  };
  return {
    columns: shown,
    widths: shown.map((c) => widths[c]!),
    ...(header ? { header: shown.map((c) => cell(header[c] ?? '', widths[c]!, false)[0]!) } : {}),
    rows: rows.map((row, r) => shown.map((c) => cell(row[c] ?? '', widths[c]! - extra(r, c), wholeColumns.has(c) || wholeRows.has(r)))),
    dropped,
  };
}

/**
 * `text` in at most `width` columns, ending or broken in the middle with `…`. A path (a `/` and no
 * space) keeps its first part and as much of its end as fits, cut at `/` where it can be: the end
 * names the file.
 */
export function shorten(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const room = width - 1;
  // A command line (`/bin/sh -c while …`) reads from its start; only a path is cut in the middle.
  if (!text.includes('/') || /\s/.test(text)) return `${fitWidth(text, room)}…`;
  const slashes = [...text.matchAll(/\//g)].map((m) => m.index);
  // A head ends before a `/` (within a third of the room, or is empty), the end starts at one:
  // of those pairs, the one that keeps the most of the path.
  const heads = [0, ...slashes.filter((i) => i > 0 && textWidth(text.slice(0, i)) <= Math.floor(room / 3))];
  let best: string | undefined;
  for (const headEnd of heads) {
    const tailStart = slashes.find((i) => i >= headEnd && textWidth(text.slice(0, headEnd)) + textWidth(text.slice(i)) <= room);
    const kept = tailStart === undefined ? undefined : `${text.slice(0, headEnd)}…${text.slice(tailStart)}`;
    if (kept && (!best || textWidth(kept) > textWidth(best))) best = kept;
  }
  // No `/` leaves an end that fills half the room: the head and as much of the end as fits.
  if (best && textWidth(best) > room / 2) return best;
  const head = text.slice(0, heads[heads.length - 1]);
  return `${head}…${lastColumns(text, room - textWidth(head))}`;
}

/** The longest end of `text` that fits in `width` columns. */
function lastColumns(text: string, width: number): string {
  const chars = splitGraphemes(text);
  let out = '';
  for (let i = chars.length - 1; i >= 0 && textWidth(chars[i]! + out) <= width; i--) out = chars[i]! + out;
  return out;
}

/** A value wrapped onto lines of `width` columns: after spaces, `/` and `,` where it can, anywhere else. */
export function wrapValue(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of text.split(/(?<=[ /,])/)) {
    if (textWidth(line + piece) <= width) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    let rest = piece;
    while (textWidth(rest) > width) {
      const part = fitWidth(rest, Math.max(1, width));
      lines.push(part);
      rest = rest.slice(part.length);
    }
    line = rest;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
