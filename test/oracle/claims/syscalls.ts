/**
 * Every primitive the lab lists under "What ran", held against `strace -f` of the same run.
 *
 * - a syscall event (`mount("overlay", …) = 0`) must be one traced call of that name by some process
 *   of the run, with the same key arguments and the same result or errno;
 * - a write to a kernel file (`write /sys/fs/cgroup/…/cgroup.procs "42"`) must be a traced write(2)
 *   of those bytes to an fd strace names as that file;
 * - a program the lab started (`spawn ip link add …`) must be a traced execve with that argv, by the
 *   host PID the lab names, ending with the exit status it names.
 *
 * Each traced call backs at most one claim. A call may have happened during an earlier step than
 * the one that lists it (a shim started ahead of time), never during a later one.
 */
import path from 'node:path';
import type { StepRecords, TracedRun } from '../run-lesson.js';
import { pathNote, sameText, splitArgs, unquote } from '../strace-log.js';
import type { TracedCall } from '../strace-log.js';
import type { Tally } from '../tally.js';
import { matchArgs } from './syscall-args.js';

export interface PrimitiveRecord {
  kind: 'syscall' | 'write' | 'spawn' | 'exec';
  name: string;
  args: string[];
  result: string;
  revert?: boolean;
}

/** The names a Kernel call may reach the kernel under (libc and Node pick the *at variants). */
const ALIASES: Record<string, string[]> = {
  mkdir: ['mkdir', 'mkdirat'],
  rename: ['rename', 'renameat', 'renameat2'],
  unlink: ['unlink', 'unlinkat'],
  rmdir: ['rmdir', 'unlinkat'],
  openat: ['openat', 'open'],
  chown: ['chown', 'fchownat', 'lchown'],
  // Node's lstat: statx on current kernels and libuv, newfstatat or lstat on older ones.
  statx: ['statx', 'newfstatat', 'lstat'],
};

