/**
 * ShimCore: one container's supervisor (≈ containerd-shim), on the host side of the container.
 *
 * Ahead of time it unshares a PID namespace for its children and forks its own code as the
 * container's init stage (≈ `runc init`), which then waits, already running as PID 1, for the
 * container's spec. On `create` it passes the spec on and relays every primitive the init stage
 * reports; on `go` the init stage execve()s the container's program. Afterwards the shim runs
 * `exec` requests inside the container and reports PID 1's exit.
 *
 * The same object runs in a pre-started shim process (the lab's containers) and inside
 * `container-lab run` itself (which is its own shim, as `runc run` is).
 */
import { t } from '../../i18n/index.js';
import { fork, type ChildProcess } from 'node:child_process';
import { SyscallError } from '../../kernel/errors.js';
import { CLONE } from '../../kernel/constants.js';
import fs from 'node:fs';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { traced } from '../../kernel/traced.js';
import { joinCgroup } from './cgroup-join.js';
import { attemptIn } from './attempt-in.js';
import { mountCgroupFs, type CgroupFsPlan } from './cgroup-mount.js';
import { limitToContainer } from './limit-execs.js';
import { execIn, type ExecTarget } from './exec-in.js';
import { closeNamespaces, ENTERABLE, enterNamespaces, openNamespaces, type NamespaceSet } from './namespaces.js';
import type { Attempt, AttemptAnswer, CreateRequest, InitToShim, ShimError, ShimToInit } from './protocol.js';

export function toShimError(err: unknown): ShimError {
  if (err instanceof SyscallError) return { message: err.message, syscall: err.syscall, code: err.code, hint: err.hint };
  const e = err as { message?: string; hint?: string; code?: string; syscall?: string };
  return { message: e?.message ?? String(err), hint: e?.hint, code: e?.code, syscall: e?.syscall };
}

export interface ShimOptions {
  /** The shim's own script, forked again as the init stage with `--init`. */
  script: string;
  /** Create a PID namespace (almost always; `false` only for a spec without `pid`). */
  pidns: boolean;
  /** PID 1's stdio: pipes the shim holds, or this process's own (a terminal, for `run`). */
  stdio: 'pipe' | 'inherit';
}

export class ShimCore {
  private readonly kernel: Kernel;
  /** The same kernel untraced: an attempt traces it itself, to hand its calls back as the answer. */
  private readonly raw: Kernel;
  private readonly host: NamespaceSet;
  private readonly lastCap = Number(fs.readFileSync('/proc/sys/kernel/cap_last_cap', 'utf8'));
  readonly init: ChildProcess;
  /** Resolves when the init stage is running and waiting for a spec. */
  readonly initReady: Promise<void>;
  private target: ExecTarget | undefined;
  private spec: CreateRequest['spec'] | undefined;
  private execsLimited = false;
  private emit: (e: PrimitiveEvent) => void;
  /** Events from before anyone listened (the ahead-of-time unshare), replayed on create. */
  private early: PrimitiveEvent[] = [];

  constructor(kernel: Kernel, opts: ShimOptions) {
    this.emit = (e) => this.early.push(e);
    this.raw = kernel;
    this.kernel = traced(kernel, (e) => this.emit(e));
    // Our own fs context, so setns into a mount namespace is allowed for this thread (a Node
    // process shares it between threads otherwise, and setns(CLONE_NEWNS) refuses with EINVAL).
    this.kernel.unshare(CLONE.CLONE_FS);
    this.host = openNamespaces('self');
    // From now on every child of this thread is born in the new PID namespace; the first is PID 1.
    if (opts.pidns) this.kernel.unshare(CLONE.CLONE_NEWPID);
    this.init = fork(opts.script, ['--init'], {
      stdio: [opts.stdio, opts.stdio, opts.stdio === 'pipe' ? 'pipe' : 'inherit', 'ipc'],
      execArgv: [],
      serialization: 'json',
    });
    this.init.stdout?.resume();
    this.init.stderr?.resume();
    this.initReady = this.waitFor('ready').then(() => undefined);
  }

  private waitFor(op: InitToShim['op']): Promise<InitToShim> {
    return new Promise((resolve, reject) => {
      const onMessage = (msg: InitToShim) => {
        if (msg.op === 'event') return;
        if (msg.op === 'prepared' || msg.op === 'failed') for (const e of msg.events) this.emit(e);
        cleanup();
        if (msg.op === op) resolve(msg);
        else if (msg.op === 'failed') reject(Object.assign(new Error(msg.error.message), msg.error));
        else reject(new Error(`the init stage said ${msg.op}, expected ${op}`));
      };
      // The channel closes only after every message sent on it was delivered, so a 'failed'
      // report (with its syscall and hint) always wins over this.
      const onClosed = () => {
        cleanup();
        const { exitCode, signalCode } = this.init;
        reject(new Error(t('runtime.init.ended', { status: signalCode ?? `status ${exitCode}`, op })));
      };
      const cleanup = () => {
        this.init.off('message', onMessage);
        this.init.off('disconnect', onClosed);
      };
      this.init.on('message', onMessage);
      if (this.init.connected) this.init.once('disconnect', onClosed);
      else onClosed();
    });
  }

