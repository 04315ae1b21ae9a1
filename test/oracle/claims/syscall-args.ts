/**
 * Do the arguments the lab shows for a call match the ones strace decoded? Each syscall compares
 * the arguments that say what the call did (paths, flags, the namespace type, the capability);
 * fd numbers only where the lab names one. Flags compare as sets: `MS_REC|MS_PRIVATE` either way round.
 * Capabilities compare as bit numbers, named by capsh (strace prints bits it does not know as hex).
 */
import { pathNote, sameText, unquote, withoutPathNote } from '../strace-log.js';
import type { TracedCall } from '../strace-log.js';
import { capBit, decodeCaps } from '../tools.js';

/** The lab quotes strings with JSON.stringify; NULL is null. */
function labString(arg: string | undefined): string | null | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'NULL') return null;
  try {
    return JSON.parse(arg) as string;
  } catch {
    return arg;
  }
}

/** The lab's string argument and strace's agree (a prefix, when strace cut its copy short). */
const same = (lab: string | undefined, traced: string | undefined) => sameText(labString(lab), traced);

const flagSet = (text: string | undefined) =>
  new Set(
    (text ?? '')
      .split('|')
      .map((f) => f.trim())
      .filter((f) => f && f !== '0'),
  );
const sameFlags = (a: string | undefined, b: string | undefined) => {
  const x = flagSet(a);
  const y = flagSet(b);
  return x.size === y.size && [...x].every((f) => y.has(f));
};
const subsetFlags = (a: string | undefined, b: string | undefined) => [...flagSet(a)].every((f) => flagSet(b).has(f));
const fd = (labArg: string | undefined) => labArg?.match(/^fd (\d+)$/)?.[1];

/** `1<<CAP_CHOWN|1<<CAP_KILL|0x30 /* CAP_??? *\/` (strace) → bit numbers. */
function tracedCapBits(text: string): number[] {
  if (text === '0') return [];
  return text.split('|').map((t) => capBit(t.replace(/^1<</, '').trim()) ?? -1);
}

/** `eff=0x00000000a80425fb` (lab) → bit numbers, decoded by capsh. */
function labCapBits(arg: string | undefined): number[] {
  const hex = arg?.split('=')[1] ?? '0';
  return decodeCaps(hex).map((name) => capBit(name) ?? -1);
}

const sameBits = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

function capsetMatches(lab: string[], traced: string | undefined): boolean {
  const sets = traced?.match(/effective=(.*), permitted=(.*), inheritable=(.*)\}$/);
  if (!sets) return false;
  return (
    sameBits(labCapBits(lab[0]), tracedCapBits(sets[1]!)) &&
    sameBits(labCapBits(lab[1]), tracedCapBits(sets[2]!)) &&
    sameBits(labCapBits(lab[2]), tracedCapBits(sets[3]!))
  );
}

/** The path argument of a call that may come as `name(path…)` or `nameat(dirfd, path…)`. */
function tracedPath(c: TracedCall): string | undefined {
  return c.name.endsWith('at') || c.name === 'renameat2' ? c.args[1] : c.args[0];
}

