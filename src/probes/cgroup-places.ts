/**
 * Where a process's cgroups are, as seen by whoever reads.
 *
 * `/proc/<pid>/cgroup` names one cgroup per hierarchy:
 *   v1   `4:memory:/container-lab/ab12c`   one line per tree (id, its controllers, the path)
 *   v2   `0::/container-lab/ab12c`         one tree, one line, no controller names
 * The path is relative to the *reader's* cgroup namespace. From the host it is the whole path; from
 * inside a container that has its own cgroup namespace it is `/`: the container sees its own
 * cgroup as the root of the tree.
 *
 * The path alone is not a directory. The reader's own `/proc/self/mountinfo` says where each
 * hierarchy is mounted and which of its cgroups the mount shows at its top (the mount's root
 * field), so mount point + path below that root = the directory that holds the cgroup's files.
 * Pure functions: tested on mountinfo copied from real hosts.
 */
import path from 'node:path';
import { parseMountinfo } from '../cgroups/detect.js';

/** The controllers this lesson reads: the three lab controllers, and cpuacct (v1's CPU time). */
export type CgroupTree = 'memory' | 'pids' | 'cpu' | 'cpuacct';

/** One line of /proc/<pid>/cgroup. */
export interface CgroupLine {
  /** The hierarchy id; `0` is the v2 tree. */
  id: string;
  /** v1: the controllers of this tree (`cpu,cpuacct` → ['cpu', 'cpuacct']); v2: []. */
  controllers: string[];
  /** The cgroup, relative to the reader's cgroup namespace. */
  path: string;
}

export interface CgroupPlace extends CgroupLine {
  version: 1 | 2;
  /** Where this cgroup's files are for the reader, when that hierarchy is mounted where it reads. */
  dir?: string;
}

export function parseProcCgroup(text: string): CgroupLine[] {
  const lines: CgroupLine[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const names = line.slice(first + 1, second);
    lines.push({ id: line.slice(0, first), controllers: names === '' ? [] : names.split(','), path: line.slice(second + 1) });
  }
  return lines;
}

/** Each line of `procCgroup` with the directory it is in, found through `mountinfo`. */
export function cgroupPlaces(procCgroup: string, mountinfo: string): CgroupPlace[] {
  const mounts = parseMountinfo(mountinfo).filter((m) => m.fstype === 'cgroup' || m.fstype === 'cgroup2');
  return parseProcCgroup(procCgroup).map((line): CgroupPlace => {
    const version = line.id === '0' && line.controllers.length === 0 ? 2 : 1;
    const candidates = mounts.filter((m) =>
      version === 2 ? m.fstype === 'cgroup2' : m.fstype === 'cgroup' && line.controllers.every((c) => m.superOptions.includes(c)),
    );
    for (const m of candidates) {
      const below = path.posix.relative(m.root, line.path);
      // A mount that shows only a subtree (its root field) cannot show a cgroup outside it.
      if (below.startsWith('..')) continue;
      return { ...line, version, dir: path.posix.join(m.mountPoint, below) };
    }
    return { ...line, version };
  });
}

/**
 * The place that holds `tree`'s files. A v1 hierarchy that carries the controller wins; on a
 * hybrid host the v2 tree (systemd's `unified`) usually carries none of them.
 */
export function placeOf(places: readonly CgroupPlace[], tree: CgroupTree): CgroupPlace | undefined {
  return (
    places.find((p) => p.version === 1 && p.controllers.includes(tree)) ??
    (tree === 'cpuacct' ? undefined : places.find((p) => p.version === 2))
  );
}
