/**
 * On a narrow terminal, two key/value views of the same object (namespace links, status fields) are
 * drawn as one table, Host and Container values side by side on each row: the eye compares along a
 * row, and the pair takes half the height of two stacked panes.
 */
import type { Pane } from '../lessons/engine/results.js';
import type { Mark } from '../probes/view.js';
import { cut, plain } from './line.js';
import type { Line, Seg } from './line.js';
import { textWidth } from './text-width.js';

type Shown = Extract<Pane, { ok: true }>;

/** True when both panes are key/value views that can share one table. */
export function canMerge(host: Pane | undefined, container: Pane | undefined): boolean {
  return Boolean(host?.ok && container?.ok && !host.view.columns && !container.view.columns && host.view.rows.length + container.view.rows.length > 0);
}

export function mergedLines(host: Shown, container: Shown, labels: { host: string; container: string }, width: number, mono: boolean): Line[] {
  const inside = new Map(container.view.rows.map((r, i) => [r.key, { row: r, mark: container.marks[i] }]));
  const keys = [...host.view.rows.map((r) => r.key), ...container.view.rows.map((r) => r.key).filter((k) => !host.view.rows.some((r) => r.key === k))];
  const rows = keys.map((key) => {
    const h = host.view.rows.findIndex((r) => r.key === key);
    const c = inside.get(key);
    const mark: Mark = h < 0 || !c ? { kind: 'only' } : host.marks[h] ?? { kind: 'same' };
    return { key, label: (h >= 0 ? host.view.rows[h]!.cells[0] : c?.row.cells[0]) ?? key, host: h >= 0 ? host.view.rows[h]!.cells.slice(1).join(' ') : '', inside: c?.row.cells.slice(1).join(' ') ?? '', mark };
  });
  const star = (text: string, changed: boolean) => (mono && changed && text ? `*${text}*` : text);
  const labelW = Math.max(...rows.map((r) => textWidth(r.label)), 3);
  const hostW = Math.max(...rows.map((r) => textWidth(star(r.host, r.mark.kind !== 'same'))), textWidth(labels.host));
  const lines: Line[] = [
    cut([{ text: labels.host, tone: 'heading' }, { text: ` · ${host.view.title}`, tone: 'muted' }], width),
    cut([{ text: labels.container, tone: 'heading' }, { text: ` · ${container.view.title}`, tone: 'muted' }], width),
    cut([{ text: `  ${''.padEnd(labelW)}  ` }, { text: labels.host.padEnd(hostW), tone: 'muted' }, { text: '  ' }, { text: labels.container, tone: 'muted' }], width),
  ];
  for (const r of rows) {
    const changed = r.mark.kind !== 'same';
    const tone: Seg['tone'] = r.mark.kind === 'only' ? 'only' : changed ? 'changed' : undefined;
    const gutter = r.mark.kind === 'same' ? '  ' : r.mark.kind === 'changed' ? '≠ ' : '+ ';
    const hostText = star(r.host, changed);
    lines.push(cut([
      { text: gutter, tone }, { text: `${r.label.padEnd(labelW)}  ` },
      { text: hostText, tone }, { text: ' '.repeat(hostW - textWidth(hostText) + 2) },
      { text: star(r.inside, changed), tone },
    ], width));
  }
  for (const note of [host.view.note, container.view.note]) if (note) lines.push(cut(plain(note, 'muted'), width));
  return lines;
}
