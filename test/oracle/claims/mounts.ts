/**
 * Mount tables on the screen against `findmnt -N PID`: each row is a mount with that target, type,
 * source and propagation. A table that shows `/` claims to be the whole table, so its size must
 * match too (a pane filtered to one directory has no `/` row). The cgroup-mode pane's mounts are
 * checked the same way, and the overlay-dirs pane's directories against the overlay's options.
 */
import fs from 'node:fs';
import { mountsOf, run } from '../tools.js';
import type { Mount } from '../tools.js';
import { cell, checkRows } from './gate.js';
import type { Gate, PaneRecord, PaneRow } from './gate.js';

/** findmnt shows a bind mount's source as `devtmpfs[/null]`; /proc/PID/mountinfo shows `devtmpfs`. */
const source = (m: Mount) => m.source.replace(/\[.*\]$/, '');

/** `shared:1` names the peer group (mountinfo's optional fields); `private` only the type. */
function samePropagation(shown: string, m: Mount): boolean {
  if (/\d/.test(shown)) return shown.split(/\s+/).sort().join(' ') === (m['opt-fields'] ?? '').split(/\s+/).sort().join(' ');
  return shown === m.propagation;
}

export function checkMountTable(pane: PaneRecord, gate: Gate): boolean {
  const cols = pane.columns ?? [];
  if (cols[0] !== 'mount point' || !cols.includes('type')) return false;
  const rows = pane.rows ?? [];
  const withPropagation = cols.includes('propagation');
  const describe = (m: Mount) => `${m.target} ${m.fstype} ${source(m)} ${m.propagation}${m['opt-fields'] ? ` (${m['opt-fields']})` : ''}`;
  checkRows(
    gate,
    'mount',
    pane,
    rows,
    (pid) => ({ mounts: mountsOf(pid), used: new Set<Mount>() }),
    (row, state) => {
      const [target, type, src, propagation] = row.cells;
      const hit = state.mounts.find(
        (m) =>
          !state.used.has(m) &&
          m.target === target &&
          m.fstype === type &&
          (!withPropagation || (source(m) === src && samePropagation(propagation!, m))),
      );
      if (hit) {
        state.used.add(hit);
        return undefined;
      }
      const there = state.mounts.filter((m) => m.target === target);
      return `findmnt: ${there.length ? there.map(describe).join('; ') : `nothing mounted at ${target}`}`;
    },
    (row) => row.cells.join(' '),
  );
  // The whole table: as many mounts as findmnt lists.
  if (withPropagation && rows.some((r) => r.cells[0] === '/')) {
    checkRows(
      gate,
      'mount',
      pane,
      [rows.length],
      (pid) => mountsOf(pid).length,
      (n, actual) => (n === actual ? undefined : `findmnt lists ${actual} mounts`),
      (n) => `the table has ${n} mounts`,
    );
  }
  return true;
}

/** The overlay-dirs pane: each role's directory is in the overlay mount's options, with that inode and device. */
export function checkOverlayDirs(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.[0] !== 'role' || !pane.columns.includes('directory')) return false;
  const merged = (pane.rows ?? []).find((r) => r.cells[0] === 'merged')?.cells[1];
  checkRows(
    gate,
    'mount',
    pane,
    pane.rows ?? [],
    (pid) => mountsOf(pid).find((m) => m.target === merged && m.fstype === 'overlay'),
    (row: PaneRow, m) => {
      const role = row.cells[0]!;
      const dir = cell(pane, row, 'directory')!;
      if (!m) return `findmnt: no overlay mounted at ${merged}`;
      const option = (key: string) =>
        m.options
          .split(',')
          .find((o) => o.startsWith(`${key}=`))
          ?.slice(key.length + 1);
      const listed =
        role === 'merged' || (role.startsWith('lowerdir') ? (option('lowerdir') ?? '').split(':').includes(dir) : option(role) === dir);
      if (!listed) return `findmnt: the overlay's options are ${m.options}`;
      const [inode, dev] = run('stat', ['-c', '%i|%Hd:%Ld', dir]).trim().split('|');
      if (inode !== cell(pane, row, 'inode') || dev !== cell(pane, row, 'dev')) return `stat: inode ${inode}, device ${dev}`;
      const entries = fs.readdirSync(dir).length;
      return String(entries) === cell(pane, row, 'entries') ? undefined : `ls -A: ${entries} entries`;
    },
    (row) => row.cells.join(' '),
  );
  return true;
}
