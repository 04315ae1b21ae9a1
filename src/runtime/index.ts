/**
 * The runtime: lab containers from a plain spec, with every resource in the ledger.
 *
 *   const runtime = await openRuntime({ prewarm: true });
 *   const c = await runtime.create({ hostname: 'box' });
 *   await runtime.exec(c, ['ps']);
 *   await runtime.close();
 */
import { t } from '../i18n/index.js';
import { LinuxKernel } from '../kernel/linux.js';
import type { Kernel } from '../kernel/kernel.js';
import { Ledger } from './ledger.js';
import { acquireLock, type Lock } from './lock.js';
import { labPaths, layersDir, type LabPaths } from './paths.js';
import { reconcile, type ReconcileReport } from './reconcile.js';
import { Runtime } from './runtime.js';
import { ensurePrivateDir } from '../rootfs/state-dir.js';
import { removeAbandoned } from '../rootfs/index.js';

export type { Container, ContainerRuntime, ExecHandle, ExecOptions, ExecResult, ExitStatus, RuntimeEvent } from './api.js';
export type { ContainerSpec } from './spec.js';
export { LabBusyError, lockOwner } from './lock.js';
export { labPaths, type LabPaths } from './paths.js';
export { Runtime } from './runtime.js';
export type { ReconcileReport } from './reconcile.js';
export { closeOnSignals } from './lifecycle.js';

export interface OpenOptions {
  paths?: LabPaths;
  /** Keep one shim started ahead of time (the TUI does; one-shot commands don't). */
  prewarm?: boolean;
  kernel?: Kernel;
  /** Build the rootfs from this host's own tools even when a static busybox exists. */
  preferHostTools?: boolean;
}

/** A runtime that holds the lab lock; `close()` tears everything down and releases it. */
export interface OpenRuntime extends Runtime {
  /** What the start-up reconcile removed (left over from a crashed lab). */
  readonly recovered: ReconcileReport;
}

/**
 * Takes the lab lock, reconciles what a crashed lab left behind, and returns a runtime.
 * Throws LabBusyError (a full sentence) if another lab is running.
 */
export async function openRuntime(options: OpenOptions = {}): Promise<OpenRuntime> {
  const paths = options.paths ?? labPaths();
  const kernel = options.kernel ?? new LinuxKernel();
  await ensurePrivateDir(paths.runDir);
  await ensurePrivateDir(paths.stateDir);
  const lock: Lock = acquireLock(paths.runDir);
  try {
    const ledger = new Ledger(paths.runDir);
    const recovered = await reconcile(ledger, paths, kernel);
    const runtime = new Runtime(paths, ledger, kernel, {
      prewarm: options.prewarm ?? false,
      preferHostTools: options.preferHostTools,
    }) as OpenRuntime;
    Object.defineProperty(runtime, 'recovered', { value: recovered });
    const close = runtime.close.bind(runtime);
    runtime.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return runtime;
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** `container-lab cleanup`: removes what the ledger names (and nothing else), with a report. */
export async function cleanupLab(paths: LabPaths = labPaths()): Promise<ReconcileReport> {
  await ensurePrivateDir(paths.runDir);
  const lock = acquireLock(paths.runDir);
  try {
    const report = await reconcile(new Ledger(paths.runDir), paths, new LinuxKernel());
    // Not in the ledger: a layer build's temporary directory, left by a lab killed while it built.
    for (const dir of await removeAbandoned(layersDir(paths))) report.removed.push(t('runtime.entry.abandoned-build', { path: dir }));
    const { openCgroupDriver } = await import('../cgroups/index.js');
    try {
      await openCgroupDriver({ parent: paths.cgroupParent }).removeParent();
    } catch {
      // no usable cgroup driver here: there is no parent to remove
    }
    return report;
  } finally {
    lock.release();
  }
}
