/**
 * `cgroup-mount`: mounts the container's own cgroup read-only at /sys/fs/cgroup inside it, as runc
 * does for every Docker container. Inside a cgroup namespace, a cgroup filesystem mounted there has
 * the namespace's root — the container's own cgroup — at its top, so the container reads its limits
 * at `/sys/fs/cgroup/memory.max` (v2) or `/sys/fs/cgroup/memory/memory.limit_in_bytes` (v1) and
 * sees nothing of the cgroups around it.
 *
 * The lab does it from the host with util-linux's own programs, never with a program from the
 * container's rootfs (a container may have replaced those):
 *   nsenter --target PID --cgroup      runs `mount` in the container's cgroup namespace, which sets
 *                                      the top of the new cgroup mount
 *   mount --namespace PID …            enters the container's mount namespace just for mount(2)
 * and makes the mount points through /proc/PID/root, the container's root as the host sees it.
 * The mounts live only in the container's mount namespace (private since it was made) and end
 * with it: nothing for the ledger to track.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { detectCgroups } from '../../cgroups/index.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';

const run = promisify(execFile);
const TREES = ['memory', 'pids', 'cpu', 'cpuacct'];
const FLAGS = 'nosuid,nodev,noexec';

/** Runs one fixed host command (no shell), reported as a primitive; throws with its stderr. */
async function host(ctx: ActionContext, argv: string[]): Promise<void> {
  const started = performance.now();
  const event = (ok: boolean, result: string): PrimitiveEvent => ({ kind: 'spawn', name: argv[0]!, args: argv.slice(1), result, ok, durationMs: performance.now() - started });
  try {
    await run(argv[0]!, argv.slice(1), { timeout: 10_000 });
    ctx.record(event(true, 'exit 0'));
  } catch (err) {
    const e = err as { code?: number | string; stderr?: string };
    ctx.record(event(false, `exit ${e.code ?? '?'}`));
    throw new Error(`\`${argv.join(' ')}\` failed: ${(e.stderr ?? String(err)).trim()}`);
  }
}

function mkdir(ctx: ActionContext, dir: string): void {
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  ctx.record({ kind: 'syscall', name: 'mkdir', args: [JSON.stringify(dir)], result: '0', ok: true, durationMs: performance.now() - started });
}

export const cgroupMountAction: ActionDef = {
  name: 'cgroup-mount',
  summary: 'Mounts the container\'s own cgroup read-only at /sys/fs/cgroup inside it (as runc does), with the host\'s nsenter and mount.',
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  hostPrograms: [{ anyOf: ['nsenter'] }, { anyOf: ['mount'] }],
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pid = String(c.pid);
    const root = `/proc/${pid}/root`;
    const mount = (...words: string[]) => host(ctx, ['nsenter', '--target', pid, '--cgroup', '--', 'mount', '--namespace', pid, ...words]);
    const layout = detectCgroups();
    if (fs.existsSync(`${root}/sys/fs/cgroup/cgroup.procs`) || fs.existsSync(`${root}/sys/fs/cgroup/memory`)) {
      return { ok: true, output: ['/sys/fs/cgroup is already mounted in this container.'] };
    }
    mkdir(ctx, `${root}/sys/fs/cgroup`);
    if (layout.mode === 'v2') {
      await mount('-t', 'cgroup2', '-o', `ro,${FLAGS}`, 'cgroup2', '/sys/fs/cgroup');
      return { ok: true, output: ['one cgroup2 mount: the container\'s cgroup is its top'] };
    }
    // v1: a small tmpfs holds one mount point per hierarchy, named as on the host (`memory`,
    // `cpu,cpuacct`), then goes read-only like the hierarchies themselves.
    await mount('-t', 'tmpfs', '-o', `${FLAGS},mode=755,size=64k`, 'cgroup', '/sys/fs/cgroup');
    const names: string[] = [];
    for (const h of layout.hierarchies.filter((x) => x.controllers.some((ctl) => TREES.includes(ctl)))) {
      const name = path.basename(h.mountPoint);
      mkdir(ctx, `${root}/sys/fs/cgroup/${name}`);
      await mount('-t', 'cgroup', '-o', `ro,${FLAGS},${h.controllers.join(',')}`, 'cgroup', `/sys/fs/cgroup/${name}`);
      names.push(name);
    }
    await mount('-o', `remount,ro,${FLAGS}`, '/sys/fs/cgroup');
    return { ok: true, output: [`one mount per v1 hierarchy: /sys/fs/cgroup/{${names.join(',')}}, each with the container's cgroup at its top`] };
  },
};
