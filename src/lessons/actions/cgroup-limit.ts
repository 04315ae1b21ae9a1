/**
 * `cgroup-limit`: writes limits into a running lesson container's cgroup, the way
 * `docker update --memory 32m --pids-limit 10 --cpus 0.5` does, or takes them away again (`max`).
 *
 * The writes go through the runtime's cgroup driver, which knows each version's file names and
 * their rules (on v1 the memory+swap limit must never be below the memory limit, so the order of
 * the two writes depends on the direction); every write is shown as a primitive. Afterwards the
 * output says what the kernel now reports in those files.
 */
import { t } from '../../i18n/index.js';
import { readCgroup } from '../../probes/cgroup-read.js';
import type { Controller } from '../../probes/cgroup-read.js';
import { parseSize } from '../../cgroups/size.js';
import type { CgroupLimits } from '../../cgroups/types.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { arg, both } from './words.js';

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
  get summary() {
    return t('actions.cgroup-limit.summary');
  },
  args: {
    memory: arg({ kind: 'string' }, 'actions.cgroup-limit.arg.memory', { default: '' }),
    pids: arg({ kind: 'string' }, 'actions.cgroup-limit.arg.pids', { default: '' }),
    cpus: arg({ kind: 'string' }, 'actions.cgroup-limit.arg.cpus', { default: '' }),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
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
      return { ok: false, output: [], message: t('actions.cgroup-limit.unreadable', { names: both(bad.map(([n]) => String(n))) }) };

    const c = await ctx.ensureContainer(str(args, 'container'));
    if (!c.cgroup) return { ok: false, output: [], message: t('actions.no-cgroup') };
    // What the files said before, read through the same driver, so an undo writes them back.
    const before = c.cgroup.stats();
    const undo =
      cpus === undefined
        ? () =>
            restoreLimits(ctx, c, {
              ...(memory === undefined ? {} : { memory: { was: before.memoryMax } }),
              ...(pids === undefined ? {} : { pids: { was: before.pidsMax } }),
            })
        : { cannot: t('actions.cgroup-limit.no-cpu-undo') };
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
    return {
      ok: true,
      output: now.rows.map((r) => t('actions.cgroup-limit.now', { file: String(r.cells[0]), value: String(r.cells[1]) })),
      undo,
    };
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
