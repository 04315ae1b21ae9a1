/**
 * The lab's end of one shim: starts the shim process, relays its events, and turns its messages
 * into promises. A shim is started ahead of time (`ShimClient.start()`), so by the time a learner
 * asks for a container the shim's Node has already loaded; creating the container is then a few
 * syscalls, not a Node start.
 */
import { language, t } from '../i18n/index.js';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrimitiveEvent } from '../kernel/kernel.js';
import type { ExitStatus } from './api.js';
import type { CgroupFsPlan } from './shim/cgroup-mount.js';
import type { Attempt, AttemptAnswer, CreateRequest, LabToShim, ShimError, ShimToLab } from './shim/protocol.js';

/** Finds dist/shim.js next to this bundle, or the built one when running from the sources (tests). */
export function shimPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'shim.js'), path.resolve(here, '../../dist/shim.js')];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(t('runtime.shim.missing'));
  return found;
}

/** Builds an Error from a shim's error report, keeping the syscall, errno and hint. */
export function shimFailure(e: ShimError): Error & { hint?: string; code?: string; syscall?: string } {
  const err = new Error(e.message) as Error & { hint?: string; code?: string; syscall?: string };
  err.hint = e.hint;
  err.code = e.code;
  err.syscall = e.syscall;
  return err;
}

interface ExecWaiter {
  stdout: string;
  stderr: string;
  onStarted: (pid: number) => void;
  onDone: (code: number | null, signal: string | null, error?: ShimError) => void;
}

export class ShimClient {
  /** Resolves when PID 1 has exited (code/signal as the shim saw them). */
  readonly exited: Promise<Omit<ExitStatus, 'oomKilled'>>;
  private nextRef = 1;
  private readonly execs = new Map<number, ExecWaiter>();
  private readonly attempts = new Map<number, (answer: AttemptAnswer | Error) => void>();
  private readonly pending: Array<(msg: ShimToLab) => boolean> = [];
  private onEvent: (e: PrimitiveEvent) => void = () => {};

  private constructor(
    readonly proc: ChildProcess,
    readonly ready: Promise<void>,
  ) {
    this.exited = new Promise((resolve) => {
      const done = (code: number | null, signal: string | null) => resolve({ code, signal });
      proc.on('message', (msg: ShimToLab) => {
        if (msg.op === 'exited') done(msg.code, msg.signal);
      });
      proc.on('exit', () => done(null, 'SIGKILL'));
    });
    proc.on('message', (msg: ShimToLab) => this.route(msg));
    // A shim that dies without saying so (a Ctrl-C reaches the whole process group, or a crash)
    // took PID 1 with it (PDEATHSIG): settle what still waits for an answer, or it would wait forever.
    proc.on('exit', () => this.route({ op: 'exited', code: null, signal: 'SIGKILL' }));
  }

