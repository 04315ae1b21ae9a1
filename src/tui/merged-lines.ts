/**
 * On a narrow terminal, two key/value views of the same object (namespace links, status fields) are
 * drawn as one table, Host and Container values side by side on each row: the eye compares along a
 * row, and the pair takes half the height of two stacked panes. The rows a step teaches keep their
 * values whole (wrapped when long); the others may be shortened.
 */
import type { Pane } from '../lessons/engine/results.js';
import type { PaneFacts } from '../lessons/types.js';
import type { Mark } from '../probes/view.js';
import { cut, plain, wrap } from './line.js';
import type { Line, Seg } from './line.js';
import { fitTable } from './table-fit.js';
import { cellLines, taughtRows } from './view-lines.js';

type Shown = Extract<Pane, { ok: true }>;

/** True when both panes are key/value views that can share one table. */
export function canMerge(host: Pane | undefined, container: Pane | undefined): boolean {
  return Boolean(
    host?.ok && container?.ok && !host.view.columns && !container.view.columns && host.view.rows.length + container.view.rows.length > 0,
  );
}

export function mergedLines(
  host: Shown,
  container: Shown,
  labels: { host: string; container: string },
  width: number,
  mono: boolean,
  facts: { host?: PaneFacts; container?: PaneFacts } = {},
): { lines: Line[]; keep: boolean[] } {
  const inside = new Map(container.view.rows.map((r, i) => [r.key, { row: r, mark: container.marks[i] }]));
  const keys = [
    ...host.view.rows.map((r) => r.key),
    ...container.view.rows.map((r) => r.key).filter((k) => !host.view.rows.some((r) => r.key === k)),
  ];
  const taught = new Set([
    ...[...taughtRows(host.view, facts.host)].map((i) => host.view.rows[i]!.key),
    ...[...taughtRows(container.view, facts.container)].map((i) => container.view.rows[i]!.key),
  ]);
  const rows = keys.map((key) => {
    const h = host.view.rows.findIndex((r) => r.key === key);
    const c = inside.get(key);
    const mark: Mark = h < 0 || !c ? { kind: 'only' } : (host.marks[h] ?? { kind: 'same' });
    return {
      key,
      label: (h >= 0 ? host.view.rows[h]!.cells[0] : c?.row.cells[0]) ?? key,
      host: h >= 0 ? host.view.rows[h]!.cells.slice(1).join(' ') : '',
      inside: c?.row.cells.slice(1).join(' ') ?? '',
      mark,
    };
  });
  const star = (text: string, changed: boolean) => (mono && changed && text ? `*${text}*` : text);
  const table = fitTable({
    header: ['', labels.host, labels.container],
    rows: rows.map((r) => [r.label, r.host, r.inside]),
    wholeColumns: new Set(),
    wholeRows: new Set(rows.flatMap((r, i) => (taught.has(r.key) ? [i] : []))),
    width: width - 2,
    extra: (r, c) => (c > 0 && mono && rows[r]!.mark.kind !== 'same' && (c === 1 ? rows[r]!.host : rows[r]!.inside) ? 2 : 0),
  });
  const lines: Line[] = [
    cut(
      [
        { text: labels.host, tone: 'heading' },
        { text: ` · ${host.view.title}`, tone: 'muted' },
      ],
      width,
    ),
    cut(
      [
        { text: labels.container, tone: 'heading' },
        { text: ` · ${container.view.title}`, tone: 'muted' },
      ],
      width,
    ),
    cut(
      [
        { text: '  ' },
        ...cellLines(
          table.header!.map((h) => [h]),
          table.widths,
          () => 'muted',
        )[0]!,
      ],
      width,
    ),
  ];
  const keep = [true, true, taught.size > 0];
  table.rows.forEach((cells, i) => {
    const r = rows[i]!;
    const changed = r.mark.kind !== 'same';
    const tone: Seg['tone'] = r.mark.kind === 'only' ? 'only' : changed ? 'changed' : undefined;
    const gutter = r.mark.kind === 'same' ? '  ' : r.mark.kind === 'changed' ? '≠ ' : '+ ';
    const shown = cells.map((cell, k) => cell.map((text, j) => (k > 0 && j === 0 ? star(text, changed) : text)));
    cellLines(shown, table.widths, (k) => (k > 0 ? tone : undefined)).forEach((segs, j) => {
      lines.push(cut([{ text: j === 0 ? gutter : '  ', tone: j === 0 ? tone : undefined }, ...segs], width));
      keep.push(taught.has(r.key));
    });
  });
  for (const [note, side] of [
    [host.view.note, facts.host],
    [container.view.note, facts.container],
  ] as const) {
    if (!note) continue;
    const noteLines = wrap(plain(note, 'muted'), width);
    lines.push(...noteLines);
    keep.push(...noteLines.map(() => Boolean(side?.note)));
  }
  return { lines, keep };
}
