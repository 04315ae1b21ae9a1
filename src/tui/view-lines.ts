/**
 * A pane as lines: the title naming the exact file or command, then the rows, aligned in columns.
 * Rows that differ from the other pane get a gutter mark (≠ changed, + only here) and their changed
 * cells the `changed` tone (and `*…*` when there is no colour).
 *
 * What the step teaches in this pane (its `teaches:` columns, rows and note) is kept whole: the
 * table is fitted to the width by shortening or leaving out the other columns (table-fit.ts), and
 * the lines that must stay are marked, so a short pane drops other rows first.
 */
import { t } from '../i18n/index.js';
import type { Pane } from '../lessons/engine/results.js';
import type { PaneFacts } from '../lessons/types.js';
import type { Mark, View } from '../probes/view.js';
import { cut, plain, wrap } from './line.js';
import type { Line, Seg } from './line.js';
import { shortenPaths } from './step-lines.js';
import { fitTable } from './table-fit.js';
import { textWidth } from '../i18n/text-width.js';

const GUTTER: Record<Mark['kind'], string> = { same: '  ', changed: '≠ ', only: '+ ' };

export interface PaneLines {
  title: Line;
  body: Line[];
  /** Body lines that must stay on screen (true), by index; the others may be left out. */
  keep?: boolean[];
  /** True when a value the step teaches had to wrap onto another line at this width. */
  wrapped?: boolean;
  /** The body line that is the table's header row, if there is one. */
  headerAt?: number;
}

/** The rows of `view` the facts name, by index (`all`: every row). */
export function taughtRows(view: View, facts: PaneFacts | undefined): Set<number> {
  if (!facts) return new Set();
  if (facts.rows === 'all') return new Set(view.rows.map((_, i) => i));
  return new Set(view.rows.flatMap((r, i) => (facts.rows.includes(r.key) || facts.rows.includes(r.cells[0] ?? '') ? [i] : [])));
}

/**
 * A pane's title as it fits beside its label: its long paths shortened, to fewer parts each time,
 * before the line is cut at all. A cut takes the title's end, which is often what it names (in
 * Chinese word order, `对 /var/lib/…/overlay-a/merged 中的 app/config/settings.conf`).
 */
function fittedTitle(label: string, title: string, width: number): string {
  const tries = [title, ...[4, 3].map((keep) => shortenPaths(title, keep))];
  return tries.find((candidate) => textWidth(`${label} · ${candidate}`) <= width) ?? shortenPaths(title, 2);
}