  /** Starts a shim process; `ready` resolves once it can take a create request. */
  static start(): ShimClient {
    // No terminal for the shim: a Node process restores the terminal modes it found at start-up
    // when it exits, which would switch the lab's raw-mode keyboard off under the learner.
    // The shim and its init stage say why a start failed in the learner's language (shim-main.ts).
    const proc = fork(shimPath(), [], {
      env: { ...process.env, CONTAINER_LAB_LANG: language() },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: [],
      serialization: 'json',
    });
    // Keep the end of what it says on stderr: it goes into the error if the shim dies.
    let stderrTail = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    const ready = new Promise<void>((resolve, reject) => {
      proc.once('message', (msg: ShimToLab) => {
        if (msg.op === 'ready') resolve();
        else reject(msg.op === 'create-failed' ? shimFailure(msg.error) : new Error(`shim said ${msg.op} first`));
      });
      proc.once('exit', (code, signal) =>
        reject(
          new Error(
            stderrTail
              ? t('runtime.shim.exited-early-said', { status: String(signal ?? code), said: stderrTail.trim().split('\n').pop() ?? '' })
              : t('runtime.shim.exited-early', { status: String(signal ?? code) }),
          ),
        ),
      );
    });
    ready.catch(() => {});
    return new ShimClient(proc, ready);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** Sends a create request; resolves with PID 1's host PID once it runs the container's program. */
  async create(req: CreateRequest, onEvent: (e: PrimitiveEvent) => void): Promise<number> {
    this.onEvent = onEvent;
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending.push((msg) => {
        if (msg.op === 'started') resolve(msg.pid);
        else if (msg.op === 'create-failed') reject(shimFailure(msg.error));
        else if (msg.op === 'exited') reject(new Error(t('runtime.pid1.exited-start')));
        else return false;
        return true;
      });
      this.send(req);
    });
  }

  exec(
    argv: string[],
    env: Record<string, string>,
    input: string | undefined,
    started: (pid: number) => void,
  ): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null }> {
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      const w: ExecWaiter = {
        stdout: '',
        stderr: '',
        onStarted: started,
        onDone: (code, signal, error) => {
          this.execs.delete(ref);
          if (error) reject(shimFailure(error));
          else resolve({ stdout: w.stdout, stderr: w.stderr, code, signal });
        },
      };
      this.execs.set(ref, w);
      this.send({ op: 'exec', ref, argv, env });
      this.send({ op: 'exec-input', ref, data: input, end: true });
    });
  }

  /** Asks the shim to make one call inside the container with `effective` (hex) as the effective set. */
  attempt(attempt: Attempt, effective: string): Promise<AttemptAnswer> {
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      this.attempts.set(ref, (answer) => {
        this.attempts.delete(ref);
        if (answer instanceof Error) reject(answer);
        else resolve(answer);
      });
      this.send({ op: 'attempt', ref, attempt, effective });
    });
  }
  /** Asks the shim to mount the container's cgroup read-only inside it; the mounts arrive as events. */
  mountCgroupfs(plan: CgroupFsPlan): Promise<void> {
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      this.pending.push((msg) => {
        if (msg.op === 'mounted-cgroupfs' && msg.ref === ref) {
          if (msg.error) reject(shimFailure(msg.error));
          else resolve();
        } else if (msg.op === 'exited') reject(new Error(t('runtime.pid1.no-mount-ns')));
        else return false;
        return true;
      });
      this.send({ op: 'mount-cgroupfs', ref, plan });
    });
  }

  shutdown(): void {
    if (this.proc.connected) this.send({ op: 'shutdown' });
  }

  private send(msg: LabToShim): void {
    // A shim can die between the `connected` check and the write (Ctrl-C reaches the whole process
    // group): the write then fails with EPIPE. That is not a crash of the lab: the shim's exit
    // settles whatever waits for it.
    if (this.proc.connected) this.proc.send(msg, () => {});
  }

  private route(msg: ShimToLab): void {
    switch (msg.op) {
      case 'event':
        this.onEvent(msg.event);
        return;
      case 'attempt-answer':
        this.attempts.get(msg.ref)?.(msg.answer);
        return;
      case 'attempt-failed':
        this.attempts.get(msg.ref)?.(shimFailure(msg.error));
        return;
      case 'exec-started':
        this.execs.get(msg.ref)?.onStarted(msg.pid);
        return;
      case 'exec-data': {
        const w = this.execs.get(msg.ref);
        if (w) w[msg.fd === 1 ? 'stdout' : 'stderr'] += msg.data;
        return;
      }
      case 'exec-exit':
        this.execs.get(msg.ref)?.onDone(msg.code, msg.signal);
        return;
      case 'exec-failed':
        this.execs.get(msg.ref)?.onDone(null, null, msg.error);
        return;
      case 'exited':
        for (const w of this.execs.values()) w.onDone(null, 'SIGKILL');
        for (const settle of this.attempts.values()) settle(new Error(t('runtime.container.ended')));
        break;
    }
    const i = this.pending.findIndex((handler) => handler(msg));
    if (i >= 0) this.pending.splice(i, 1);
  }
}
