/**
 * `raised-memory-limit`: the learner raised the container's memory limit so that the allocator that
 * was OOM-killed now finishes, and types the new limit. Checked on the real state, in two parts:
 * the limit the kernel reports in the cgroup's own file must be the one typed, and high enough;
 * then the same allocator runs again inside the container, and must exit 0 with the cgroup's OOM
 * kill counter unchanged. The kernel's own peak (memory.peak, memory.max_usage_in_bytes) then
 * shows that the cgroup really held that much.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes, readCgroup } from '../../probes/cgroup-read.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import { parseBytes } from '../actions/cgroup-limit.js';
import { meter, runWorkload } from '../actions/cgroup-workload-run.js';
import { allocatorScript, describeExit } from '../actions/cgroup-workloads.js';
import type { Args } from '../types.js';
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
  prompt: 'new memory limit',
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const c = ctx.container(str(args, 'container'));
    if (!c) return { ok: false, message: 'The container is not running: press r to reset the lesson, then run the memory steps again.' };
    // Afterwards both panes show the memory files: the host's path and the container's own view.
    const panes = {
      show: { probe: 'cgroup-files', host: { pid: c.pid, controllers: ['memory'] }, container: { pid: 1, controllers: ['memory'] } },
    };
    const mib = Number(args.mib);
    const limit = await currentLimit(ctx, c);
    const typed = parseBytes(answer);
    if (typed === undefined || typed === 'max')
      return {
        ok: false,
        message: `"${answer}" is not a limit: type the number of bytes now in ${limit.file} (or with a unit, like 96M).`,
      };
    if (limit.bytes === undefined)
      return {
        ok: false,
        message: `${limit.file} says there is no limit at all. Write a limit into it (a little above ${mib} MiB), then type it.`,
        ...panes,
      };
    if (typed !== limit.bytes)
      return {
        ok: false,
        message: `${limit.file} says ${limit.bytes} (${formatBytes(limit.bytes)}), not ${typed}: write your new limit into that file first, then type what it says.`,
        ...panes,
      };
    if (limit.bytes < mib * MiB)
      return {
        ok: false,
        message: `${formatBytes(limit.bytes)} is still below the ${mib} MiB the allocator holds: it would be killed again. Raise it further.`,
        ...panes,
      };
    const run = await runWorkload(ctx, c, ['memory'], allocatorScript(mib), 60_000);
    const before = meter(run.before, 'memory.oom_kills');
    const after = meter(run.after, 'memory.oom_kills');
    const kills = before && after ? `${after.label} ${before.value} → ${after.value}` : '';
    const peak = meter(run.after, 'memory.peak');
    const held = peak ? `; ${peak.label} says ${formatBytes(peak.value)}` : '';
    if (run.result.exitCode === 0 && (!before || !after || after.value === before.value)) {
      return {
        ok: true,
        message: `Right: under ${formatBytes(limit.bytes)} the allocator held its ${mib} MiB and exited 0 (${kills || 'no OOM kill'}${held}). The limit is a number in a file; raise it and the kernel lets the cgroup grow.`,
        ...panes,
      };
    }
    return {
      ok: false,
      message: `At ${formatBytes(limit.bytes)} the allocator ended with ${describeExit(run.result)}${kills ? ` (${kills})` : ''}: the shell, head and tail need a few MiB besides the ${mib} MiB. Give it more room.`,
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
    if (!c) return 'the container is not running yet, so there is no file to name';
    const { dir, v1 } = await currentLimit(ctx, c);
    const want = `${Number(args.mib) * 2}M`;
    // v1 keeps memory+swap at least as high as memory: when raising, the memsw file goes first.
    const memsw = path.join(dir, 'memory.memsw.limit_in_bytes');
    const steps = v1
      ? (fs.existsSync(memsw) ? [`echo ${want} > ${memsw}`] : []).concat(`echo ${want} > ${path.join(dir, 'memory.limit_in_bytes')}`)
      : [`echo ${want} > ${path.join(dir, 'memory.max')}`];
    return `\`${steps.join(' && ')}\` from a root shell on the host, then type ${want}`;
  },
};
