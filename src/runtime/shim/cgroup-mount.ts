/**
 * /sys/fs/cgroup inside a container: its own cgroup, read-only, as runc mounts it for every Docker
 * container (`docker exec NAME cat /sys/fs/cgroup/memory.max` prints the container's limit).
 *
 * The trick is the cgroup namespace. A cgroup filesystem mounted by a process in a cgroup namespace
 * shows that namespace's root cgroup at its top: mounted from inside, the container's own cgroup is
 * `/`, with its limit files right there, and nothing of the cgroups around it is reachable. So the
 * mount is made after unshare(CLONE_NEWCGROUP), by the init stage itself (`container-lab run`), or
 * by the shim stepping into the container's mount and cgroup namespaces (the cgroups lesson, which
 * shows it as a step of its own). Either way, one function, through the Kernel doorway:
 *
 *   v2   mount("cgroup2", "/sys/fs/cgroup", "cgroup2", MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC)
 *   v1   a small tmpfs at /sys/fs/cgroup, then one read-only mount per hierarchy in which the
 *        container has a cgroup of its own (named as on the host: `memory`, `cpu,cpuacct`, with
 *        `cpu` and `cpuacct` links to the latter), then the tmpfs remounted read-only too, as
 *        Docker does on v1 hosts.
 *
 * Read-only is the point: the container can read its limits, never raise them. The mounts live in
 * the container's mount namespace (private since it was made) and end with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CgroupLayout } from '../../cgroups/detect.js';
import { MS } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';

/** What to mount: the one v2 tree, or these v1 hierarchies (each by its directory name and controllers). */
export type CgroupFsPlan = { version: 2 } | { version: 1; hierarchies: { name: string; controllers: string[] }[] };

export const CGROUP_FS_TARGET = '/sys/fs/cgroup';
const FLAGS = MS.MS_NOSUID | MS.MS_NODEV | MS.MS_NOEXEC;

/**
 * The plan for a container whose cgroup is joined through `procsFiles` (its cgroup.procs files on
 * this host): on v2 the one tree; on v1 and hybrid hosts the hierarchies those files lie in. A v1
 * hierarchy where the container has no cgroup of its own (systemd's, or a controller the lab does
 * not use) would show whichever host cgroup its first process happened to be in: left out.
 */
export function cgroupFsPlan(layout: CgroupLayout, procsFiles: readonly string[]): CgroupFsPlan | undefined {
  if (procsFiles.length === 0) return undefined;
  if (layout.mode === 'v2') return { version: 2 };
  const inside = (dir: string) => procsFiles.some((file) => file.startsWith(`${dir}/`));
  const hierarchies = layout.hierarchies
    .filter((h) => inside(h.mountPoint))
    .map((h) => ({ name: path.basename(h.mountPoint), controllers: [...h.controllers] }));
  return hierarchies.length ? { version: 1, hierarchies } : undefined;
}

/**
 * Mounts the plan at `target`, for a caller inside the container's mount and cgroup namespaces.
 * Returns the mount points it made.
 */
export function mountCgroupFs(k: Kernel, plan: CgroupFsPlan, target = CGROUP_FS_TARGET): string[] {
  if (plan.version === 2) {
    k.mount('cgroup2', target, 'cgroup2', MS.MS_RDONLY | FLAGS, null);
    return [target];
  }
  // A v1 hierarchy is mounted again by naming exactly its controllers (`cpu,cpuacct` together, or
  // the kernel answers EBUSY); the new mount is the same hierarchy, seen from the namespace's root.
  k.mount('tmpfs', target, 'tmpfs', FLAGS, 'mode=755,size=64k');
  const made: string[] = [];
  for (const h of plan.hierarchies) {
    const dir = path.join(target, h.name);
    fs.mkdirSync(dir);
    k.mount('cgroup', dir, 'cgroup', MS.MS_RDONLY | FLAGS, h.controllers.join(','));
    made.push(dir);
    // As on the host: `cpu` and `cpuacct` lead to `cpu,cpuacct` when they share a hierarchy.
    for (const controller of h.controllers) if (controller !== h.name) fs.symlinkSync(h.name, path.join(target, controller));
  }
  k.mount(null, target, null, MS.MS_REMOUNT | MS.MS_RDONLY | FLAGS, null);
  return made;
}
