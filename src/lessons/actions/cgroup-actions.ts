/** The cgroups lesson's actions, listed once for the catalogue in index.ts. */
import type { ActionDef } from './action.js';
import { cgroupLimitAction } from './cgroup-limit.js';
import { cgroupMountAction } from './cgroup-mount.js';
import { cgroupWorkloadAction } from './cgroup-workload.js';

export const CGROUP_ACTIONS: readonly ActionDef[] = [cgroupMountAction, cgroupLimitAction, cgroupWorkloadAction];