  /** Builds the container; resolves with PID 1's host PID once everything but the execve is done. */
  async create(req: CreateRequest, emit: (e: PrimitiveEvent) => void): Promise<number> {
    this.emit = emit;
    this.early.splice(0).forEach(emit);
    await this.initReady;
    const pid = this.init.pid!;
    const prepared = this.waitFor('prepared');
    this.send(req);
    // While PID 1 builds its root, put it into the container's cgroup from out here: the kernel's
    // wait for the first move (an RCU grace period) overlaps with PID 1's mounts.
    joinCgroup(req.cgroupProcs, pid, this.emit);
    this.send({ op: 'joined' });
    await prepared;
    this.spec = req.spec;
    const kinds = ENTERABLE.filter((k) => req.spec.namespaces.includes(k));
    this.target = { inside: openNamespaces(pid, kinds), host: this.host, cgroupProcs: req.cgroupProcs };
    this.init.once('exit', () => {
      // Holding these fds would keep the container's mount namespace (and its overlay) alive.
      if (this.target) closeNamespaces(this.target.inside);
    });
    return pid;
  }

  /** Gives this thread the container's limits, once: see limit-execs.ts. */
  private limitExecs(spec: CreateRequest['spec']): void {
    if (this.execsLimited) return;
    this.execsLimited = true;
    limitToContainer(this.kernel, this.lastCap, spec.capabilities, spec.noNewPrivs);
  }

  /** PID 1 execve()s the container's program. Resolves once the execve has happened. */
  go(command: readonly string[]): Promise<void> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      let failure: Error | undefined;
      const onMessage = (msg: InitToShim) => {
        if (msg.op === 'failed') failure = Object.assign(new Error(msg.error.message), msg.error);
      };
      this.init.on('message', onMessage);
      // The IPC socket is close-on-exec, so the channel closes when execve succeeds; a failed
      // execve is reported on the channel first (messages arrive before the close).
      this.init.once('disconnect', () => {
        this.init.off('message', onMessage);
        if (failure) return reject(failure);
        this.emit({
          kind: 'syscall',
          name: 'execve',
          args: [JSON.stringify(command[0]), `[${command.map((a) => JSON.stringify(a)).join(', ')}]`],
          result: '0',
          ok: true,
          durationMs: performance.now() - started,
        });
        resolve();
      });
      this.send({ op: 'go' });
    });
  }

  exec(argv: string[], env: Record<string, string>): ChildProcess {
    if (!this.target || this.init.exitCode !== null || this.init.signalCode !== null) {
      throw new Error(t('runtime.pid1.no-exec'));
    }
    this.limitExecs(this.spec!);
    return execIn(this.kernel, this.emit, this.target, argv, env);
  }

  /**
   * Mounts the container's own cgroup read-only at its /sys/fs/cgroup, from the outside: this
   * thread steps into the container's cgroup namespace (which sets the top of the new mount) and
   * its mount namespace, mounts, and steps back, as it does around every `exec`.
   */
  mountCgroupfs(plan: CgroupFsPlan): void {
    if (!this.target || this.init.exitCode !== null || this.init.signalCode !== null) throw new Error(t('runtime.pid1.no-mount'));
    const fds = this.target.inside.fds;
    if (!fds.has('mnt') || !fds.has('cgroup')) throw new Error(t('runtime.cgroupfs.no-ns'));
    const inside: NamespaceSet = {
      fds: new Map([
        ['cgroup', fds.get('cgroup')!],
        ['mnt', fds.get('mnt')!],
      ]),
      cwd: '/',
    };
    try {
      enterNamespaces(this.kernel, inside);
      mountCgroupFs(this.kernel, plan);
    } finally {
      enterNamespaces(this.kernel, this.target.host);
    }
  }

  /** Makes one call of the closed set in attempt-in.ts inside the container, with `effective` as the effective set. */
  attempt(a: Attempt, effective: bigint): Promise<AttemptAnswer> {
    if (!this.target || this.init.exitCode !== null || this.init.signalCode !== null) {
      throw new Error(t('runtime.pid1.no-attempt'));
    }
    // The same ceiling as an exec: an execve attempt's process must not get more than PID 1 could.
    this.limitExecs(this.spec!);
    return attemptIn(this.raw, (e) => this.emit(e), this.target, a, effective);
  }

  private send(msg: ShimToInit): void {
    // The init stage may have died a moment ago (a failed mount): the write then fails with EPIPE,
    // and its exit, already on its way, is what gets reported.
    if (this.init.connected) this.init.send(msg, () => {});
  }
}
