/**
 * Parsers for the `/proc/<pid>/…` files the probes read. Pure functions over file text.
 * See proc(5) for every field.
 */

/** `/proc/<pid>/status` as field → value (`NSpid` → `48213 1`). */
export function parseStatus(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.set(
        line.slice(0, colon),
        line
          .slice(colon + 1)
          .trim()
          .replace(/\s+/g, ' '),
      );
  }
  return fields;
}

/** The few `/proc/<pid>/stat` fields the lab shows. */
export interface Stat {
  pid: number;
  /** The command name in parentheses (comm, at most 15 characters). */
  comm: string;
  /** One letter: R running, S sleeping, Z zombie, … */
  state: string;
  ppid: number;
}

/**
 * Parses `/proc/<pid>/stat`. The command name sits in parentheses and may itself contain spaces
 * and parentheses, so the fields after it are found from the last `)`.
 */
export function parseStat(text: string): Stat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const rest = text.slice(close + 2).split(' ');
  const pid = Number(text.slice(0, open).trim());
  const ppid = Number(rest[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined;
  return { pid, comm: text.slice(open + 1, close), state: rest[0] ?? '?', ppid };
}

/** `/proc/<pid>/cmdline` (arguments separated by NUL bytes) as one line; empty for kernel threads and zombies. */
export function parseCmdline(text: string): string {
  return text
    .split('\0')
    .filter((arg) => arg !== '')
    .join(' ');
}

/** The PIDs in `NSpid`, outermost namespace first: `48213 1` → [48213, 1]. */
export function parseNSpid(value: string | undefined): number[] {
  return (value ?? '').split(' ').filter(Boolean).map(Number).filter(Number.isInteger);
}

/** The inode in a namespace link target: `pid:[4026531836]` → `4026531836`. */
export function nsInode(target: string | undefined): string | undefined {
  return target?.match(/\[(\d+)\]/)?.[1];
}

const STATES: Record<string, string> = {
  R: 'running',
  S: 'sleeping',
  D: 'disk sleep',
  Z: 'zombie',
  T: 'stopped',
  t: 'tracing stop',
  X: 'dead',
  I: 'idle',
};

/** `S` → `S (sleeping)`. */
export function describeState(letter: string): string {
  return STATES[letter] ? `${letter} (${STATES[letter]})` : letter;
}
