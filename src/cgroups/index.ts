/**
 * cgroups: how a runtime limits what a container may use. A cgroup is a directory in a special
 * filesystem; writing numbers into its files sets limits, writing a PID into `cgroup.procs` puts a
 * process (and everything it forks later) under them, and reading its files gives the kernel's own
 * counters: memory in use, OOM kills, forks refused, CPU time throttled.
 *
 * `openCgroupDriver()` reads mountinfo to learn whether this host runs cgroup v2, v1 or hybrid and
 * returns the matching driver. Everything takes the root as a parameter, so both drivers also run
 * on a fixture tree in a temp directory.
 */
import { detectCgroups } from './detect.js';
import type { CgroupDriver, EmitEvent } from './types.js';
import { CgroupV1Driver } from './v1.js';
import { CgroupV2Driver } from './v2.js';

export interface OpenCgroupOptions {
  /** Where the hierarchies are, instead of where mountinfo says (a fixture tree in tests). */
  root?: string;
  /** mountinfo text. Default: the contents of /proc/self/mountinfo. */
  mountinfo?: string;
  /** The lab parent's name: the runtime passes its `cgroupParent` (`container-lab` unless moved). */
  parent: string;
  /** Receives every mkdir / write / rmdir / kill the driver performs. */
  emit?: EmitEvent;
}

export function openCgroupDriver(options: OpenCgroupOptions): CgroupDriver {
  const support = detectCgroups(options);
  const { parent } = options;
  const emit = options.emit ?? (() => {});
  if (support.mode === 'v2') return new CgroupV2Driver(support.root, parent, support.controllers, emit);
  return new CgroupV1Driver(support.mode, support.root, support.hierarchies, parent, emit);
}

export type { Cgroup, CgroupDriver, CgroupLimits, CgroupMode, CgroupStats, EmitEvent } from './types.js';
export type { CgroupLayout, CgroupSupport, LabController, MountinfoEntry, V1Hierarchy } from './detect.js';
export { LAB_CONTROLLERS, detectCgroups, detectLayout, parseMountinfo, rebaseLayout, v1Controllers, v2Controllers } from './detect.js';
export { CgroupError, cgroupHint } from './errors.js';
export { CPU_PERIOD_USEC, cpuQuotaUsec } from './limits.js';
export { CgroupV1Driver } from './v1.js';
export { CgroupV2Driver } from './v2.js';
