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
 * True when a limit file says "no limit", the way each version spells it: `max` (v2; cpu.max starts
 * with it, `max 100000`), -1 (v1's cpu.cfs_quota_us), or v1 memory's huge 9223372036854771712.
 */
export function isNoLimit(text: string): boolean {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (first === 'max') return true;
  const n = Number(first);
  return first !== '' && (n === -1 || n >= V1_UNLIMITED);
}

/** A limit as a number, or undefined when the file says "no limit" (see {@link isNoLimit}) or is absent. */
export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined || isNoLimit(text)) return undefined;
  const n = parseValue(text);
  return n === undefined || n < 0 ? undefined : n;
}

/** A flat keyed file as the kernel wrote it: `oom_kill 1\nmax 12` → Map { oom_kill → '1', max → '12' }. */
export function parseKeyedText(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined) out.set(key, value);
  }
  return out;
}

/** A flat keyed file's numbers: `oom_kill 1\nmax 12` → { oom_kill: 1, max: 12 }. */
export function parseKeyed(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of parseKeyedText(text)) {
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
