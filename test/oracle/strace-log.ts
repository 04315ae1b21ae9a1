/**
 * Reads the file `strace -f -q -y -o FILE` wrote: one traced call per line, prefixed by the PID
 * (the host's PID: strace runs outside every namespace the lab makes). Calls that another thread
 * interrupted come in two halves, `<unfinished ...>` and `<... name resumed>`, joined here by PID.
 *
 * The lab waits at its step gate (a FIFO, CONTAINER_LAB_STEP_GATE) after printing each step, and
 * opening that FIFO is itself a traced call: it splits the log into steps. `step` is the number of
 * gate openings before the call, so step 0's calls have step 0, and so on.
 */
import fs from 'node:fs';

export interface TracedCall {
  pid: number;
  /** The syscall's name as strace prints it (`mount`, `unlinkat`). */
  name: string;
  /** Top-level arguments, as strace printed them (strings still quoted). */
  args: string[];
  /** The return value (`0`, `22`, `?`), without strace's `<path>` note. */
  ret: string;
  /** The errno name when the call failed (`EPERM`). */
  errno?: string;
  /** Which step the call belongs to (see the module comment). */
  step: number;
  /** Set once a lab claim has been matched to this call. */
  claimed?: boolean;
}

export interface StraceLog {
  calls: TracedCall[];
  /** How each traced process ended: `exit 0`, `signal SIGKILL`. */
  ends: Map<number, string>;
  /** How many times the lab opened its step gate: one per step printed. */
  gates: number;
}

/** Splits `a, "b, c", [d, e], {f=g, h}` at its top-level commas. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if ('([{<'.includes(ch)) depth++;
    else if (')]}>'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * The value of a quoted strace string (`"a\nb"` → a, newline, b), or undefined when not a string.
 * strace cuts strings longer than `-s` and marks them `"…"...`: see {@link sameText}.
 */
export function unquote(arg: string | undefined): string | undefined {
  const m = arg?.match(/^"((?:[^"\\]|\\.)*)"(\.\.\.)?$/);
  if (!m) return undefined;
  return m[1]!.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', v: '\v', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}

/** A string the lab shows equals a traced one, or starts with it when strace cut it short. */
export function sameText(shown: string | null | undefined, traced: string | undefined): boolean {
  if (shown === null || shown === undefined) return shown === (traced === 'NULL' ? null : traced);
  const value = unquote(traced);
  if (value === undefined) return false;
  return traced!.endsWith('"...') ? shown.startsWith(value) : shown === value;
}

/** Drops strace's `<...>` fd and path notes (`-y`): `25</sys/x>` → `25`. */
export function withoutPathNote(arg: string): string {
  return arg.replace(/<[^<>]*>$/, '');
}

/** The path strace's `-y` note names for an fd argument or return value, if any. */
export function pathNote(arg: string): string | undefined {
  return arg.match(/^-?\d+<(.*)>$/)?.[1];
}

const CALL = /^(\d+) +([a-z0-9_]+)\((.*)\) += (.*)$/;
const UNFINISHED = /^(\d+) +(.*) <unfinished \.\.\.>$/;
const RESUMED = /^(\d+) +<\.\.\. ([a-z0-9_]+) resumed>(.*)$/;
const END = /^(\d+) +\+\+\+ (exited with (\d+)|killed by (\w+)(?: \(core dumped\))?) \+\+\+$/;

export function readStraceLog(file: string, gatePath: string): StraceLog {
  const calls: TracedCall[] = [];
  const ends = new Map<number, string>();
  const pending = new Map<number, string>();
  let gates = 0;
  const gateCall = `"${gatePath}"`;
  const add = (line: string) => {
    const m = line.match(CALL);
    if (!m) return;
    const [, pid, name, argText, result] = m;
    // `-1 EPERM (Operation not permitted)`, `0`, `22</tmp/x>`, `? <unavailable>`
    const failed = result!.match(/^-1 (E[A-Z0-9]+)/);
    const ret = failed ? '-1' : withoutPathNote(result!.split(' ')[0]!);
    const args = splitArgs(argText!);
    calls.push({ pid: Number(pid), name: name!, args, ret, errno: failed?.[1], step: gates });
    if (name === 'openat' && args[1] === gateCall) gates++;
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const end = line.match(END);
    if (end) {
      ends.set(Number(end[1]), end[3] !== undefined ? `exit ${end[3]}` : `signal ${end[4]}`);
      continue;
    }
    const unfinished = line.match(UNFINISHED);
    if (unfinished) {
      pending.set(Number(unfinished[1]), unfinished[2]!);
      continue;
    }
    const resumed = line.match(RESUMED);
    if (resumed) {
      const pid = Number(resumed[1]);
      const head = pending.get(pid);
      pending.delete(pid);
      if (head !== undefined) add(`${pid} ${head}${resumed[3]}`);
      continue;
    }
    add(line);
  }
  return { calls, ends, gates };
}
