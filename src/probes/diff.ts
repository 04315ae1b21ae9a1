/**
 * The difference between the host's view and the container's view of the same object.
 *
 * Pure: rows are matched by key, and matched rows compared cell by cell. The panes draw the marks
 * (a gutter sign plus colour), so the learner's eye goes straight to what the namespace changed.
 */
import { t } from '../i18n/index.js';
import type { Mark, View } from './view.js';

/** Marks for each row of `a` and of `b`, in row order. */
export function diffViews(a: View, b: View): { a: Mark[]; b: Mark[] } {
  return { a: marksAgainst(a, b), b: marksAgainst(b, a) };
}

function marksAgainst(view: View, other: View): Mark[] {
  const byKey = new Map(other.rows.map((row) => [row.key, row]));
  return view.rows.map((row): Mark => {
    const match = byKey.get(row.key);
    if (!match) return { kind: 'only' };
    const cells: number[] = [];
    const width = Math.max(row.cells.length, match.cells.length);
    for (let i = 0; i < width; i++) {
      if (row.cells[i] !== match.cells[i]) cells.push(i);
    }
    return cells.length === 0 ? { kind: 'same' } : { kind: 'changed', cells };
  });
}

/** Marks for a view shown alone (no other pane to compare with). */
export function unmarked(view: View): Mark[] {
  return view.rows.map(() => ({ kind: 'same' }));
}

/**
 * One line per difference, for plain text: `NSpid: 48213 1 ⟷ 1`. `where` says where a row that only
 * one side has was seen: "on the host", or "in Container dropped" when the panes show two containers.
 */
export function describeDifferences(a: View, b: View, where = { a: t('probes.diff.on-host'), b: t('probes.diff.in-container') }): string[] {
  const lines: string[] = [];
  const bByKey = new Map(b.rows.map((row) => [row.key, row]));
  const label = (cells: readonly string[]): string => cells.join(' ');
  for (const row of a.rows) {
    const match = bByKey.get(row.key);
    if (!match) lines.push(t('probes.diff.only', { where: where.a, row: label(row.cells) }));
    else if (label(row.cells) !== label(match.cells)) lines.push(`${label(row.cells)}  ⟷  ${label(match.cells)}`);
  }
  const aKeys = new Set(a.rows.map((row) => row.key));
  for (const row of b.rows) {
    if (!aKeys.has(row.key)) lines.push(t('probes.diff.only', { where: where.b, row: label(row.cells) }));
  }
  return lines;
}
