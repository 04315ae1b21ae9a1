/**
 * Where the shim itself lives in each cgroup tree, so it can step into a container's cgroup for a
 * moment (to create the cgroup namespace there) and step back out.
 *
 * A cgroup namespace's root is the cgroup its creator is in at unshare(CLONE_NEWCGROUP) time. To give
 * the container a view rooted at its own cgroup, the shim joins that cgroup, unshares, and leaves
 * again at once; no fork happens meanwhile, so pids.max never sees the shim's threads.
 */
import fs from 'node:fs';
import path from 'node:path';

interface CgroupMount {
  mountPoint: string;
  /** The cgroup path that is the root of this mount (field 4 of mountinfo). */
  root: string;
  /** v1 controllers in this hierarchy, or ['v2'] for cgroup2. */
  controllers: string[];
}

function cgroupMounts(mountinfo: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const fields = left.split(' ');
    const [fstype, , superOpts = ''] = right.split(' ');
    if (fstype === 'cgroup2') mounts.push({ mountPoint: fields[4]!, root: fields[3]!, controllers: ['v2'] });
    else if (fstype === 'cgroup') mounts.push({ mountPoint: fields[4]!, root: fields[3]!, controllers: superOpts.split(',') });
  }
  return mounts;
}

/**
 * For each container `cgroup.procs` file, the `cgroup.procs` file of the cgroup this process is in
 * now, in the same tree.
 */
export function ownProcsFiles(containerProcs: readonly string[], pid: number | 'self' = 'self'): string[] {
  const mounts = cgroupMounts(fs.readFileSync('/proc/self/mountinfo', 'utf8'));
  const membership = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8').trim().split('\n');
  return containerProcs.map((file) => {
    const mount = mounts
      .filter((m) => file.startsWith(m.mountPoint + '/'))
      .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
    if (!mount) throw new Error(`${file} is not inside a mounted cgroup tree.`);
    const line = membership.find((l) => {
      const [, ctrls = '', ] = l.split(':');
      return mount.controllers[0] === 'v2' ? l.startsWith('0::') : ctrls.split(',').some((c) => c && mount.controllers.includes(c));
    });
    if (!line) throw new Error(`cannot find this process's cgroup for ${mount.mountPoint}.`);
    const own = line.slice(line.indexOf(':', line.indexOf(':') + 1) + 1);
    const rel = path.relative(mount.root, own);
    return path.join(mount.mountPoint, rel, 'cgroup.procs');
  });
}
