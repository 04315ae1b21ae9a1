/**
 * Running one of the cgroups lesson's workloads inside its container, and reading the cgroup's own
 * counters around it, from the host.
 *
 * The counters are read in the cgroup's directories, found once before the workload starts through
 * /proc/<PID 1>/cgroup. A cgroup outlives its processes, so the reading after still works when the
 * container's PID 1 died meanwhile. It waits until the OOM-kill counter has stopped moving: the
 * kernel may kill again a moment after the workload ended, and a report written before that would
 * leave a kill out.
 */
import fs from 'node:fs';
import { t } from '../../i18n/index.js';
import { formatBytes, readCgroupAt, readPlaces } from '../../probes/cgroup-read.js';
import type { Controller } from '../../probes/cgroup-read.js';
import type { Meter } from '../../probes/view.js';
import type { Container, ExecResult } from '../../runtime/api.js';
import type { ActionContext } from './action.js';

/** How long the OOM-kill counter must stay still before the reading after counts as final. */
const QUIET_MS = 200;
const SETTLE_LIMIT_MS = 2000;

export interface WorkloadRun {
  result: ExecResult;
  /** The cgroup's counters just before and just after, read from its files on the host. */
  before: readonly Meter[];
  after: readonly Meter[];
  /** The argv it ran, as the output shows it. */
  shown: string[];
}

/** Runs `script` inside `c` (in its namespaces and its cgroup) and reads the counters around it. */
export async function runWorkload(
  ctx: ActionContext,
  c: Container,
  controllers: readonly Controller[],
  script: string,
  timeoutMs: number,
): Promise<WorkloadRun> {
  const { places } = await readPlaces(ctx.hostReader, ctx.procRoot, c.pid);
  const read = async () => (await readCgroupAt(ctx.hostReader, places, controllers, 'counters')).meters;
  const before = await read();
  const result = await ctx.runtime.exec(c, ['sh', '-c', script], { signal: ctx.signal, timeoutMs });
  let after = await read();
  const kills = (meters: readonly Meter[]) => meter(meters, 'memory.oom_kills')?.value;
  for (let waited = 0; kills(after) !== undefined && waited < SETTLE_LIMIT_MS && !ctx.signal.aborted; waited += QUIET_MS) {
    await ctx.sleep(QUIET_MS);
    const again = await read();
    const moved = kills(again) !== kills(after);
    after = again;
    if (!moved) break;
  }
  return { result, before, after, shown: [`$ sh -c '${script}'`] };
}

/**
 * Asks the kernel to exempt the container's PID 1 from the OOM killer (oom_score_adj -1000). PID 1
 * is the last process a container may lose: when it dies, the kernel kills every other process in
 * its PID namespace. Lowering a score takes CAP_SYS_RESOURCE, which a lab running inside another
 * sandbox may lack (the kernel answers EACCES): then PID 1 keeps its score, and the sentence
 * returned says so. It reads the file back either way.
 */
export function protectInit(ctx: ActionContext, c: Container): string {
  const file = `${ctx.procRoot}/${c.pid}/oom_score_adj`;
  const started = performance.now();
  let refused: string | undefined;
  try {
    fs.writeFileSync(file, '-1000');
  } catch (err) {
    refused = (err as NodeJS.ErrnoException).code ?? String(err);
  }
  ctx.record({
    kind: 'write',
    name: file,
    args: ['"-1000"'],
    result: refused ? `-1 ${refused}` : '0',
    ok: !refused,
    durationMs: performance.now() - started,
  });
  let now = '';
  try {
    now = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return t('actions.cgroup-workload.init-gone');
  }
  if (!refused) return t('actions.cgroup-workload.init-protected', { value: now });
  return t('actions.cgroup-workload.init-unprotected', { value: now, errno: refused });
}

/** A meter's value by key, if this host has it. */
export function meter(meters: readonly Meter[], key: string): Meter | undefined {
  return meters.find((m) => m.key === key);
}

/** How much a counter grew over the run, if this host has it. */
export function growth(run: WorkloadRun, key: string): number | undefined {
  const a = meter(run.before, key);
  const b = meter(run.after, key);
  return a && b ? b.value - a.value : undefined;
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
