/**
 * Namespace inodes on the screen (`net:[4026532389]`, a PIDNS column) against `lsns --task PID`.
 */
import { alive, namespacesOf } from '../tools.js';
import { cell, checkRows } from './gate.js';
import type { Gate, PaneRecord, PaneRow } from './gate.js';

const NS_LINK = /^(\w+):\[(\d+)\]$/;

/** `readlink /proc/PID/ns/*` panes: one row per namespace type. */
export function checkNamespaceLinks(pane: PaneRecord, gate: Gate): boolean {
  const rows = (pane.rows ?? []).filter((r) => r.cells.length === 2 && NS_LINK.test(r.cells[1]!));
  if (!rows.length) return false;
  checkRows(
    gate,
    'namespace',
    pane,
    rows,
    namespacesOf,
    (row, ns) => {
      const [, type, inode] = row.cells[1]!.match(NS_LINK)!;
      const actual = ns.get(type!);
      return actual === inode ? undefined : `lsns: ${type} namespace ${actual ?? 'not listed'}`;
    },
    (row) => row.cells[1]!,
  );
  return true;
}

/** Process tables with a PIDNS column: each process's PID namespace, by its host PID. */
export function checkPidNamespaceColumn(pane: PaneRecord, gate: Gate): boolean {
  if (!pane.columns?.includes('PIDNS') || pane.side !== 'host') return false;
  for (const row of pane.rows ?? []) {
    const pid = Number(cell(pane, row, 'PID'));
    const pidns = cell(pane, row, 'PIDNS');
    if (!pidns || pidns === '?' || !alive(pid)) {
      gate.tally.notChecked('PIDNS cells of processes gone (or unreadable) by the step gate');
      continue;
    }
    checkRows(
      gate,
      'namespace',
      pane,
      [row],
      namespacesOf,
      (_r: PaneRow, ns) => (ns.get('pid') === pidns ? undefined : `lsns: pid namespace ${ns.get('pid')}`),
      () => `PID ${pid} in pid namespace ${pidns}`,
      [pid],
    );
  }
  return true;
}
