/**
 * Limits as the kernel wants them. A CPU limit is not a fraction but a budget: in every period
 * (100 ms here, as Docker uses) the cgroup may run for `quota` µs of CPU time, summed over all CPUs;
 * once it is spent, its tasks are throttled until the next period. `--cpus 0.5` = 50000 of 100000 µs.
 */
import { t } from '../i18n/index.js';
import type { CgroupLimits } from './types.js';

/** The CFS bandwidth period, µs (cpu.max's second field; cpu.cfs_period_us). */
export const CPU_PERIOD_USEC = 100_000;

/** The kernel refuses a quota below 1 ms per period (EINVAL). */
const MIN_QUOTA_USEC = 1_000;

/** CPUs → µs of CPU time per period: 0.5 → 50000. */
export function cpuQuotaUsec(cpus: number): number {
  const quota = Math.round(cpus * CPU_PERIOD_USEC);
  if (!Number.isFinite(quota) || quota < MIN_QUOTA_USEC) {
    throw new Error(t('runtime.cgroup.cpu-too-small', { cpus }));
  }
  return quota;
}

/** Checks limits before anything is written, so a bad value never leaves a half-configured cgroup. */
export function checkLimits(limits: CgroupLimits): void {
  const { memoryBytes, pids, cpus } = limits;
  if (memoryBytes !== undefined && (!Number.isSafeInteger(memoryBytes) || memoryBytes <= 0)) {
    throw new Error(t('runtime.cgroup.bad-memory', { got: memoryBytes }));
  }
  if (pids !== undefined && (!Number.isSafeInteger(pids) || pids < 0)) {
    throw new Error(t('runtime.cgroup.bad-pids', { got: pids }));
  }
  if (cpus !== undefined) cpuQuotaUsec(cpus);
}

/** A cgroup name is one directory name: no slashes, no `.`/`..`, nothing that could escape the lab parent. */
export function checkCgroupName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name)) {
    throw new Error(t('runtime.cgroup.bad-name', { name }));
  }
}
