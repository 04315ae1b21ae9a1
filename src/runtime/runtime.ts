/**
 * The Runtime: create / exec / kill / delete lab containers (≈ containerd talking to its shims).
 *
 * It does the host-side half of a container — the state directory, the cgroup, the rootfs layers,
 * the ledger — and hands the namespace half to a shim. It never changes its own namespaces.
 */
import { language, t } from '../i18n/index.js';
import crypto from 'node:crypto';
import { detectCgroups } from '../cgroups/detect.js';
import type { Cgroup, CgroupDriver } from '../cgroups/types.js';
import type { Kernel, PrimitiveEvent } from '../kernel/kernel.js';
import { ensureRootfs } from '../rootfs/index.js';
import type {
  Attempt,
  AttemptAnswer,
  Container,
  ContainerRuntime,
  ExecHandle,
  ExecOptions,
  ExecResult,
  ExitStatus,
  RuntimeEvent,
} from './api.js';
import type { Ledger } from './ledger.js';
import { makeCgroup, makeContainerDirs, releaseOwned, tryCgroupDriver } from './host-side.js';
import type { LabPaths } from './paths.js';
import { processStartTime } from './proc-identity.js';
import { cgroupFsPlan } from './shim/cgroup-mount.js';
import type { ExecStageRequest } from './shim/exec-stage.js';
import { ShimClient, shimPath } from './shim-client.js';
import { resolveSpec, type ContainerSpec } from './spec.js';

interface LabContainer extends Container {
  shim: ShimClient;
  /** Ledger ids of what this container owns, in creation order. */
  owned: string[];
  running: boolean;
}

export class Runtime implements ContainerRuntime {
  private readonly listeners = new Set<(e: RuntimeEvent) => void>();
  private readonly containers = new Map<string, LabContainer>();
  private spare: ShimClient | undefined;
  private spareLedgerId: string | undefined;
  private cgroups: CgroupDriver | undefined | null = null;
  private readonly layers = new Map<string, string[]>();
  /** Set by close(): no spare shim may start after it. */
  private closed = false;

  constructor(
    readonly paths: LabPaths,
    readonly ledger: Ledger,
    private readonly hostKernel: Kernel,
    private readonly options: { prewarm: boolean; preferHostTools?: boolean },
  ) {
    if (options.prewarm) this.prewarm();
  }