export function paneLines(label: string, pane: Pane | undefined, width: number, mono: boolean, facts?: PaneFacts): PaneLines {
  if (!pane) return { title: plain(`${label}`, 'heading'), body: [plain(t('tui.pane.nothing'), 'muted')] };
  if (!pane.ok)
    return {
      title: cut(
        [
          { text: `${label}`, tone: 'heading' },
          { text: ` · ${fittedTitle(label, pane.title, width)}`, tone: 'muted' },
        ],
        width,
      ),
      body: wrap(plain(pane.reason, 'muted'), width),
    };
  const { view, marks } = pane;
  const changed = (r: number, c: number) => {
    const mark = marks[r];
    return mark?.kind === 'changed' && mark.cells.includes(c);
  };
  const keyValue = !view.columns;
  const rows = taughtRows(view, facts);
  if (keyValue && view.rows.length > 4 && view.rows.every((r) => r.cells.length === 1)) {
    return {
      title: cut(
        [
          { text: label, tone: 'heading' },
          { text: ` · ${fittedTitle(label, view.title, width)}`, tone: 'muted' },
        ],
        width,
      ),
      ...packedList(view, marks, rows, width, mono),
    };
  }
  const wholeColumns = new Set((facts?.columns ?? []).map((name) => view.columns?.indexOf(name) ?? -1).filter((i) => i >= 0));
  const table = fitTable({
    header: view.columns,
    rows: view.rows.map((r) => r.cells),
    wholeColumns,
    // In a key/value view the row is the fact: its value stays whole.
    wholeRows: keyValue ? rows : new Set(),
    width: width - 2,
    extra: (r, c) => (mono && changed(r, c) ? 2 : 0),
  });
  const without = table.dropped.map((c) => view.columns?.[c]).filter(Boolean);
  const titleSegs: Line = [
    { text: label, tone: 'heading' },
    // A title the step points at is drawn whole, wrapped; any other is fitted, then cut.
    { text: ` · ${facts?.title ? view.title : fittedTitle(label, view.title, width)}`, tone: 'muted' },
    ...(without.length ? [{ text: ` · without ${without.join(', ')}`, tone: 'muted' as const }] : []),
  ];
  // A title the step points at wraps, whole; the lines after its first are kept with the body.
  const [title = [], ...titleRest] = facts?.title ? wrap(titleSegs, width, '  ') : [cut(titleSegs, width)];
  const body: Line[] = [...titleRest];
  const keep: boolean[] = titleRest.map(() => true);
  const headerAt = table.header ? body.length : undefined;
  if (table.header) {
    body.push(
      cut(
        [
          { text: '  ' },
          ...cellLines(
            table.header.map((h) => [h]),
            table.widths,
            () => 'muted',
          )[0]!,
        ],
        width,
      ),
    );
    keep.push(rows.size > 0 || wholeColumns.size > 0);
  }
  let wrapped = false;
  table.rows.forEach((cells, r) => {
    const mark = marks[r] ?? { kind: 'same' };
    const tone = (k: number): Seg['tone'] => (changed(r, table.columns[k]!) ? 'changed' : mark.kind === 'only' ? 'only' : undefined);
    const star = (k: number, text: string) => (mono && changed(r, table.columns[k]!) && text ? `*${text}*` : text);
    const lines = cellLines(
      cells.map((lines, k) => lines.map((text, i) => (i === 0 ? star(k, text) : text))),
      table.widths,
      tone,
    );
    wrapped ||= lines.length > 1;
    lines.forEach((segs, i) => {
      const gutter: Seg = i === 0 ? { text: GUTTER[mark.kind], tone: mark.kind === 'same' ? undefined : mark.kind } : { text: '  ' };
      body.push(cut([gutter, ...segs], width));
      keep.push(rows.has(r));
    });
  });
  if (view.note) {
    const note = wrap(plain(view.note, 'muted'), width);
    body.push(...note);
    keep.push(...note.map(() => Boolean(facts?.note)));
  }
  if (body.length === 0) {
    body.push(plain('(empty)', 'muted'));
    keep.push(false);
  }
  return { title, body, keep, wrapped, ...(headerAt !== undefined ? { headerAt } : {}) };
}

/**
 * A list of names (one cell per row, e.g. the capabilities a set holds) flows into as many columns
 * as fit, like `ls`: fourteen names take five lines at 80 columns instead of fourteen.
 */
function packedList(
  view: View,
  marks: readonly Mark[],
  taught: Set<number>,
  width: number,
  mono: boolean,
): Pick<PaneLines, 'body' | 'keep'> {
  const shown = view.rows.map((r, i) => (mono && marks[i]?.kind === 'changed' ? `*${r.cells[0]}*` : (r.cells[0] ?? '')));
  const cell = 2 + Math.max(...shown.map(textWidth));
  const across = Math.max(1, Math.floor((width + 2) / (cell + 2)));
  const body: Line[] = [];
  const keep: boolean[] = [];
  for (let at = 0; at < shown.length; at += across) {
    const line: Line = [];
    shown.slice(at, at + across).forEach((text, k) => {
      const kind = marks[at + k]?.kind ?? 'same';
      const tone = kind === 'same' ? undefined : kind;
      if (k > 0) line.push({ text: ' '.repeat(cell + 2 - textWidth(shown[at + k - 1]!) - 2) });
      line.push({ text: GUTTER[kind], tone }, { text, tone });
    });
    body.push(cut(line, width));
    keep.push(shown.slice(at, at + across).some((_, k) => taught.has(at + k)));
  }
  if (view.note) {
    const note = wrap(plain(view.note, 'muted'), width);
    body.push(...note);
    keep.push(...note.map(() => false));
  }
  return { body, keep };
}

/** A row's cells as lines: cells that wrapped continue below, the other cells blank there. */
export function cellLines(cells: string[][], widths: number[], tone: (k: number) => Seg['tone']): Seg[][] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  return Array.from({ length: height }, (_, i) => {
    const segs: Seg[] = [];
    cells.forEach((lines, k) => {
      const text = lines[i] ?? '';
      if (text) segs.push({ text, tone: tone(k) });
      const last = k === cells.length - 1;
      if (!last) segs.push({ text: ' '.repeat(Math.max(0, (widths[k] ?? 0) - textWidth(text)) + 2) });
    });
    // Trailing blanks of a continuation line are not drawn.
    while (segs.length && segs[segs.length - 1]!.text.trim() === '') segs.pop();
    return segs;
  });
}
