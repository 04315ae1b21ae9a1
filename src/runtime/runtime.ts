/**
 * The Runtime: create / exec / kill / delete lab containers (≈ containerd talking to its shims).
 *
 * It does the host-side half of a container — the state directory, the cgroup, the rootfs layers,
 * the ledger — and hands the namespace half to a shim. It never changes its own namespaces.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCgroupDriver } from '../cgroups/index.js';
import type { Cgroup, CgroupDriver } from '../cgroups/types.js';
import type { Kernel, PrimitiveEvent } from '../kernel/kernel.js';
import { ensureRootfs } from '../rootfs/index.js';
import type { Container, ContainerRuntime, ExecHandle, ExecOptions, ExecResult, ExitStatus, RuntimeEvent } from './api.js';
import { Ledger } from './ledger.js';
import { containerDir, type LabPaths } from './paths.js';
import { processStartTime } from './proc-identity.js';
import { ShimClient } from './shim-client.js';
import { resolveSpec, type ContainerSpec, type ResolvedSpec } from './spec.js';
import { teardown } from './teardown.js';

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
    if (this.cgroups === null) {
      try {
        this.cgroups = openCgroupDriver({ parent: this.paths.cgroupParent, emit: (e) => this.emit(e) });
      } catch {
        this.cgroups = undefined;
      }
    }
    return this.cgroups ?? undefined;
  }

  /** Starts a shim ahead of time so the next create does not wait for Node to start. */
  prewarm(): void {
    if (this.spare) return;
    const shim = ShimClient.start();
    this.spare = shim;
    this.spareLedgerId = this.recordProcess(shim.pid, 'shim (spare)');
    shim.proc.once('exit', () => {
      if (this.spare === shim) this.spare = undefined;
    });
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
    if (this.containers.has(spec.id)) throw new Error(`A container named ${spec.id} already exists.`);
    const owned: string[] = [];
    const emit = (e: PrimitiveEvent) => this.emit({ ...e, container: spec.id });
    try {
      const dir = containerDir(this.paths, spec.id);
      fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
      // Written down before it exists: a crash between the two leaves a ledger entry for
      // something absent (crossed off quietly later), never something unrecorded.
      owned.push(this.ledger.add({ kind: 'dir', path: dir }));
      fs.mkdirSync(dir, { mode: 0o700 });
      const dirs = { upper: path.join(dir, 'upper'), work: path.join(dir, 'work'), merged: path.join(dir, 'merged') };
      for (const d of Object.values(dirs)) fs.mkdirSync(d);

      const rootfs = await ensureRootfs({ stateDir: this.paths.stateDir, layerNames: spec.layers, emit, preferHost: this.options.preferHostTools });
      const lowers = rootfs.layers.map((l) => l.dir);

      const cgroup = this.makeCgroup(spec, owned);
      const { shim, ledgerId } = this.takeShim();
      if (ledgerId) owned.push(ledgerId);
      if (this.options.prewarm) this.prewarm();

      const pid = await shim.create({ op: 'create', spec, lowers, ...dirs, cgroupProcs: cgroup ? [...cgroup.procsFiles] : [] }, emit);
      const pidEntry = this.recordProcess(pid, `PID 1 of ${spec.id}`);
      if (pidEntry) owned.push(pidEntry);

      const oomBefore = cgroup?.stats().oomKills ?? 0;
      const c: LabContainer = {
        id: spec.id, spec, pid, cgroup, shim, owned, running: true,
        dirs: { lowers, ...dirs },
        exited: shim.exited.then((s): ExitStatus => {
          c.running = false;
          const oomAfter = cgroup?.stats().oomKills ?? 0;
          return { ...s, oomKilled: oomAfter > oomBefore };
        }),
      };
      this.containers.set(spec.id, c);
      return c;
    } catch (err) {
      await this.release(owned);
      throw err;
    }
  }

  private makeCgroup(spec: ResolvedSpec, owned: string[]): Cgroup | undefined {
    const wantsLimits = Object.values(spec.limits).some((v) => v !== undefined);
    const driver = this.cgroupDriver();
    if (!driver) {
      if (wantsLimits) throw new Error('This host offers no usable cgroup controller, so limits cannot be set. Run `container-lab doctor` to see why.');
      return undefined;
    }
    owned.push(this.ledger.add({ kind: 'cgroup', name: spec.id }));
    const cg = driver.create(spec.id);
    cg.setLimits(spec.limits);
    return cg;
  }

  private get(c: Container): LabContainer {
    const lc = this.containers.get(c.id);
    if (!lc) throw new Error(`Container ${c.id} was deleted.`);
    return lc;
  }

  async spawn(c: Container, argv: string[], opts: Omit<ExecOptions, 'input' | 'timeoutMs'> = {}): Promise<ExecHandle> {
    let hostPid = 0;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const t0 = performance.now();
    const kill = () => {
      if (hostPid) process.kill(hostPid, 'SIGKILL');
    };
    opts.signal?.addEventListener('abort', kill, { once: true });
    const done = this.get(c)
      .shim.exec(argv, { ...c.spec.env, ...opts.env }, undefined, (pid) => {
        hostPid = pid;
        started();
      })
      .then((r): ExecResult => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.code, signal: r.signal, durationMs: performance.now() - t0 }));
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

  shellCommand(c: Container, argv: string[] = ['/bin/sh']): { file: string; args: string[] } {
    const procs = c.cgroup?.procsFiles ?? [];
    // A fixed trampoline: join the cgroup, then nsenter. The words after it arrive as "$@" and are
    // never parsed by the host shell.
    const script = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"';
    const ns = c.spec.namespaces;
    const flags = [ns.includes('mnt') && '-m', ns.includes('uts') && '-u', ns.includes('ipc') && '-i', ns.includes('net') && '-n', ns.includes('pid') && '-p', ns.includes('cgroup') && '-C'].filter(Boolean) as string[];
    return { file: '/bin/sh', args: ['-c', script, 'clab-enter', ...procs, '--', 'nsenter', '-t', String(c.pid), ...flags, '-r', '-w', '--', ...argv] };
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
    await Promise.race([lc.exited, sleep(2000)]);
    lc.shim.shutdown();
  }

  /** Tears down ledger entries newest first, recording each removal. */
  private async release(ids: string[]): Promise<void> {
    const byId = new Map(this.ledger.entries().map((r) => [r.id, r.entry]));
    for (const id of [...ids].reverse()) {
      const entry = byId.get(id);
      if (!entry) continue;
      try {
        await teardown(entry, { kernel: this.hostKernel, paths: this.paths });
        this.ledger.remove(id);
      } catch (err) {
        this.emit({ kind: 'write', name: 'teardown', args: [JSON.stringify(entry)], result: String(err), ok: false, durationMs: 0 });
      }
    }
  }

  async close(): Promise<void> {
    for (const c of [...this.containers.values()]) await this.delete(c);
    if (this.spare) {
      this.spare.proc.kill('SIGKILL');
      if (this.spareLedgerId) await this.release([this.spareLedgerId]);
      this.spare = undefined;
    }
    // Whatever is still in the ledger (e.g. host-side mounts or links a lesson made) goes too.
    await this.release(this.ledger.entries().map((r) => r.id));
    await this.cgroupDriver()?.removeParent();
    this.ledger.compact();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
