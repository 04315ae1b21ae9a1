/**
 * Capability claims: each mask a pane shows is the one in /proc/PID/status at the gate, and what
 * the lab says it holds ("14 caps", or the list of names) is what `capsh --decode` makes of it.
 */
import fs from 'node:fs';
import { decodeCaps } from '../tools.js';
import { checkRows } from './gate.js';
import type { Gate, PaneRecord } from './gate.js';

function statusField(pid: number, field: string): string | undefined {
  return fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\S+)`, 'm'))?.[1];
}

/** The `set, mask, holds` table: CapInh … CapAmb, and NoNewPrivs. */
export function checkCapabilityMasks(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'set,mask,holds') return false;
  for (const row of pane.rows ?? []) {
    const count = row.cells[2]?.match(/^(\d+) caps?$/)?.[1];
    if (count === undefined) continue;
    const names = decodeCaps(row.cells[1]!);
    gate.tally.expect(
      'capability',
      gate.step,
      names.length === Number(count),
      `${pane.side} pane: ${row.cells.join(' ')}`,
      () => `capsh --decode=${row.cells[1]}: ${names.length} (${names.join(',')})`,
    );
  }
  checkRows(
    gate,
    'capability',
    pane,
    pane.rows ?? [],
    (pid) => pid,
    (row, pid) => {
      const actual = statusField(pid, row.cells[0]!);
      return actual === row.cells[1] ? undefined : `/proc/${pid}/status ${row.cells[0]}: ${actual}`;
    },
    (row) => `${row.cells[0]} ${row.cells[1]}`,
  );
  return true;
}

/** `/proc/1/status CapBnd, decoded`: one row per capability name. */
export function checkDecodedCapabilities(pane: PaneRecord, gate: Gate): boolean {
  const set = pane.title.match(/\b(Cap(?:Inh|Prm|Eff|Bnd|Amb)), decoded/)?.[1];
  if (!set) return false;
  const shown = (pane.rows ?? []).map((r) => r.cells[0]!.toLowerCase()).sort();
  checkRows(
    gate,
    'capability',
    pane,
    [shown],
    (pid) => decodeCaps(statusField(pid, set) ?? '0').sort(),
    (names, decoded) => (names.join() === decoded.join() ? undefined : `capsh --decode of ${set}: ${decoded.join(',')}`),
    (names) => `${set} holds ${names.join(',')}`,
  );
  return true;
}

/** Output lines such as `CapEff 00000000a80425fb  14 capabilities`: the count capsh decodes. */
export function checkCapabilityLines(lines: string[], gate: Gate): void {
  for (const line of lines) {
    const m = line.match(/\b(Cap(?:Inh|Prm|Eff|Bnd|Amb)) ([0-9a-f]{16})\s+(\d+) capabilit(?:y|ies)\b/);
    if (!m) continue;
    const names = decodeCaps(m[2]!);
    gate.tally.expect(
      'capability',
      gate.step,
      names.length === Number(m[3]),
      line.trim(),
      () => `capsh --decode=${m[2]}: ${names.length} (${names.join(',')})`,
    );
  }
}