  onEvent(listener: (e: RuntimeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PrimitiveEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** The cgroup driver, opened on first use; undefined when this host offers no usable controller. */
  cgroupDriver(): CgroupDriver | undefined {
    if (this.cgroups === null) this.cgroups = tryCgroupDriver(this.paths, (e) => this.emit(e));
    return this.cgroups;
  }

  /** Starts a shim ahead of time so the next create does not wait for Node to start. */
  prewarm(): void {
    if (this.spare || this.closed) return;
    const shim = ShimClient.start();
    this.spare = shim;
    this.spareLedgerId = this.recordProcess(shim.pid, 'shim');
    shim.proc.once('exit', () => {
      if (this.spare === shim) this.spare = undefined;
    });
  }

  /**
   * The lower layer dirs for these layer names. The cache is checked (its inputs hashed) once per
   * lab session: nothing it depends on changes while the lab runs.
   */
  private async layerDirs(names: readonly string[], emit: (e: PrimitiveEvent) => void): Promise<string[]> {
    const key = names.join('+');
    let dirs = this.layers.get(key);
    if (!dirs) {
      const rootfs = await ensureRootfs({
        stateDir: this.paths.stateDir,
        layerNames: [...names],
        emit,
        preferHost: this.options.preferHostTools,
      });
      dirs = rootfs.layers.map((l) => l.dir);
      this.layers.set(key, dirs);
    }
    return dirs;
  }

  /** Resolves once the spare shim (and its init stage) can take a create without waiting. */
  async whenWarm(): Promise<void> {
    await this.spare?.ready.catch(() => {});
  }

  private recordProcess(pid: number, what: string): string | undefined {
    const startTime = processStartTime(pid);
    return startTime ? this.ledger.add({ kind: 'process', pid, startTime, what }) : undefined;
  }

  private takeShim(): { shim: ShimClient; ledgerId: string | undefined } {
    let shim = this.spare;
    let ledgerId = this.spareLedgerId;
    this.spare = undefined;
    if (!shim || shim.proc.exitCode !== null) {
      shim = ShimClient.start();
      ledgerId = this.recordProcess(shim.pid, 'shim');
    }
    return { shim, ledgerId };
  }

  async create(input: ContainerSpec): Promise<Container> {
    const spec = resolveSpec(input, () => crypto.randomBytes(3).toString('hex').slice(0, 5));
    if (this.containers.has(spec.id)) throw new Error(t('runtime.container.exists', { id: spec.id }));
    const owned: string[] = [];
    const emit = (e: PrimitiveEvent) => this.emit({ ...e, container: spec.id });
    try {
      const dirs = await makeContainerDirs(this.paths, this.ledger, spec.id, owned);

      const lowers = await this.layerDirs(spec.layers, emit);

      const cgroup = makeCgroup(this.cgroupDriver(), this.ledger, spec, owned);
      const { shim, ledgerId } = this.takeShim();
      if (ledgerId) owned.push(ledgerId);

      const cgroupfs = spec.mountCgroupfs ? planFor(cgroup) : undefined;
      const pid = await shim.create(
        { op: 'create', spec, lowers, ...dirs, cgroupProcs: cgroup ? [...cgroup.procsFiles] : [], ...(cgroupfs ? { cgroupfs } : {}) },
        emit,
      );
      const pidEntry = this.recordProcess(pid, `PID 1 of ${spec.id}`);
      if (pidEntry) owned.push(pidEntry);

      const oomBefore = cgroup?.stats().oomKills ?? 0;
      const c: LabContainer = {
        id: spec.id,
        spec,
        pid,
        cgroup,
        shim,
        owned,
        running: true,
        dirs: { lowers, ...dirs },
        exited: shim.exited.then((s): ExitStatus => {
          c.running = false;
          const oomAfter = cgroup?.stats().oomKills ?? 0;
          return { ...s, oomKilled: oomAfter > oomBefore };
        }),
      };
      this.containers.set(spec.id, c);
      // The next spare shim is forked after this answer, not on its path: forking a Node process
      // copies its page tables, which costs milliseconds.
      if (this.options.prewarm) setImmediate(() => this.prewarm());
      return c;
    } catch (err) {
      await this.release(owned);
      throw err;
    }
  }

  private get(c: Container): LabContainer {
    const lc = this.containers.get(c.id);
    if (!lc) throw new Error(t('runtime.container.deleted', { id: c.id }));
    return lc;
  }

  async spawn(c: Container, argv: string[], opts: Omit<ExecOptions, 'input' | 'timeoutMs'> = {}): Promise<ExecHandle> {
    let hostPid = 0;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const t0 = performance.now();
    const kill = () => {
      try {
        if (hostPid) process.kill(hostPid, 'SIGKILL');
      } catch {
        // already gone (an abort after the process ended must not crash the lab)
      }
    };
    opts.signal?.addEventListener('abort', kill, { once: true });
    const done = this.get(c)
      .shim.exec(argv, { ...c.spec.env, ...opts.env }, undefined, (pid) => {
        hostPid = pid;
        started();
      })
      .then(
        (r): ExecResult => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.code, signal: r.signal, durationMs: performance.now() - t0 }),
      );
    await Promise.race([running, done]);
    return { hostPid, done, kill };
  }

