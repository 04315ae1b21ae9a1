/**
 * A pane in the rows the layout gave it: its title, the lines the step teaches (always), the other
 * lines while there is room, and a line saying how many were left out.
 */
import { t } from '../i18n/index.js';
import { cut, plain } from './line.js';
import type { Line } from './line.js';
import type { PaneLines } from './view-lines.js';

/** A pane's lines: title, the lines to keep, the others while there is room, and what was left out. */
export function paneBlock(p: PaneLines, height: number, width: number): Line[] {
  const room = height - 1;
  if (p.body.length <= room) return [p.title, ...p.body];
  // One row: the title says how many rows it stands for.
  if (room <= 0 && !(p.keep ?? []).some(Boolean)) {
    const title = p.title[p.title.length - 1]?.text === '…' ? p.title.slice(0, -1) : p.title;
    return [cut([...title, { text: t('tui.pane.rows-hidden', { count: p.body.length }), tone: 'muted' }], width)];
  }
  const kept = p.keep ?? [];
  let free = Math.max(0, room - 1 - kept.filter(Boolean).length);
  // With room for one line, a row says more than the header above it would.
  const skip = free === 1 && p.headerAt !== undefined && !kept[p.headerAt] ? p.headerAt : -1;
  const shown = p.body.map((_, i) => {
    if (kept[i]) return true;
    if (i === skip) return false;
    if (free <= 0) return false;
    free -= 1;
    return true;
  });
  const left = shown.filter((s) => !s).length;
  return [p.title, ...p.body.filter((_, i) => shown[i]), plain(t('tui.pane.more-rows', { count: left }), 'muted')];
}

/**
 * The fewest rows a pane should take (its title, the lines it must keep or two, and the line saying
 * what was left out), and the fewest it can take: its title alone when it keeps nothing.
 */
export function paneMin(p: PaneLines): { min: number; floor: number } {
  const kept = (p.keep ?? []).filter(Boolean).length;
  if (p.body.length <= Math.max(kept, 2)) return { min: 1 + p.body.length, floor: kept ? 1 + p.body.length : 1 };
  return { min: 1 + Math.max(kept, 1) + 1, floor: kept ? 2 + kept : 1 };
}

/** Side by side, both columns get the same number of lines, so the separator runs the full height. */
export function sameHeight(host: Line[], container: Line[], sideBySide: boolean): { host: Line[]; container: Line[] } {
  if (!sideBySide) return { host, container };
  const rows = Math.max(host.length, container.length);
  const padTo = (lines: Line[]) => [...lines, ...Array.from({ length: rows - lines.length }, (): Line => [])];
  return { host: padTo(host), container: padTo(container) };
}
