/**
 * The workloads the cgroups lesson runs inside its container, and how they ended.
 *
 * Each is a short busybox `sh` script written here, never taken from lesson text, and bounded in
 * size, count and time: it can outgrow the container's limit, never the machine. Only these small
 * shell workloads meet the tight limits; a Node process never does (Node alone needs ~50 MB and
 * ~7 tasks). They pace themselves with `read -t` on a FIFO, which waits without starting a process
 * (a `sleep` would be one more task and one more fork to refuse).
 */
import { constants } from 'node:os';
import { formatBytes, readCgroup } from '../../probes/cgroup-read.js';
import type { Controller } from '../../probes/cgroup-read.js';
import type { Meter } from '../../probes/view.js';
import type { Container, ExecResult } from '../../runtime/api.js';
import type { ActionContext } from './action.js';

const PACE = 'p=/tmp/.pace-$$; mkfifo $p';

/**
 * Holds `mib` MiB: `head` writes 1 MiB of zeros at a time into a pipe, and busybox `tail`, which
 * must keep the last 10 lines and finds no newline, keeps all of it. The memory is touched as it
 * arrives, so the cgroup is charged page by page, as with any program that uses what it allocates.
 */
export function allocatorScript(mib: number): string {
  return `${PACE}; i=0; while [ $i -lt ${mib} ]; do head -c 1048576 /dev/zero || break; read -t 0.03 _ <> $p; i=$((i+1)); done | tail > /dev/null; s=$?; rm -f $p; exit $s`;
}

/**
 * Tries `attempts` forks, one every 30 ms; each child sleeps `holdSeconds`. A fork the kernel refuses
 * fails inside `command eval`, so the loop counts it and goes on (a plain failed fork ends a
 * non-interactive shell). `wait` collects every child before the script ends: nothing is left.
 */
export function forkLoopScript(attempts: number, holdSeconds: number): string {
  return `${PACE}; n=0; i=0; while [ $i -lt ${attempts} ]; do i=$((i+1)); command eval "sleep ${holdSeconds} &" 2>/dev/null || n=$((n+1)); read -t 0.03 _ <> $p; done; echo tried $i forks: $((i-n)) started, $n refused; wait; rm -f $p`;
}

// The scripts hold no single quote, so the output can show them in one: sh -c '…'.

/** A busy loop: all the CPU it is given, until the lab stops it. */
export const SPIN_SCRIPT = 'while :; do :; done';

export interface WorkloadRun {
  result: ExecResult;
  /** The cgroup's counters just before and just after, read from its files on the host. */
  before: readonly Meter[];
  after: readonly Meter[];
  /** The argv it ran, as the output shows it. */
  shown: string[];
}

/** Runs `script` inside `c` (in its namespaces and its cgroup) and reads the counters around it. */
export async function runWorkload(ctx: ActionContext, c: Container, controllers: readonly Controller[], script: string, timeoutMs: number): Promise<WorkloadRun> {
  const read = () => readCgroup(ctx.hostReader, ctx.procRoot, c.pid, controllers, 'counters');
  const before = await read();
  const result = await ctx.runtime.exec(c, ['sh', '-c', script], { signal: ctx.signal, timeoutMs });
  const after = await read();
  return { result, before: before.meters, after: after.meters, shown: [`$ sh -c '${script}'`] };
}

/** A meter's value by key, if this host has it. */
export function meter(meters: readonly Meter[], key: string): Meter | undefined {
  return meters.find((m) => m.key === key);
}

/** `memory.events oom_kill: 0 → 1`, for each key that this host reports. */
export function changes(run: WorkloadRun, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const a = meter(run.before, key);
    const b = meter(run.after, key);
    return a && b ? [`${b.label}: ${amount(a)} → ${amount(b)}`] : [];
  });
}

function amount(m: Meter): string {
  if (m.unit === 'bytes') return formatBytes(m.value);
  if (m.unit === 'usec') return `${(m.value / 1e6).toFixed(2)} s`;
  return String(m.value);
}

/** How a command ended, in words: `exit status 137 (128 + 9: … SIGKILL)`. */
export function describeExit(r: ExecResult): string {
  if (r.signal) return `killed by ${r.signal}`;
  const code = r.exitCode ?? -1;
  if (code > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0] ?? `signal ${code - 128}`;
    return `exit status ${code} (128 + ${code - 128}: the shell's child was killed by ${name})`;
  }
  return `exit status ${code}`;
}

/** Output lines of a command: stdout, then stderr, without blank lines. */
export function outputLines(r: ExecResult): string[] {
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
}
