/**
 * `container-lab run`: one container, outside the lessons, with this terminal as its console.
 *
 * This process is the container's shim itself (as `runc run` is): it does the host-side work, starts
 * the init stage, waits for PID 1 and removes everything when PID 1 ends. The exit status is
 * PID 1's, or 128 + the signal number that ended it, like a shell reports it.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { t } from '../i18n/index.js';
import { detectCgroups, openCgroupDriver } from '../cgroups/index.js';
import { formatBytes } from '../probes/cgroup-read.js';
import { DOCKER_DEFAULT_CAPS, type CapName } from '../kernel/constants.js';
import { renderEvent, type PrimitiveEvent } from '../kernel/kernel.js';
import { LinuxKernel } from '../kernel/linux.js';
import { ensureRootfs } from '../rootfs/index.js';
import { Ledger } from '../runtime/ledger.js';
import { acquireLock } from '../runtime/lock.js';
import { makeCgroup, makeContainerDirs, releaseOwned, tryCgroupDriver } from '../runtime/host-side.js';
import { labPaths } from '../runtime/paths.js';
import { processStartTime } from '../runtime/proc-identity.js';
import { reconcile } from '../runtime/reconcile.js';
import { cgroupFsPlan } from '../runtime/shim/cgroup-mount.js';
import { ShimCore } from '../runtime/shim/shim-core.js';
import { resolveSpec } from '../runtime/spec.js';
import { ensurePrivateDir } from '../rootfs/state-dir.js';

export interface RunOptions {
  hostname?: string;
  memoryBytes?: number;
  pids?: number;
  cpus?: number;
  capDrop: CapName[];
  command: string[];
  /** Print every primitive to stderr as it happens. */
  verbose: boolean;
  shimScript: string;
}

export async function run(opts: RunOptions): Promise<number> {
  const paths = labPaths();
  const kernel = new LinuxKernel();
  await ensurePrivateDir(paths.runDir);
  await ensurePrivateDir(paths.stateDir);
  const lock = acquireLock(paths.runDir);
  const ledger = new Ledger(paths.runDir);
  const owned: string[] = [];
  let stopInit: () => Promise<unknown> = async () => {};
  const show = (e: PrimitiveEvent) => {
    if (opts.verbose) process.stderr.write(`  ${renderEvent(e)}\n`);
  };
  try {
    await reconcile(ledger, paths, kernel);
    const spec = resolveSpec(
      {
        id: crypto.randomBytes(3).toString('hex').slice(0, 5),
        hostname: opts.hostname,
        limits: { memoryBytes: opts.memoryBytes, pids: opts.pids, cpus: opts.cpus },
        capabilities: DOCKER_DEFAULT_CAPS.filter((c) => !opts.capDrop.includes(c)),
        command: opts.command,
        stdio: 'inherit',
        // As Docker does: the container reads its own limits at /sys/fs/cgroup, read-only.
        mountCgroupfs: true,
        env: { TERM: process.env.TERM ?? 'xterm', PS1: `\\u@\\h:\\w\\$ ` },
      },
      () => 'run',
    );
    // Everything that may spawn a helper program (building the rootfs the first time) must happen
    // before the shim unshares the PID namespace: after that, this process's first child becomes
    // the container's PID 1.
    const rootfs = await ensureRootfs({ stateDir: paths.stateDir, layerNames: spec.layers, emit: show });
    // Start the init stage now, so its Node boots while we do the host-side work below.
    const core = new ShimCore(kernel, { script: opts.shimScript, pidns: true, stdio: 'inherit' });
    // If the host-side work below fails, the init stage is killed before it was needed: that is
    // not a second error (the first one is what the learner must read), so it is not reported.
    core.initReady.catch(() => {});
    const init = core.init;
    owned.push(ledger.add({ kind: 'process', pid: init.pid!, startTime: processStartTime(init.pid!) ?? '', what: `PID 1 of ${spec.id}` }));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      init.once('exit', (code, signal) => resolve({ code, signal })),
    );
    stopInit = () => {
      if (init.exitCode === null && init.signalCode === null) init.kill('SIGKILL');
      return exited;
    };
    // The terminal's Ctrl-C goes to the whole foreground process group: it is PID 1's to handle.
    process.on('SIGINT', () => {});
    for (const sig of ['SIGTERM', 'SIGHUP'] as const) process.on(sig, () => init.kill('SIGKILL'));

    const dirs = await makeContainerDirs(paths, ledger, spec.id, owned);
    const cgroup = makeCgroup(tryCgroupDriver(paths, show), ledger, spec, owned);

    const oomBefore = cgroup?.stats().oomKills ?? 0;
    const cgroupProcs = cgroup ? [...cgroup.procsFiles] : [];
    const cgroupfs = cgroup ? cgroupFsPlan(detectCgroups(), cgroupProcs) : undefined;
    await core.create(
      { op: 'create', spec, lowers: rootfs.layers.map((l) => l.dir), ...dirs, cgroupProcs, ...(cgroupfs ? { cgroupfs } : {}) },
      show,
    );
    await core.go(spec.command);
    const status = await exited;
    const after = cgroup?.stats();
    const oomKills = (after?.oomKills ?? 0) - oomBefore;
    if (after && oomKills > 0) {
      // Every number from the cgroup's own files: the count, the limit, and the kernel's peak.
      const oom = t('cli.run.oom', {
        count: oomKills,
        limit: after.memoryMax === undefined ? 'none' : formatBytes(after.memoryMax),
        peak: after.memoryPeak === undefined ? 'none' : formatBytes(after.memoryPeak),
        signal: status.signal ?? 'none',
      });
      process.stderr.write(`container-lab: ${oom}\n`);
    }
    return status.signal ? 128 + (os.constants.signals[status.signal] ?? 0) : (status.code ?? 1);
  } finally {
    // PID 1 goes first: with it goes its PID namespace, and its mount namespace with the overlay.
    await stopInit();
    await releaseOwned(ledger, owned, kernel, paths);
    try {
      await openCgroupDriver({ parent: paths.cgroupParent }).removeParent();
    } catch {
      // no cgroup driver on this host: nothing to remove
    }
    ledger.compact();
    lock.release();
  }
}
