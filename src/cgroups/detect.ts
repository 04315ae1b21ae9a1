/**
 * Which cgroup layout does this host run? The answer is in /proc/self/mountinfo.
 *
 * A cgroup hierarchy is a filesystem. Which filesystems are mounted tells the mode:
 *   v2      one `cgroup2` mount (usually /sys/fs/cgroup) holds every controller: one tree.
 *   v1      one `cgroup` mount per controller, or per group of controllers mounted together
 *           (`/sys/fs/cgroup/cpu,cpuacct`): a tree per hierarchy, and a process sits in one
 *           cgroup of each tree.
 *   hybrid  v1 controller mounts plus a `cgroup2` mount (systemd's /sys/fs/cgroup/unified)
 *           that holds whatever controllers no v1 hierarchy took — usually none.
 * A controller can be attached to one hierarchy only, so on hybrid hosts memory, pids and cpu
 * live in the v1 trees.
 *
 * The parsers are pure: they take the mountinfo text (and the text of the v2 root's
 * `cgroup.controllers`) so they can be tested on text copied from real hosts. `detectCgroups`
 * reads those files and puts the answer together (the doctor shows it).
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import type { CgroupMode } from './types.js';

/** The controllers the lab uses. */
export type LabController = 'memory' | 'pids' | 'cpu';
export const LAB_CONTROLLERS: readonly LabController[] = ['memory', 'pids', 'cpu'];

/** Controller names a v1 `cgroup` mount can carry in its options (anything else is a mount flag). */
const V1_CONTROLLER_NAMES = new Set([
  'cpuset',
  'cpu',
  'cpuacct',
  'blkio',
  'memory',
  'devices',
  'freezer',
  'net_cls',
  'perf_event',
  'net_prio',
  'hugetlb',
  'pids',
  'rdma',
  'misc',
]);

/** One line of /proc/<pid>/mountinfo, the fields the cgroup code needs. */
export interface MountinfoEntry {
  /** Where it is mounted, e.g. `/sys/fs/cgroup/memory`. */
  mountPoint: string;
  /** Which directory of the filesystem appears there (`/` unless only a subtree is visible). */
  root: string;
  /** Filesystem type, e.g. `cgroup`, `cgroup2`, `tmpfs`. */
  fstype: string;
  /** Per-superblock options; for a v1 cgroup mount they name its controllers: `rw,cpu,cpuacct`. */
  superOptions: string[];
}

/** A mounted v1 hierarchy. */
export interface V1Hierarchy {
  /** Controllers attached to it, e.g. `['cpu', 'cpuacct']`. */
  controllers: string[];
  /** Its mount point, e.g. `/sys/fs/cgroup/cpu,cpuacct`. */
  mountPoint: string;
}

/** Where the cgroup hierarchies of this host are. */
export interface CgroupLayout {
  mode: CgroupMode;
  /** v2: the cgroup2 mount point; v1/hybrid: the directory that holds the v1 mounts. */
  root: string;
  /** The cgroup2 mount point, if one is mounted (on hybrid hosts: not used for controllers). */
  unified?: string;
  /** v1/hybrid: every mounted hierarchy that carries controllers. Empty on v2. */
  hierarchies: V1Hierarchy[];
}

/** Fields in mountinfo escape space, tab, newline and backslash as octal: `\040`. */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * Parses mountinfo. A line is
 * `36 25 0:31 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:12 - cgroup cgroup rw,cpu,cpuacct`:
 * id, parent id, device, root, mount point, mount options, optional fields, `-`, type, source,
 * superblock options. The optional fields vary in number, so the ` - ` separator is the anchor.
 */
export function parseMountinfo(text: string): MountinfoEntry[] {
  const entries: MountinfoEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 4) continue;
    entries.push({
      root: unescapeOctal(fields[3] ?? ''),
      mountPoint: unescapeOctal(fields[4] ?? ''),
      fstype: fields[dash + 1] ?? '',
      superOptions: (fields[dash + 3] ?? '').split(','),
    });
  }
  return entries;
}

