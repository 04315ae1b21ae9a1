/**
 * `cgroup-workload`: runs one of three small workloads inside a lesson container, in its cgroup,
 * and reports how it ended and what the cgroup's counters did meanwhile:
 *   allocate   holds `mib` MiB, paced over about a second: past the memory limit, the OOM killer
 *   fork       tries `attempts` forks, each child sleeping `seconds`: past pids.max, refused forks
 *   spin       a busy loop for `seconds`, stopped by the lab: under a CPU quota, throttled periods
 * The step succeeds only when the kernel's own counter shows the limit at work (an OOM kill, a
 * refused fork, a throttled period); otherwise it says which limit is missing.
 */
import type { ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { SPIN_SCRIPT, allocatorScript, changes, describeExit, forkLoopScript, meter, outputLines, runWorkload } from './cgroup-workloads.js';
import type { WorkloadRun } from './cgroup-workloads.js';

const grew = (run: WorkloadRun, key: string): boolean | undefined => {
  const a = meter(run.before, key);
  const b = meter(run.after, key);
  return a && b ? b.value > a.value : undefined;
};

export const cgroupWorkloadAction: ActionDef = {
  name: 'cgroup-workload',
  summary: 'Runs a bounded busybox workload inside a lesson container (allocate memory, fork, or spin) and reports the cgroup counters it moved.',
  args: {
    kind: { type: { kind: 'enum', values: ['allocate', 'fork', 'spin'] }, doc: 'which workload' },
    mib: { type: { kind: 'integer', min: 1, max: 512 }, default: 48, doc: 'allocate: how many MiB it holds' },
    attempts: { type: { kind: 'integer', min: 1, max: 200 }, default: 40, doc: 'fork: how many forks it tries' },
    seconds: { type: { kind: 'integer', min: 1, max: 20 }, default: 3, doc: 'spin: how long it runs; fork: how long each child sleeps' },
    container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' },
  },
  // Each one takes its time on purpose: it fills memory at a pace, holds its children, or spins.
  waitsOnPurpose: true,
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    if (!c.cgroup) return { ok: false, output: [], message: 'This container has no cgroup (the host offers no cgroup controller): run `container-lab doctor`.' };
    const seconds = Number(args.seconds);
    switch (str(args, 'kind')) {
      case 'allocate':
        return allocate(await runWorkload(ctx, c, ['memory'], allocatorScript(Number(args.mib)), 60_000), Number(args.mib));
      case 'fork':
        return fork(await runWorkload(ctx, c, ['pids'], forkLoopScript(Number(args.attempts), seconds), 30_000 + seconds * 1000));
      default:
        return spin(await runWorkload(ctx, c, ['cpu'], SPIN_SCRIPT, seconds * 1000), seconds);
    }
  },
};

function allocate(run: WorkloadRun, mib: number): ActionOutcome {
  const output = [...run.shown, ...outputLines(run.result), describeExit(run.result), ...changes(run, ['memory.oom_kills', 'memory.limit_hits'])];
  const killed = grew(run, 'memory.oom_kills') ?? run.result.exitCode === 137;
  if (killed) return { ok: true, output };
  return { ok: false, output, message: `The allocator held its ${mib} MiB without an OOM kill: the container's memory limit is not below that. Run the step that sets it (←).` };
}

function fork(run: WorkloadRun): ActionOutcome {
  const output = [...run.shown, ...outputLines(run.result), describeExit(run.result), ...changes(run, ['pids.refused'])];
  if (grew(run, 'pids.refused')) return { ok: true, output };
  return { ok: false, output, message: 'The kernel refused no fork: pids.max is not set below what the loop starts. Run the step that sets it (←).' };
}

function spin(run: WorkloadRun, seconds: number): ActionOutcome {
  const stopped = run.result.signal === 'SIGKILL' ? `stopped by the lab after ${seconds} s (SIGKILL), as planned` : describeExit(run.result);
  const output = [...run.shown, ...outputLines(run.result), stopped, ...changes(run, ['cpu.usage', 'cpu.throttled', 'cpu.throttled_time'])];
  if (grew(run, 'cpu.throttled')) return { ok: true, output };
  return { ok: false, output, message: 'No period was throttled: the container has no CPU quota below what the loop uses. Run the step that sets it (←).' };
}
