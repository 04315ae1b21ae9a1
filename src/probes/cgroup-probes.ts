/** The cgroups lesson's probes, listed once for the catalogue in index.ts. */
import { cgroupFilesProbe } from './cgroup-files.js';
import { cgroupMembershipProbe } from './cgroup-membership.js';
import { cgroupModeProbe } from './cgroup-mode.js';
import type { ProbeDef } from './probe.js';

export const CGROUP_PROBES: readonly ProbeDef[] = [cgroupModeProbe, cgroupMembershipProbe, cgroupFilesProbe];
