/**
 * The cgroup interface: one shape for cgroup v2 (one unified tree) and v1/hybrid (one tree per
 * controller). The runtime and the cgroups lesson talk only to this interface.
 */
import type { PrimitiveEvent } from '../kernel/kernel.js';

/** v2: only cgroup2 mounted. v1: only v1 hierarchies. hybrid: v1 controllers plus an (often empty) cgroup2. */
export type CgroupMode = 'v2' | 'v1' | 'hybrid';

/** Limits a container may ask for. Absent means "no limit". */
export interface CgroupLimits {
  /** Hard memory limit in bytes (memory.max / memory.limit_in_bytes). */
  memoryBytes?: number;
  /** Maximum number of tasks (pids.max). */
  pids?: number;
  /** CPU quota in CPUs, e.g. 0.5 = 50000µs per 100000µs period (cpu.max / cpu.cfs_quota_us). */
  cpus?: number;
}

/** Counters read from the kernel's own files. A value the host does not offer is undefined. */
export interface CgroupStats {
  memoryCurrent?: number;
  memoryMax?: number;
  /**
   * The most memory the cgroup ever held, kept by the kernel on every charge (memory.peak on v2,
   * Linux 5.19+; memory.max_usage_in_bytes on v1): what a sampled memoryCurrent misses.
   */
  memoryPeak?: number;
  /** OOM kills in this cgroup (memory.events oom_kill on v2; memory.oom_control oom_kill on v1). */
  oomKills?: number;
  /** Times the memory limit was hit (memory.events max on v2; memory.failcnt on v1). */
  memoryLimitHits?: number;
  pidsCurrent?: number;
  pidsMax?: number;
  /** Forks refused by pids.max (pids.events max). */
  pidsRefused?: number;
  /** Total CPU time used, µs (cpu.stat usage_usec on v2; cpuacct.usage / 1000 on v1). */
  cpuUsageUsec?: number;
  /** Periods in which the quota ran out (cpu.stat nr_throttled). */
  nrThrottled?: number;
  /** Time spent throttled, µs (cpu.stat throttled_usec / throttled_time / 1000). */
  throttledUsec?: number;
}

/** One container's cgroup (on v1: the same name in each controller's tree). */
export interface Cgroup {
  /** The name under the lab parent, e.g. `c1a2b`. */
  readonly name: string;
  /** Every directory this cgroup consists of (one on v2, one per controller tree on v1). */
  readonly dirs: readonly string[];
  /** The `cgroup.procs` files a process must be written to, to join this cgroup. */
  readonly procsFiles: readonly string[];
  /** Writes the limits; each write is reported as a `write` event. */
  setLimits(limits: CgroupLimits): void;
  /** Takes limits away again (`max`, as if none had been set), e.g. when a lesson reverts a step. */
  clearLimits(controllers: readonly ('memory' | 'pids' | 'cpu')[]): void;
  /** Moves a process (host PID) into this cgroup, in every tree. */
  join(pid: number): void;
  /** Host PIDs in this cgroup. */
  pids(): number[];
  /** Reads the counters. */
  stats(): CgroupStats;
  /** Kills every process in it (cgroup.kill on v2 ≥ 5.14, else SIGKILL each PID until empty). */
  killAll(): Promise<void>;
  /** Removes its directories (rmdir; a cgroup with processes cannot be removed). */
  remove(): Promise<void>;
}

export interface CgroupDriver {
  readonly mode: CgroupMode;
  /** The hierarchy root(s) the driver works under, e.g. `/sys/fs/cgroup`. */
  readonly root: string;
  /** Controllers the lab can use here, of memory, pids, cpu. */
  readonly controllers: readonly ('memory' | 'pids' | 'cpu')[];
  /** Creates the lab parent (if needed) and a child cgroup `name`; reports each mkdir/write. */
  create(name: string): Cgroup;
  /** Opens an existing cgroup by name (for cleanup after a crash). */
  open(name: string): Cgroup;
  /** Removes the lab parent if it is empty. */
  removeParent(): Promise<void>;
}

/** Reports one write or mkdir as an event, so the UI can show `write …/memory.max "33554432"`. */
export type EmitEvent = (event: PrimitiveEvent) => void;
