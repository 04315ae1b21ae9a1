/**
 * Emptying a cgroup without `cgroup.kill`: read `cgroup.procs`, SIGKILL every PID, read again.
 *
 * One pass is not enough: between reading the list and killing, a process can fork, and the child
 * is not in the list yet. So the loop repeats until the cgroup is empty, bounded in time so a
 * runaway fork loop cannot keep it spinning (the caller stops new forks with `pids.max` first).
 * A PID is read and then signalled, so in principle it could have been reused by an unrelated
 * process in between; the kernel's own answers to that race are `cgroup.kill` and pidfds.
 */
import { t } from '../i18n/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CgroupFiles } from './files.js';

/** How long killAll and remove wait for dying tasks to leave (emulated test guests are slow). */
export const SETTLE_MS = 5_000;

export async function drainCgroup(files: CgroupFiles, listPids: () => number[], timeoutMs: number): Promise<void> {
  const start = performance.now();
  const signalled = new Set<number>();
  for (;;) {
    const pids = listPids();
    if (pids.length === 0) return;
    if (performance.now() - start > timeoutMs) {
      throw new Error(t('runtime.cgroup.stuck-after-sigkill', { pids: pids.join(', '), ms: timeoutMs }));
    }
    // A killed process stays listed until it has finished exiting: signal each PID once.
    for (const pid of pids) {
      if (signalled.has(pid)) continue;
      files.kill(pid, 'SIGKILL');
      signalled.add(pid);
    }
    await sleep(10);
  }
}

/** Waits until `listPids()` is empty (after `cgroup.kill`, the kernel does the killing). */
export async function waitEmpty(listPids: () => number[], timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (listPids().length > 0) {
    if (performance.now() - start > timeoutMs) {
      throw new Error(t('runtime.cgroup.stuck-after-kill', { pids: listPids().join(', '), ms: timeoutMs }));
    }
    await sleep(10);
  }
}

/**
 * The kill loop for kernels without cgroup.kill (v1, and v2 before 5.14). `pids.max` 0 first, so
 * nothing inside can fork while the loop runs; the old limit is put back once the cgroup is empty,
 * so the same cgroup can run the next workload.
 */
export async function killWithoutCgroupKill(files: CgroupFiles, pidsMaxFile: string | undefined, listPids: () => number[]): Promise<void> {
  const oldMax = pidsMaxFile === undefined ? undefined : files.read(pidsMaxFile)?.trim();
  if (pidsMaxFile !== undefined && oldMax !== undefined) files.write(pidsMaxFile, 0);
  await drainCgroup(files, listPids, SETTLE_MS);
  // Only reached when the cgroup is empty: a cgroup that could not be emptied keeps pids.max 0.
  if (pidsMaxFile !== undefined && oldMax !== undefined) files.write(pidsMaxFile, oldMax);
}
