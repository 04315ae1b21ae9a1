/**
 * `cgroup-limit`: writes limits into a running lesson container's cgroup, the way
 * `docker update --memory 32m --pids-limit 10 --cpus 0.5` does, or takes them away again (`max`).
 *
 * The writes go through the runtime's cgroup driver, which knows each version's file names and
 * their rules (on v1 the memory+swap limit must never be below the memory limit, so the order of
 * the two writes depends on the direction); every write is shown as a primitive. Afterwards the
 * output says what the kernel now reports in those files.
 */
import { readCgroup } from '../../probes/cgroup-read.js';
import type { Controller } from '../../probes/cgroup-read.js';
import { parseSize } from '../../cgroups/size.js';
import type { CgroupLimits } from '../../cgroups/types.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';

/** `32M` → 33554432; `max` → 'max'; anything else → undefined. */
export function parseBytes(text: string): number | 'max' | undefined {
  return text.trim() === 'max' ? 'max' : parseSize(text);
}

function parseCount(text: string): number | 'max' | undefined {
  if (text === 'max') return 'max';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function parseCpus(text: string): number | 'max' | undefined {
  if (text === 'max') return 'max';
  return /^\d+(\.\d+)?$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

export const cgroupLimitAction: ActionDef = {
  name: 'cgroup-limit',
  summary: "Writes memory, pids or CPU limits into a lesson container's cgroup (or `max`: no limit), through the runtime's cgroup driver.",
  args: {
    memory: { type: { kind: 'string' }, default: '', doc: 'memory limit: bytes or 32M, 1G…, or max' },
    pids: { type: { kind: 'string' }, default: '', doc: 'the most tasks the cgroup may hold, or max' },
    cpus: { type: { kind: 'string' }, default: '', doc: 'CPU time per period, in CPUs (0.5 = 50 ms of every 100 ms), or max' },
    container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' },
  },
  undo: 'restores',
  async run(ctx, args) {
    const memory = str(args, 'memory') === '' ? undefined : parseBytes(str(args, 'memory'));
    const pids = str(args, 'pids') === '' ? undefined : parseCount(str(args, 'pids'));
    const cpus = str(args, 'cpus') === '' ? undefined : parseCpus(str(args, 'cpus'));
    const bad = [
      ['memory', memory],
      ['pids', pids],
      ['cpus', cpus],
    ].filter(([name, v]) => str(args, String(name)) !== '' && v === undefined);
    if (bad.length)
      return {
        ok: false,
        output: [],
        message: `Cannot read the ${bad.map(([n]) => n).join(' and ')} limit: write a number (memory may end in K, M or G) or max.`,
      };

    const c = await ctx.ensureContainer(str(args, 'container'));
    if (!c.cgroup)
      return {
        ok: false,
        output: [],
        message: 'This container has no cgroup (the host offers no cgroup controller): run `container-lab doctor`.',
      };
    // What the files said before, read through the same driver, so an undo writes them back.
    const before = c.cgroup.stats();
    const undo =
      cpus === undefined
        ? () =>
            restoreLimits(ctx, c, {
              ...(memory === undefined ? {} : { memory: { was: before.memoryMax } }),
              ...(pids === undefined ? {} : { pids: { was: before.pidsMax } }),
            })
        : { cannot: 'the lab does not read a CPU quota back through its cgroup driver, so it cannot write the old one again' };
    const cgroup = c.cgroup;
    const limits: CgroupLimits = {};
    const clear: Controller[] = [];
    if (memory === 'max') clear.push('memory');
    else if (memory !== undefined) limits.memoryBytes = memory;
    if (pids === 'max') clear.push('pids');
    else if (pids !== undefined) limits.pids = pids;
    if (cpus === 'max') clear.push('cpu');
    else if (cpus !== undefined) limits.cpus = cpus;
    cgroup.clearLimits(clear);
    cgroup.setLimits(limits);

    const touched: Controller[] = [];
    if (memory !== undefined) touched.push('memory');
    if (pids !== undefined) touched.push('pids');
    if (cpus !== undefined) touched.push('cpu');
    const now = await readCgroup(ctx.hostReader, ctx.procRoot, c.pid, touched, 'limits');
    return { ok: true, output: now.rows.map((r) => `${r.cells[0]} now says ${r.cells[1]}`), undo };
  },
};

/**
 * Writes back the memory and pids limits a run replaced (`was` undefined: there was none, so the
 * file gets `max` again), then reads the files as the run did.
 */
async function restoreLimits(
  ctx: ActionContext,
  c: Container,
  old: { memory?: { was?: number }; pids?: { was?: number } },
): Promise<ActionOutcome> {
  const touched: Controller[] = [];
  const limits: CgroupLimits = {};
  const clear: Controller[] = [];
  if (old.memory) {
    touched.push('memory');
    if (old.memory.was === undefined) clear.push('memory');
    else limits.memoryBytes = old.memory.was;
  }
  if (old.pids) {
    touched.push('pids');
    if (old.pids.was === undefined) clear.push('pids');
    else limits.pids = old.pids.was;
  }
  c.cgroup!.clearLimits(clear);
  c.cgroup!.setLimits(limits);
  const now = await readCgroup(ctx.hostReader, ctx.procRoot, c.pid, touched, 'limits');
  return { ok: true, output: now.rows.map((r) => `${r.cells[0]} says ${r.cells[1]} again`) };
}