export function matchArgs(name: string, lab: string[], c: TracedCall): boolean {
  const t = c.args;
  switch (name) {
    case 'unshare':
      return sameFlags(lab[0], t[0]);
    case 'setns':
      return fd(lab[0]) === withoutPathNote(t[0] ?? '') && sameFlags(lab[1], t[1]);
    case 'mount':
      return (
        same(lab[0], t[0]) &&
        same(lab[1], t[1]) &&
        same(lab[2], t[2]) &&
        sameFlags(lab[3], t[3]) &&
        (lab[4] === undefined || same(lab[4], t[4]))
      );
    case 'umount2':
      return same(lab[0], t[0]) && sameFlags(lab[1], t[1]);
    case 'pivot_root':
      return same(lab[0], t[0]) && same(lab[1], t[1]);
    case 'chroot':
    case 'chdir':
    case 'sethostname':
      return same(lab[0], t[0]);
    case 'capget':
      return lab[0] === `pid ${t[0]?.match(/pid=(\d+)/)?.[1]}`;
    case 'capset':
      return capsetMatches(lab, t[1]);
    case 'prctl':
      return prctlMatches(lab, t);
    case 'execve':
      return execveMatches(lab, t);
    case 'kill':
      return lab[0] === t[0] && lab[1] === t[1];
    case 'openat':
      return same(lab[0], tracedPath(c)) && subsetFlags(lab[1], c.name === 'open' ? t[1] : t[2]);
    case 'read':
    case 'write':
      return fd(lab[0]) === withoutPathNote(t[0] ?? '') && (name === 'read' || (unquote(t[1]) ?? '').includes(labString(lab[1]) ?? ''));
    case 'mkdir':
      return same(lab[0], tracedPath(c)) && (lab[1] === undefined || lab[1] === (c.name === 'mkdirat' ? t[2] : t[1]));
    case 'rename': {
      const [from, to] = c.name === 'rename' ? [t[0], t[1]] : [t[1], t[3]];
      return same(lab[0], from) && same(lab[1], to);
    }
    case 'unlink':
    case 'rmdir': {
      if (c.name === 'unlinkat' && (t[2] ?? '').includes('AT_REMOVEDIR') !== (name === 'rmdir')) return false;
      return same(lab[0], tracedPath(c));
    }
    case 'statx':
      return same(lab[0], c.name === 'lstat' ? t[0] : t[1]) && (lab[1] === undefined || c.name !== 'statx' || subsetFlags(lab[1], t[2]));
    case 'getdents64':
      return labString(lab[0]) === pathNote(t[0] ?? '');
    case 'close':
      return fd(lab[0]) === withoutPathNote(t[0] ?? '');
    case 'socket':
      return lab[0] === t[0] && sameFlags(lab[1], t[1]) && lab[2] === t[2];
    case 'bind':
      return fd(lab[0]) === withoutPathNote(t[0] ?? '') && sameSockaddr(lab[1], t[1]);
    default:
      // A call this file does not know yet: its first string argument, when it has one, must agree.
      return lab[0] === undefined || same(lab[0], t[0]) || lab[0] === t[0];
  }
}

/** `{AF_INET, 0.0.0.0:80}` (lab) and `{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("0.0.0.0")}` (strace). */
function sameSockaddr(lab: string | undefined, traced: string | undefined): boolean {
  const l = lab?.match(/^\{(AF_[A-Z0-9]+), (.*):(\d+)\}$/);
  if (!l || !traced) return false;
  const family = traced.match(/sa_family=(AF_[A-Z0-9]+)/)?.[1];
  const port = traced.match(/sin6?_port=htons\((\d+)\)/)?.[1];
  const addr = traced.match(/inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"/)?.[1];
  return family === l[1] && port === l[3] && addr === l[2];
}

function prctlMatches(lab: string[], t: string[]): boolean {
  if (lab[0] !== t[0]) return false;
  if (lab[0] === 'PR_CAPBSET_READ' || lab[0] === 'PR_CAPBSET_DROP') return capBit(lab[1] ?? '') === capBit(t[1] ?? '');
  return lab[1] === undefined || lab[1] === t[1];
}

function execveMatches(lab: string[], t: string[]): boolean {
  if (!same(lab[0], t[0])) return false;
  let argv: string[];
  try {
    argv = JSON.parse(lab[1] ?? '[]') as string[];
  } catch {
    return false;
  }
  const traced = (t[1] ?? '').replace(/^\[|\]$/g, '');
  const tracedArgv = traced ? traced.split(/, (?=")/) : [];
  const envCount = lab[2]?.match(/^(\d+) env vars$/)?.[1];
  const tracedEnv = t[2]?.match(/\/\* (\d+) vars? \*\//)?.[1];
  return (
    argv.length === tracedArgv.length &&
    argv.every((a, i) => sameText(a, tracedArgv[i])) &&
    (envCount === undefined || envCount === tracedEnv)
  );
}
