/**
 * The files that hold each controller's limits and counters. The two cgroup versions name the same
 * things differently, which is why a guide written for one misleads on the other:
 *
 *   what                     v2 (one tree)                  v1 (a tree per controller)
 *   memory limit             memory.max                     memory.limit_in_bytes (+ memory.memsw.limit_in_bytes)
 *   memory in use            memory.current                 memory.usage_in_bytes
 *   the most ever in use     memory.peak (Linux 5.19+)      memory.max_usage_in_bytes
 *   OOM kills                memory.events  oom_kill        memory.oom_control  oom_kill
 *   limit reached            memory.events  max             (memory.failcnt: stays 0 with memsw limited)
 *   task limit / count       pids.max, pids.current         the same
 *   forks refused            pids.events  max               the same
 *   CPU quota                cpu.max  "50000 100000"        cpu.cfs_quota_us 50000, cpu.cfs_period_us 100000
 *   CPU time used            cpu.stat  usage_usec (µs)      cpuacct.usage (ns, in the cpuacct tree)
 *   throttled periods/time   cpu.stat  nr_throttled, throttled_usec   cpu.stat  nr_throttled, throttled_time (ns)
 */
import type { CgroupTree } from './cgroup-places.js';

// A peak file is the kernel's own high-water mark, raised on every charge. A chart that reads
// memory.current every 100 ms misses a peak that lasted less than that (an allocator killed at the
// limit is gone before the next read): the peak file never does. pids.peak (newer kernels) is left
// out: it counts since the cgroup was made, when the container's first process was still the
// runtime's Node init stage with its threads, before any pids.max: a peak above the limit.

export type Controller = 'memory' | 'pids' | 'cpu';
export const CONTROLLERS: readonly Controller[] = ['memory', 'pids', 'cpu'];

export interface FileSpec {
  tree: CgroupTree;
  file: string;
  /** For a flat-keyed file (`oom_kill 1`): the keys to show. */
  keys?: readonly string[];
  part: 'limit' | 'counter';
  bytes?: boolean;
}

const PIDS: FileSpec[] = [
  { tree: 'pids', file: 'pids.max', part: 'limit' },
  { tree: 'pids', file: 'pids.current', part: 'counter' },
  { tree: 'pids', file: 'pids.events', keys: ['max'], part: 'counter' },
];

export const FILES: Record<1 | 2, Record<Controller, FileSpec[]>> = {
  2: {
    memory: [
      { tree: 'memory', file: 'memory.max', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.swap.max', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.current', part: 'counter', bytes: true },
      { tree: 'memory', file: 'memory.peak', part: 'counter', bytes: true },
      { tree: 'memory', file: 'memory.events', keys: ['max', 'oom_kill'], part: 'counter' },
    ],
    pids: PIDS,
    cpu: [
      { tree: 'cpu', file: 'cpu.max', part: 'limit' },
      { tree: 'cpu', file: 'cpu.stat', keys: ['usage_usec', 'nr_periods', 'nr_throttled', 'throttled_usec'], part: 'counter' },
    ],
  },
  1: {
    memory: [
      { tree: 'memory', file: 'memory.limit_in_bytes', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.memsw.limit_in_bytes', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.usage_in_bytes', part: 'counter', bytes: true },
      { tree: 'memory', file: 'memory.max_usage_in_bytes', part: 'counter', bytes: true },
      // memory.failcnt is left out: with memory+swap limited too, recent kernels (6.x) keep it at 0
      // through an OOM kill, which would read as "the limit was never hit".
      { tree: 'memory', file: 'memory.oom_control', keys: ['oom_kill'], part: 'counter' },
    ],
    pids: PIDS,
    cpu: [
      { tree: 'cpu', file: 'cpu.cfs_quota_us', part: 'limit' },
      { tree: 'cpu', file: 'cpu.cfs_period_us', part: 'limit' },
      { tree: 'cpu', file: 'cpu.stat', keys: ['nr_periods', 'nr_throttled', 'throttled_time'], part: 'counter' },
      { tree: 'cpuacct', file: 'cpuacct.usage', part: 'counter' },
    ],
  },
};
