/**
 * A pane as lines: the title naming the exact file or command, then the rows, aligned in columns.
 * Rows that differ from the other pane get a gutter mark (≠ changed, + only here) and their changed
 * cells the `changed` tone (and `*…*` when there is no colour).
 */
import type { Pane } from '../lessons/engine/results.js';
import type { Mark } from '../probes/view.js';
import { cut, plain, wrap } from './line.js';
import type { Line, Seg } from './line.js';
import { textWidth } from './text-width.js';

const GUTTER: Record<Mark['kind'], string> = { same: '  ', changed: '≠ ', only: '+ ' };

export interface PaneLines {
  title: Line;
  body: Line[];
}

export function paneLines(label: string, pane: Pane | undefined, width: number, mono: boolean): PaneLines {
  if (!pane) return { title: plain(`${label}`, 'heading'), body: [plain('(nothing to show for this step)', 'muted')] };
  if (!pane.ok) return { title: cut([{ text: `${label}`, tone: 'heading' }, { text: ` · ${pane.title}`, tone: 'muted' }], width), body: wrap(plain(pane.reason, 'muted'), width) };
  const { view, marks } = pane;
  const title = cut([{ text: label, tone: 'heading' }, { text: ` · ${view.title}`, tone: 'muted' }], width);
  const table = view.columns ? [view.columns, ...view.rows.map((r) => r.cells)] : view.rows.map((r) => r.cells);
  const widths: number[] = [];
  const shown = (cell: string, changed: boolean) => (mono && changed ? `*${cell}*` : cell);
  table.forEach((cells, r) => cells.forEach((c, i) => {
    const mark = view.columns ? (r === 0 ? undefined : marks[r - 1]) : marks[r];
    const changed = mark?.kind === 'changed' && mark.cells.includes(i);
    widths[i] = Math.max(widths[i] ?? 0, textWidth(shown(c, changed)));
  }));
  const body: Line[] = [];
  if (view.columns) body.push(cut([{ text: '  ' }, ...cellSegs(view.columns, widths, undefined, mono, 'muted')], width));
  view.rows.forEach((row, r) => {
    const mark = marks[r] ?? { kind: 'same' };
    const gutter: Seg = { text: GUTTER[mark.kind], tone: mark.kind === 'same' ? undefined : mark.kind };
    body.push(cut([gutter, ...cellSegs(row.cells, widths, mark, mono)], width));
  });
  if (view.note) body.push(...wrap(plain(view.note, 'muted'), width));
  if (body.length === 0) body.push(plain('(empty)', 'muted'));
  return { title, body };
}

function cellSegs(cells: readonly string[], widths: number[], mark: Mark | undefined, mono: boolean, tone?: Seg['tone']): Seg[] {
  const segs: Seg[] = [];
  cells.forEach((cell, i) => {
    const changed = mark?.kind === 'changed' && mark.cells.includes(i);
    const text = mono && changed ? `*${cell}*` : cell;
    const last = i === cells.length - 1;
    segs.push({ text, tone: changed ? 'changed' : mark?.kind === 'only' ? 'only' : tone });
    if (!last) segs.push({ text: ' '.repeat(Math.max(1, (widths[i] ?? 0) - textWidth(text) + 2)) });
  });
  return segs;
}