  async exec(c: Container, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    let hostPid = 0;
    const t0 = performance.now();
    const kill = () => {
      try {
        if (hostPid) process.kill(hostPid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(kill, opts.timeoutMs ?? 10_000);
    opts.signal?.addEventListener('abort', kill, { once: true });
    try {
      const r = await this.get(c).shim.exec(argv, { ...c.spec.env, ...opts.env }, opts.input, (pid) => (hostPid = pid));
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.code, signal: r.signal, durationMs: performance.now() - t0 };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', kill);
    }
  }

  async mountCgroupfs(c: Container): Promise<string[]> {
    const plan = planFor(c.cgroup);
    if (!plan) return [];
    await this.get(c).shim.mountCgroupfs(plan);
    return plan.version === 2 ? ['/sys/fs/cgroup'] : plan.hierarchies.map((h) => `/sys/fs/cgroup/${h.name}`);
  }

  attempt(c: Container, attempt: Attempt, effective: bigint): Promise<AttemptAnswer> {
    return this.get(c).shim.attempt(attempt, effective.toString(16).padStart(16, '0'));
  }

  /**
   * The learner's shell, as `docker exec -it` starts it: the shim's exec stage (shim/exec-stage.ts)
   * run on the caller's pty, which gives the command the container's namespaces, cgroup (before its
   * first instruction), capability limits and no_new_privs — the same path as every other exec.
   */
  shellCommand(c: Container, argv: string[] = ['/bin/sh'], env: Record<string, string> = {}): { file: string; args: string[] } {
    const startTime = processStartTime(c.pid);
    if (!startTime || !this.get(c).running) throw new Error(t('runtime.container.not-running', { id: c.id }));
    const request: ExecStageRequest = {
      pid1: c.pid,
      startTime,
      namespaces: c.spec.namespaces,
      cgroupProcs: [...(c.cgroup?.procsFiles ?? [])],
      capabilities: c.spec.capabilities,
      noNewPrivs: c.spec.noNewPrivs,
      argv,
      env: { ...c.spec.env, ...env },
      lang: language(),
    };
    return { file: process.execPath, args: [shimPath(), '--exec', JSON.stringify(request)] };
  }

  async kill(c: Container, signal: NodeJS.Signals): Promise<void> {
    const lc = this.get(c);
    if (lc.running) process.kill(lc.pid, signal);
  }

  async delete(c: Container): Promise<void> {
    const lc = this.containers.get(c.id);
    if (!lc) return;
    this.containers.delete(c.id);
    await this.release(lc.owned);
    // The ledger's process entries have killed PID 1 and the shim by now. A shim that was not in
    // the ledger (its start time could not be read) is ended here: PID 1 dies with it
    // (PR_SET_PDEATHSIG). Either way `exited` settles at once, when the kernel reports the exit.
    if (lc.shim.proc.exitCode === null && lc.shim.proc.signalCode === null) lc.shim.proc.kill('SIGKILL');
    await lc.exited;
  }

  /** Tears down ledger entries newest first; a failure is shown and left for `cleanup`. */
  private async release(ids: string[]): Promise<void> {
    for (const { id, error } of await releaseOwned(this.ledger, ids, this.hostKernel, this.paths)) {
      this.emit({ kind: 'write', name: `teardown of ledger entry ${id}`, args: [], result: String(error), ok: false, durationMs: 0 });
    }
  }

  /**
   * Deletes every container and removes everything else the ledger holds. These are independent, so
   * they go side by side: each container (its PID 1, shim, cgroup and directories, newest first),
   * the spare shim, and what the lessons made outside any container (a bridge, host-side mounts,
   * nft tables), newest first among themselves. A container's namespaces hold nothing of those:
   * a bridge loses its ports, a veth goes with its namespace.
   */
  async close(): Promise<void> {
    this.closed = true;
    const containers = [...this.containers.values()];
    const spare = this.spare;
    this.spare = undefined;
    const taken = new Set([...containers.flatMap((c) => c.owned), ...(this.spareLedgerId ? [this.spareLedgerId] : [])]);
    const rest = this.ledger
      .entries()
      .map((r) => r.id)
      .filter((id) => !taken.has(id));
    await Promise.all([
      ...containers.map((c) => this.delete(c)),
      (async () => {
        spare?.proc.kill('SIGKILL');
        if (spare && this.spareLedgerId) await this.release([this.spareLedgerId]);
      })(),
      this.release(rest),
    ]);
    // Anything recorded meanwhile (nothing, unless a step was still creating) goes last.
    await this.release(this.ledger.entries().map((r) => r.id));
    await this.cgroupDriver()?.removeParent();
    this.ledger.compact();
  }
}

/** What /sys/fs/cgroup inside a container with this cgroup holds, on this host's layout. */
function planFor(cgroup: Cgroup | undefined) {
  return cgroup ? cgroupFsPlan(detectCgroups(), cgroup.procsFiles) : undefined;
}
