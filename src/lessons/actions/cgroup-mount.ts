/**
 * `cgroup-mount`: mounts the container's own cgroup read-only at /sys/fs/cgroup inside it, as runc
 * does for every Docker container. Inside a cgroup namespace, a cgroup filesystem mounted there has
 * the namespace's root — the container's own cgroup — at its top, so the container reads its limits
 * at `/sys/fs/cgroup/memory.max` (v2) or `/sys/fs/cgroup/memory/memory.limit_in_bytes` (v1) and
 * sees nothing of the cgroups around it.
 *
 * The runtime does it with the same code `container-lab run` uses at start
 * (src/runtime/shim/cgroup-mount.ts): the container's shim steps into its cgroup and mount
 * namespaces and calls mount(2) itself. No program from the container's rootfs runs (a container
 * may have replaced those), and the container itself, without CAP_SYS_ADMIN, could not. The mounts
 * live only in the container's mount namespace and end with it: nothing for the ledger to track.
 */
import fs from 'node:fs';
import { t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { arg, listOf } from './words.js';

export const cgroupMountAction: ActionDef = {
  name: 'cgroup-mount',
  get summary() {
    return t('actions.cgroup-mount.summary');
  },
  args: { container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }) },
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const root = `${ctx.procRoot}/${c.pid}/root`;
    if (fs.existsSync(`${root}/sys/fs/cgroup/cgroup.procs`) || fs.existsSync(`${root}/sys/fs/cgroup/memory`)) {
      return { ok: true, output: [t('actions.cgroup-mount.already')] };
    }
    const made = await ctx.runtime.mountCgroupfs(c);
    if (made.length === 0) return { ok: false, output: [], message: t('actions.no-cgroup') };
    if (made.length === 1 && made[0] === '/sys/fs/cgroup') return { ok: true, output: [t('actions.cgroup-mount.v2')] };
    return { ok: true, output: [t('actions.cgroup-mount.v1', { mounts: listOf(made) })] };
  },
};
