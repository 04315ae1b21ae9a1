/**
 * Parsers for the formats cgroup files use. The kernel documentation names them:
 *   single value   `33554432`, or `max` for "no limit"            memory.max, pids.current
 *   flat keyed     `key value` per line                           memory.events, cpu.stat
 *   newline list   one PID per line                               cgroup.procs
 */

/** The largest page-aligned value v1 memory files print for "no limit" is 2^63 - 4096; anything this big is unlimited. */
const V1_UNLIMITED = 2 ** 62;

/** A single number; undefined for absent files and empty text. */
export function parseValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A limit: `max` (v2) or v1's huge "unlimited" numbers (9223372036854771712 in
 * memory.limit_in_bytes, -1 in cpu.cfs_quota_us) mean no limit, returned as undefined.
 */
export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === 'max') return undefined;
  const n = parseValue(text);
  return n === undefined || n < 0 || n >= V1_UNLIMITED ? undefined : n;
}

/** A flat keyed file: `oom_kill 1\nmax 12` → { oom_kill: 1, max: 12 }. */
export function parseKeyed(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of (text ?? '').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key === undefined || value === undefined) continue;
    const n = Number(value);
    if (Number.isFinite(n)) out[key] = n;
  }
  return out;
}

/** `cgroup.procs`: one PID per line. */
export function parsePids(text: string | undefined): number[] {
  return (text ?? '')
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}
