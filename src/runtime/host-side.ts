/**
 * The host-side half of a container: what the runtime makes before any namespace exists, and
 * removes after the container is gone. Each resource is written to the ledger just before it is
 * made: a crash in between can only leave a stale entry (crossed off quietly at the next start),
 * never an unrecorded resource.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { openCgroupDriver } from '../cgroups/index.js';
import type { Cgroup, CgroupDriver } from '../cgroups/types.js';
import type { Kernel, PrimitiveEvent } from '../kernel/kernel.js';
import type { Ledger } from './ledger.js';
import { containerDir, type LabPaths } from './paths.js';
import type { ResolvedSpec } from './spec.js';
import { ensurePrivateDir } from '../rootfs/state-dir.js';
import { teardown } from './teardown.js';

/** The overlay's writable side: <state>/containers/<id>/{upper,work,merged}, like overlay2/<id>/. */
export interface ContainerDirs {
  upper: string;
  work: string;
  merged: string;
}

export async function makeContainerDirs(paths: LabPaths, ledger: Ledger, id: string, owned: string[]): Promise<ContainerDirs> {
  const dir = containerDir(paths, id);
  // containers/ is checked like the state directory itself: a symlink there is refused, not followed.
  await ensurePrivateDir(path.dirname(dir));
  owned.push(ledger.add({ kind: 'dir', path: dir }));
  fs.mkdirSync(dir, { mode: 0o700 });
  const dirs = { upper: path.join(dir, 'upper'), work: path.join(dir, 'work'), merged: path.join(dir, 'merged') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d);
  return dirs;
}

/** Opens the cgroup driver, or undefined when this host offers no usable controller. */
export function tryCgroupDriver(paths: LabPaths, emit: (e: PrimitiveEvent) => void): CgroupDriver | undefined {
  try {
    return openCgroupDriver({ parent: paths.cgroupParent, emit });
  } catch {
    return undefined;
  }
}

/** The container's cgroup with its limits, or undefined when there is no driver and none were asked for. */
export function makeCgroup(driver: CgroupDriver | undefined, ledger: Ledger, spec: ResolvedSpec, owned: string[]): Cgroup | undefined {
  const wantsLimits = Object.values(spec.limits).some((v) => v !== undefined);
  if (!driver) {
    if (wantsLimits) throw new Error(t('runtime.cgroup.no-controller'));
    return undefined;
  }
  owned.push(ledger.add({ kind: 'cgroup', name: spec.id }));
  const cg = driver.create(spec.id);
  cg.setLimits(spec.limits);
  return cg;
}

/**
 * Tears down ledger entries newest first, crossing each off once it is gone. Returns the failures
 * (the entry stays in the ledger for `container-lab cleanup`).
 */
export async function releaseOwned(
  ledger: Ledger,
  ids: readonly string[],
  kernel: Kernel,
  paths: LabPaths,
): Promise<Array<{ id: string; error: unknown }>> {
  const byId = new Map(ledger.entries().map((r) => [r.id, r.entry]));
  const failures: Array<{ id: string; error: unknown }> = [];
  for (const id of [...ids].reverse()) {
    const entry = byId.get(id);
    if (!entry) continue;
    try {
      await teardown(entry, { kernel, paths });
      ledger.remove(id);
    } catch (error) {
      failures.push({ id, error });
    }
  }
  return failures;
}
