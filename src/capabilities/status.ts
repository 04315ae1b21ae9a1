/**
 * A process's capabilities as the kernel publishes them in /proc/<pid>/status:
 *   CapInh  inheritable  what may pass through an execve to a program that has file capabilities
 *   CapPrm  permitted    the most this process may ever switch on
 *   CapEff  effective    what the kernel checks right now, call by call
 *   CapBnd  bounding     the ceiling: nothing outside it can be gained again, even by execve
 *   CapAmb  ambient      what an unprivileged program keeps across execve without file capabilities
 * Each line is a 64-bit mask in hex, one bit per capability number (capabilities(7)).
 * `NoNewPrivs: 1` means execve can no longer grant anything (no setuid, no file capabilities).
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';

export const CAP_SET_KEYS = ['inheritable', 'permitted', 'effective', 'bounding', 'ambient'] as const;
export type CapSetKey = (typeof CAP_SET_KEYS)[number];

/** The /proc/<pid>/status field for each set. */
export const STATUS_FIELD: Readonly<Record<CapSetKey, string>> = {
  inheritable: 'CapInh',
  permitted: 'CapPrm',
  effective: 'CapEff',
  bounding: 'CapBnd',
  ambient: 'CapAmb',
};

export interface CapStatus {
  sets: Record<CapSetKey, bigint>;
  /** The `NoNewPrivs` line (absent on kernels older than 4.10). */
  noNewPrivs?: boolean;
}

/** Parses the text of /proc/<pid>/status. Throws if a capability line is missing. */
export function parseCapStatus(text: string): CapStatus {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const sets = {} as Record<CapSetKey, bigint>;
  for (const key of CAP_SET_KEYS) {
    const hex = fields.get(STATUS_FIELD[key]);
    if (hex === undefined || !/^[0-9a-fA-F]{1,16}$/.test(hex)) {
      throw new Error(t('runtime.caps.status-field', { field: STATUS_FIELD[key] }));
    }
    sets[key] = BigInt(`0x${hex}`);
  }
  const nnp = fields.get('NoNewPrivs');
  return { sets, ...(nnp !== undefined ? { noNewPrivs: nnp === '1' } : {}) };
}

/** Reads and parses `<procRoot>/<pid>/status`. */
export function readCapStatus(pid: number | 'self', procRoot = '/proc'): CapStatus {
  return parseCapStatus(fs.readFileSync(path.join(procRoot, String(pid), 'status'), 'utf8'));
}

/** The highest capability number this kernel knows (/proc/sys/kernel/cap_last_cap). */
export function readCapLastCap(procRoot = '/proc'): number {
  return Number(fs.readFileSync(path.join(procRoot, 'sys/kernel/cap_last_cap'), 'utf8').trim());
}

/** The mask with every capability up to `lastCap` set: what root has on the host. */
export function fullMask(lastCap: number): bigint {
  return (1n << BigInt(lastCap + 1)) - 1n;
}

/** A mask as /proc prints it: 16 hex digits. */
export function formatMask(mask: bigint): string {
  return mask.toString(16).padStart(16, '0');
}
