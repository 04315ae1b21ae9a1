/**
 * `raised-memory-limit`: the learner raised the container's memory limit so that the allocator that
 * was OOM-killed now finishes, and types the new limit. Checked on the real state, in two parts:
 * the limit the kernel reports in the cgroup's own file must be the one typed, and high enough;
 * then the same allocator runs again inside the container, and must exit 0 with the cgroup's OOM
 * kill counter unchanged. The kernel's own peak (memory.peak, memory.max_usage_in_bytes) then
 * shows that the cgroup really held that much.
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes, readCgroup } from '../../probes/cgroup-read.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import { parseBytes } from '../actions/cgroup-limit.js';
import { meter, runWorkload } from '../actions/cgroup-workload-run.js';
import { allocatorScript, describeExit } from '../actions/cgroup-workloads.js';
import { verdict } from './check.js';
import type { CheckDef, CheckOutcome } from './check.js';

const MiB = 1024 * 1024;

/** The memory limit as the kernel reports it now, and the file it is in. */
async function currentLimit(ctx: ActionContext, c: Container): Promise<{ bytes?: number; file: string; dir: string; v1: boolean }> {
  const r = await readCgroup(ctx.hostReader, ctx.procRoot, c.pid, ['memory'], 'both');
  const dir = r.dirs.memory ?? '';
  const v1 = r.versions.memory === 1;
  return { bytes: meter(r.meters, 'memory.usage')?.max, file: path.join(dir, v1 ? 'memory.limit_in_bytes' : 'memory.max'), dir, v1 };
}

export const raisedMemoryLimit: CheckDef = {
  name: 'raised-memory-limit',
  summary:
    "The container's memory limit (read from its cgroup file) is the one typed, and the allocator of `mib` MiB now runs to the end without an OOM kill.",
  args: {
    mib: { type: { kind: 'integer', min: 1, max: 512 }, default: 48, doc: 'how many MiB the allocator holds' },
    container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' },
  },
  get prompt() {
    return t('checks.memory.prompt');
  },
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const c = ctx.container(str(args, 'container'));
    if (!c) return verdict(false, 'checks.memory.not-running');
    // Afterwards both panes show the memory files: the host's path and the container's own view.
    const panes = {
      show: { probe: 'cgroup-files', host: { pid: c.pid, controllers: ['memory'] }, container: { pid: 1, controllers: ['memory'] } },
    };
    const mib = Number(args.mib);
    const limit = await currentLimit(ctx, c);
    const typed = parseBytes(answer);
    if (typed === undefined || typed === 'max') return verdict(false, 'checks.memory.not-a-limit', { answer, file: limit.file });
    if (limit.bytes === undefined) return { ...verdict(false, 'checks.memory.no-limit', { file: limit.file, mib }), ...panes };
    if (typed !== limit.bytes)
      return {
        ...verdict(false, 'checks.memory.other-limit', { file: limit.file, bytes: limit.bytes, size: formatBytes(limit.bytes), typed }),
        ...panes,
      };
    if (limit.bytes < mib * MiB) return { ...verdict(false, 'checks.memory.too-low', { size: formatBytes(limit.bytes), mib }), ...panes };
    const run = await runWorkload(ctx, c, ['memory'], allocatorScript(mib), 60_000);
    const before = meter(run.before, 'memory.oom_kills');
    const after = meter(run.after, 'memory.oom_kills');
    const kills = before && after ? t('checks.memory.kills', { label: after.label, before: before.value, after: after.value }) : '';
    const peak = meter(run.after, 'memory.peak');
    const held = peak ? t('checks.memory.peak', { label: peak.label, size: formatBytes(peak.value) }) : '';
    const size = formatBytes(limit.bytes);
    if (run.result.exitCode === 0 && (!before || !after || after.value === before.value)) {
      return { ...verdict(true, 'checks.memory.right', { size, mib, kills: kills || t('checks.memory.no-kill'), peak: held }), ...panes };
    }
    return {
      ...verdict(false, 'checks.memory.still-killed', { size, exit: describeExit(run.result), kills: kills || 'none', mib }),
      ...panes,
    };
  },
  async answers(ctx, args) {
    const c = ctx.container(str(args, 'container'));
    if (!c) return [];
    const limit = await currentLimit(ctx, c);
    return limit.bytes !== undefined && limit.bytes >= Number(args.mib) * MiB ? [String(limit.bytes)] : [];
  },
  async describeAnswer(ctx, args) {
    const c = ctx.container(str(args, 'container'));
    if (!c) return t('checks.memory.answer-not-running');
    const { dir, v1 } = await currentLimit(ctx, c);
    const want = `${Number(args.mib) * 2}M`;
    // v1 keeps memory+swap at least as high as memory: when raising, the memsw file goes first.
    const memsw = path.join(dir, 'memory.memsw.limit_in_bytes');
    const steps = v1
      ? (fs.existsSync(memsw) ? [`echo ${want} > ${memsw}`] : []).concat(`echo ${want} > ${path.join(dir, 'memory.limit_in_bytes')}`)
      : [`echo ${want} > ${path.join(dir, 'memory.max')}`];
    return t('checks.memory.answer', { commands: steps.join(' && '), limit: want });
  },
};