/** Finds the cgroup mounts in mountinfo and names the mode. Throws when no cgroup fs is mounted. */
export function detectLayout(mountinfo: string): CgroupLayout {
  const mounts = parseMountinfo(mountinfo);
  const hierarchies: V1Hierarchy[] = [];
  for (const m of mounts) {
    if (m.fstype !== 'cgroup') continue;
    const controllers = m.superOptions.filter((o) => V1_CONTROLLER_NAMES.has(o));
    // `name=systemd` hierarchies carry no controller; a hierarchy bind-mounted twice counts once.
    if (controllers.length === 0) continue;
    if (hierarchies.some((h) => h.controllers.join(',') === controllers.join(','))) continue;
    hierarchies.push({ controllers, mountPoint: m.mountPoint });
  }
  const cgroup2 = mounts.filter((m) => m.fstype === 'cgroup2').map((m) => m.mountPoint);
  const unified = cgroup2.find((p) => p === '/sys/fs/cgroup') ?? cgroup2[0];

  if (hierarchies.length > 0) {
    const first = hierarchies.find((h) => h.controllers.includes('memory')) ?? hierarchies[0]!;
    return {
      mode: unified === undefined ? 'v1' : 'hybrid',
      root: path.dirname(first.mountPoint),
      ...(unified === undefined ? {} : { unified }),
      hierarchies,
    };
  }
  if (unified !== undefined) return { mode: 'v2', root: unified, unified, hierarchies: [] };
  throw new Error(t('runtime.cgroup.none-mounted'));
}

/** Moves every path of a layout from its real root to `root` (to run the drivers on a fixture tree). */
export function rebaseLayout(layout: CgroupLayout, root: string): CgroupLayout {
  const move = (p: string): string => path.join(root, path.relative(layout.root, p));
  return {
    mode: layout.mode,
    root,
    ...(layout.unified === undefined ? {} : { unified: move(layout.unified) }),
    hierarchies: layout.hierarchies.map((h) => ({ controllers: h.controllers, mountPoint: move(h.mountPoint) })),
  };
}

/** v2: the lab controllers listed in the root's `cgroup.controllers` (`cpuset cpu io memory pids`). */
export function v2Controllers(controllersText: string): LabController[] {
  const offered = new Set(controllersText.trim().split(/\s+/));
  return LAB_CONTROLLERS.filter((c) => offered.has(c));
}

/** v1: the lab controllers that some mounted hierarchy carries. */
export function v1Controllers(hierarchies: readonly V1Hierarchy[]): LabController[] {
  return LAB_CONTROLLERS.filter((c) => hierarchies.some((h) => h.controllers.includes(c)));
}

/** v1: the mount point of the hierarchy that carries `controller` (e.g. cpuacct in `cpu,cpuacct`). */
export function hierarchyOf(hierarchies: readonly V1Hierarchy[], controller: string): string | undefined {
  return hierarchies.find((h) => h.controllers.includes(controller))?.mountPoint;
}

/** The cgroup layout plus the lab controllers usable on it. */
export interface CgroupSupport extends CgroupLayout {
  controllers: LabController[];
}

/**
 * Reads mountinfo (default: this process's) and, on v2, the root's `cgroup.controllers`.
 * `root` replaces the detected root, to read a fixture tree instead.
 */
export function detectCgroups(options: { mountinfo?: string; root?: string } = {}): CgroupSupport {
  const detected = detectLayout(options.mountinfo ?? fs.readFileSync('/proc/self/mountinfo', 'utf8'));
  const layout = options.root === undefined ? detected : rebaseLayout(detected, options.root);
  if (layout.mode !== 'v2') return { ...layout, controllers: v1Controllers(layout.hierarchies) };
  // A v2 controller is usable when the root offers it; the driver then enables it for the lab's
  // subtree by writing `+memory` etc. into cgroup.subtree_control at each level.
  const offered = fs.readFileSync(path.join(layout.root, 'cgroup.controllers'), 'utf8');
  return { ...layout, controllers: v2Controllers(offered) };
}