export function render(c: TracedCall): string {
  const text = `${c.pid} ${c.name}(${c.args.join(', ')}) = ${c.errno ? `-1 ${c.errno}` : c.ret}`;
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function renderEvent(e: PrimitiveRecord): string {
  if (e.kind === 'syscall') return `${e.name}(${e.args.join(', ')}) = ${e.result}`;
  if (e.kind === 'write') return `write ${e.name} ${e.args.join(' ')} = ${e.result}`;
  return `${e.kind} ${[e.name, ...e.args].join(' ')} = ${e.result}`;
}

const byStep = new WeakMap<readonly TracedCall[], TracedCall[][]>();

/** The traced calls of each step, computed once per log. */
function stepsOf(calls: readonly TracedCall[]): TracedCall[][] {
  let steps = byStep.get(calls);
  if (!steps) {
    steps = [];
    for (const c of calls) {
      steps[c.step] ??= [];
      steps[c.step]!.push(c);
    }
    byStep.set(calls, steps);
  }
  return steps;
}

/** The first unclaimed call in this step, then in earlier ones, that `test` accepts. */
function find(calls: readonly TracedCall[], step: number, test: (c: TracedCall) => boolean): TracedCall | undefined {
  const steps = stepsOf(calls);
  for (let s = Math.min(step, steps.length - 1); s >= 0; s--) {
    const hit = steps[s]?.find((c) => !c.claimed && test(c));
    if (hit) return hit;
  }
  return undefined;
}

function sameResult(result: string, c: TracedCall): boolean {
  const failed = result.match(/^-1 (E[A-Z0-9]+)/);
  if (failed) return c.errno === failed[1];
  // A listing is shown by what it found (`2 entries`): strace counts . and .. too.
  const listed = result.match(/^(\d+) entries$/);
  if (listed) return !c.errno && Number(c.args[1]?.match(/\/\* (\d+) entries \*\//)?.[1]) === Number(listed[1]) + 2;
  // The lab may add what the value means in parentheses: `0 (directory)`, `0 (host pid 42)`.
  return !c.errno && result.replace(/ \(.*\)$/, '') === c.ret;
}

export function checkPrimitives(run: TracedRun, tally: Tally): void {
  for (const [index, step] of run.steps.entries()) {
    for (const record of step.records.filter((r) => r.type === 'primitive')) {
      const e = record as unknown as PrimitiveRecord;
      if (e.kind === 'syscall') checkSyscall(run, index, step, e, tally);
      else if (e.kind === 'write') checkKernelFileWrite(run, index, step, e, tally);
      else checkProgram(run, index, step, e, tally);
    }
  }
}

function checkSyscall(run: TracedRun, index: number, step: StepRecords, e: PrimitiveRecord, tally: Tally): void {
  const names = ALIASES[e.name] ?? [e.name];
  const calls = run.log.calls;
  const same = (c: TracedCall) => names.includes(c.name) && matchArgs(e.name, e.args, c);
  const hit = find(calls, index, (c) => same(c) && sameResult(e.result, c));
  if (hit) {
    hit.claimed = true;
    tally.agree('syscall');
    // capset's three masks were compared as the capabilities capsh --decode names.
    if (e.name === 'capset') tally.agree('capability');
    return;
  }
  const near = find(calls, index, same) ?? find(calls, index, (c) => names.includes(c.name));
  tally.disagree(
    'syscall',
    step.step,
    renderEvent(e),
    near ? `strace: ${render(near)}` : `strace saw no ${names.join('/')} call up to this step`,
  );
}

/** A write to a file under /sys or /proc is one write(2); the lab's other `write` lines summarise a copy. */
function checkKernelFileWrite(run: TracedRun, index: number, step: StepRecords, e: PrimitiveRecord, tally: Tally): void {
  if (!/^\/(sys|proc)\//.test(e.name)) {
    tally.notChecked('`write` lines that summarise a copy into a layer (not one call)');
    return;
  }
  let value: string;
  try {
    value = JSON.parse(e.args[0] ?? '""') as string;
  } catch {
    value = e.args[0] ?? '';
  }
  const target = (c: TracedCall) => c.name === 'write' && pathNote(c.args[0] ?? '') === e.name;
  const same = (c: TracedCall) => target(c) && (sameText(value, c.args[1]) || unquote(c.args[1])?.trim() === value.trim());
  const ok = (c: TracedCall) => (e.result.startsWith('-1 ') ? sameResult(e.result, c) : !c.errno);
  const hit = find(run.log.calls, index, (c) => same(c) && ok(c));
  if (hit) {
    hit.claimed = true;
    tally.agree('kernel file');
    return;
  }
  const near = find(run.log.calls, index, same) ?? find(run.log.calls, index, target);
  tally.disagree(
    'kernel file',
    step.step,
    renderEvent(e),
    near ? `strace: ${render(near)}` : `strace saw no write to ${e.name} up to this step`,
  );
}

/**
 * A program that reads its input from stdin is shown with that input: `ip -batch - LINE; LINE`
 * (the lines after the `-`) or `nft -f - <<< 'TEXT'`. The argv is what comes before.
 */
function splitStdin(argv: string[]): { argv: string[]; stdin?: string } {
  const here = argv.at(-1)?.match(/^<<< '([\s\S]*)'$/);
  if (here) return { argv: argv.slice(0, -1), stdin: here[1] };
  const i = argv.indexOf('-batch');
  if (i < 0 || argv[i + 1] !== '-') return { argv };
  return {
    argv: argv.slice(0, i + 2),
    stdin: argv
      .slice(i + 2)
      .map((l) => l.replace(/;$/, ''))
      .join('\n'),
  };
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** execve's argv as strace printed it: still quoted, so a string strace cut short stays marked. */
function execArgv(c: TracedCall): string[] | undefined {
  const list = c.args[1]?.match(/^\[(.*)\]$/s)?.[1];
  if (list === undefined) return undefined;
  return splitArgs(list);
}

/**
 * The program an execve runs. `sh -c '… exec "$@"' NAME ARGS…` execs exactly ARGS (NAME is $0):
 * the lab starts programs in a container through such a shell, which waits for a word on fd 3
 * first, so that the program starts only once it is in the container's cgroup.
 */
function programArgv(argv: string[] | undefined): string[] | undefined {
  if (argv && argv[1] === '"-c"' && /exec \\"\$@\\""$/.test(argv[2] ?? '')) return argv.slice(4);
  return argv;
}

function checkProgram(run: TracedRun, index: number, step: StepRecords, e: PrimitiveRecord, tally: Tally): void {
  const { argv, stdin } = splitStdin([e.name, ...e.args]);
  const sameArgv = (c: TracedCall) => {
    const traced = c.name === 'execve' ? programArgv(execArgv(c)) : undefined;
    if (!traced || traced.length !== argv.length) return false;
    return path.basename(unquote(traced[0]) ?? '') === path.basename(argv[0]!) && traced.slice(1).every((a, i) => sameText(argv[i + 1], a));
  };
  const claimedPid = Number(e.result.match(/^host pid (\d+)$/)?.[1] ?? NaN);
  const hit = find(run.log.calls, index, (c) => sameArgv(c) && (Number.isNaN(claimedPid) || c.pid === claimedPid));
  if (!hit) {
    const near = find(run.log.calls, index, sameArgv);
    tally.disagree(
      'program',
      step.step,
      renderEvent(e),
      near ? `strace: ${render(near)} (a different process)` : `strace saw no execve of ${JSON.stringify(argv)} up to this step`,
    );
    return;
  }
  hit.claimed = true;
  const end = run.log.ends.get(hit.pid);
  const status = e.result.match(/^(?:exit )?(\d+)$/)?.[1];
  if (status !== undefined) {
    tally.expect(
      'program',
      step.step,
      end === `exit ${status}`,
      renderEvent(e),
      () => `strace: process ${hit.pid} ended with ${end ?? 'no recorded end'}`,
    );
  } else {
    tally.agree('program');
  }
  if (stdin !== undefined) checkStdin(run, index, step, e, stdin, tally);
}

/** What the lab shows as a program's input must be what it wrote to its stdin (a pipe, or Node's socketpair). */
function checkStdin(run: TracedRun, index: number, step: StepRecords, e: PrimitiveRecord, stdin: string, tally: Tally): void {
  const written = (c: TracedCall) => {
    if (c.name !== 'write' || !/^(pipe|socket):/.test(pathNote(c.args[0] ?? '') ?? '')) return false;
    const text = words(unquote(c.args[1]) ?? '');
    return c.args[1]!.endsWith('"...') ? words(stdin).startsWith(text) : words(stdin) === text;
  };
  const hit = find(run.log.calls, index, written);
  if (hit) hit.claimed = true;
  tally.expect(
    'program',
    step.step,
    hit !== undefined,
    `${renderEvent(e)} (its stdin)`,
    () => "strace saw no write of that text to the program's stdin",
  );
}
