/**
 * `cgroup-workload`: runs one of three small workloads inside a lesson container, in its cgroup,
 * and reports how it ended and what the cgroup's counters did meanwhile:
 *   allocate   holds `mib` MiB, paced over about a second: past the memory limit, the OOM killer
 *   fork       tries `attempts` forks, each child sleeping `seconds`: past pids.max, refused forks
 *   spin       a busy loop for `seconds`, stopped by the lab: under a CPU quota, throttled periods
 * The step succeeds only when the kernel's own counter shows the limit at work (an OOM kill, a
 * refused fork, a throttled period); otherwise it says which limit is missing.
 */
import { t } from '../../i18n/index.js';
import { readCgroup } from '../../probes/cgroup-read.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { arg } from './words.js';
import { oomOutcome } from './cgroup-oom.js';
import { changes, growth, meter, protectInit, runWorkload } from './cgroup-workload-run.js';
import type { WorkloadRun } from './cgroup-workload-run.js';
import { SPIN_SCRIPT, allocatorScript, describeExit, describePace, forkLoopScript, outputLines, paceOf } from './cgroup-workloads.js';

export const cgroupWorkloadAction: ActionDef = {
  name: 'cgroup-workload',
  get summary() {
    return t('actions.cgroup-workload.summary');
  },
  args: {
    kind: arg({ kind: 'enum', values: ['allocate', 'fork', 'spin'] }, 'actions.cgroup-workload.arg.kind'),
    mib: arg({ kind: 'integer', min: 1, max: 512 }, 'actions.cgroup-workload.arg.mib', { default: 48 }),
    attempts: arg({ kind: 'integer', min: 1, max: 200 }, 'actions.cgroup-workload.arg.attempts', { default: 40 }),
    seconds: arg({ kind: 'integer', min: 1, max: 20 }, 'actions.cgroup-workload.arg.seconds', { default: 3 }),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
  },
  // Each one takes its time on purpose: it fills memory at a pace, holds its children, or spins.
  waitsOnPurpose: true,
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    if (!c.cgroup) return { ok: false, output: [], message: t('actions.no-cgroup') };
    const seconds = Number(args.seconds);
    switch (str(args, 'kind')) {
      case 'allocate':
        return allocate(ctx, c, Number(args.mib));
      case 'fork':
        return fork(await runWorkload(ctx, c, ['pids'], forkLoopScript(Number(args.attempts), seconds), 30_000 + seconds * 1000));
      default:
        return spin(await runWorkload(ctx, c, ['cpu'], SPIN_SCRIPT, seconds * 1000), seconds, await cpuQuota(ctx, c));
    }
  },
};

async function allocate(ctx: ActionContext, c: Container, mib: number): Promise<ActionOutcome> {
  const init = protectInit(ctx, c);
  const run = await runWorkload(ctx, c, ['memory'], allocatorScript(mib), 60_000);
  const lines = outputLines(run.result);
  const output = [
    init,
    ...run.shown,
    ...lines,
    describeExit(run.result),
    describePace(paceOf(lines), 'mib'),
    ...changes(run, ['memory.peak', 'memory.oom_kills', 'memory.limit_hits']),
  ];
  const outcome = oomOutcome({
    mib,
    kills: growth(run, 'memory.oom_kills'),
    killsLabel: meter(run.after, 'memory.oom_kills')?.label ?? t('actions.cgroup-workload.oom-counter'),
    result: run.result,
    lines,
    init: c.running ? undefined : await c.exited,
    aborted: ctx.signal.aborted,
  });
  return { ok: outcome.ok, output: [...output, ...outcome.lines], ...(outcome.message ? { message: outcome.message } : {}) };
}

function fork(run: WorkloadRun): ActionOutcome {
  const lines = outputLines(run.result);
  const output = [
    ...run.shown,
    ...lines,
    describeExit(run.result),
    describePace(paceOf(lines), 'forks'),
    ...changes(run, ['pids.refused']),
  ];
  if ((growth(run, 'pids.refused') ?? 0) > 0) return { ok: true, output };
  return {
    ok: false,
    output,
    message: t('actions.cgroup-workload.no-refused-fork'),
  };
}

function spin(run: WorkloadRun, seconds: number, quota: number | undefined): ActionOutcome {
  const stopped = run.result.signal === 'SIGKILL' ? t('actions.cgroup-workload.spin-stopped', { seconds }) : describeExit(run.result);
  const output = [...run.shown, ...outputLines(run.result), stopped, ...changes(run, ['cpu.usage', 'cpu.throttled', 'cpu.throttled_time'])];
  if ((growth(run, 'cpu.throttled') ?? 0) > 0) return { ok: true, output };
  const used = (growth(run, 'cpu.usage') ?? 0) / 1e6;
  const wall = run.result.durationMs / 1000;
  if (quota === undefined || wall <= 0) return { ok: false, output, message: t('actions.cgroup-workload.no-quota') };
  // Throttling starts only when the cgroup uses up its quota; a loop that got less CPU than that
  // (every CPU of the host busy with other work) is never throttled, whatever the quota.
  return {
    ok: false,
    output,
    message: t('actions.cgroup-workload.under-quota', {
      used: used.toFixed(2),
      wall: wall.toFixed(2),
      rate: (used / wall).toFixed(2),
      quota: quota.toFixed(2),
    }),
  };
}

/** The container's CPU quota in CPUs, from its cgroup files (cpu.max, or cpu.cfs_quota_us / cpu.cfs_period_us), or undefined if none. */
async function cpuQuota(ctx: ActionContext, c: Container): Promise<number | undefined> {
  const { rows } = await readCgroup(ctx.hostReader, ctx.procRoot, c.pid, ['cpu'], 'limits');
  const value = (file: string) => rows.find((r) => r.key === file)?.cells[1]?.split(' ');
  const [quota, period] = value('cpu.max') ?? [value('cpu.cfs_quota_us')?.[0], value('cpu.cfs_period_us')?.[0]];
  const cpus = Number(quota) / Number(period);
  return Number.isFinite(cpus) && cpus > 0 ? cpus : undefined;
}
