/**
 * A fake ContainerRuntime for engine tests, over two fixture procfs trees (the host's and the
 * container's). Creating a container "runs" its primitives through the RecordingKernel (so a test
 * can inject EPERM on unshare), and exec understands just the commands the pid-namespace lesson
 * runs. It exists only in tests: the product always uses the real runtime.
 */
import { CLONE, MS } from '../../src/kernel/constants.js';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { traced } from '../../src/kernel/traced.js';
import { hostReader } from '../../src/probes/host-reader.js';
import type { Reader } from '../../src/probes/reader.js';
import type { AttemptAnswer, Container, ContainerRuntime, ExecHandle, ExecResult, ExitStatus } from '../../src/runtime/api.js';
import { resolveSpec } from '../../src/runtime/spec.js';
import type { ContainerSpec } from '../../src/runtime/spec.js';
import { procTree, removeProcess, writeProcess } from './proc-fixture.js';

const SHIM = 3848;
const LAB = 950;
const INSIDE_NS = { pid: '4026532178', mnt: '4026532179', uts: '4026532180', ipc: '4026532181', net: '4026532182' };

interface FakeContainer extends Container {
  running: boolean;
  finish(status: ExitStatus): void;
}

export class FakeLab implements ContainerRuntime {
  readonly kernel = new RecordingKernel();
  readonly host = procTree([
    { pid: 1, ppid: 0, name: 'systemd', args: ['/sbin/init'] },
    { pid: LAB, ppid: 1, name: 'node', args: ['node', 'dist/cli.js'] },
    { pid: SHIM, ppid: LAB, name: 'node', args: ['node', 'dist/shim.js'] },
  ]);
  inside = procTree([]);
  readonly labPid = LAB;
  readonly execs: string[][] = [];
  /** Milliseconds every exec takes (to test cancelling). */
  execDelayMs = 0;
  private listeners = new Set<(e: PrimitiveEvent) => void>();
  private nextHost = 4000;
  private nextInner = 1;
  private containers: FakeContainer[] = [];
  /** The containers created so far, oldest first. */
  get started(): readonly FakeContainer[] {
    return this.containers;
  }

  onEvent(listener: (e: PrimitiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit = (e: PrimitiveEvent) => {
    for (const l of this.listeners) l(e);
  };

  /** Reads inside the container: the container's fixture tree stands for its /proc. */
  insideReader(): Reader {
    const real = hostReader();
    const map = (p: string) => p.replace(/^\/proc/, this.inside.root);
    const back = (p: string) => p.replace(this.inside.root, '/proc');
    return {
      side: 'container',
      async read(patterns) {
        const snap = await real.read(patterns.map((p) => ({ ...p, path: map(p.path) })));
        const remap = <T>(m: Map<string, T>) => new Map([...m].map(([k, v]) => [back(k), v]));
        return { files: remap(snap.files), links: remap(snap.links), errors: remap(snap.errors) };
      },
    };
  }

  /**
   * Adds one process on both sides; returns its host and inner PIDs. `nssid` is its session as the
   * host numbers it and as the container does (1: PID 1's session), when the test cares.
   */
  addProcess(
    name: string,
    args: string[],
    ppidInner: number,
    ppidHost: number,
    nssid?: [number, number],
  ): { hostPid: number; innerPid: number } {
    const hostPid = this.nextHost++;
    const innerPid = this.nextInner++;
    writeProcess(this.host.root, { pid: hostPid, ppid: ppidHost, nspid: [hostPid, innerPid], nssid, name, args, ns: INSIDE_NS });
    writeProcess(this.inside.root, {
      pid: innerPid,
      ppid: ppidInner,
      nssid: nssid && [nssid[1]],
      name,
      args,
      ns: INSIDE_NS,
      sigCgt: innerPid === 1 ? '0000000000010002' : undefined,
    });
    return { hostPid, innerPid };
  }

  async create(input: ContainerSpec): Promise<Container> {
    const spec = resolveSpec(input, () => 'c1');
    const k = traced(this.kernel, this.emit);
    k.unshare(CLONE.CLONE_NEWPID);
    k.unshare(CLONE.CLONE_NEWNS | CLONE.CLONE_NEWUTS);
    k.mount(null, '/', null, MS.MS_REC | MS.MS_PRIVATE, null);
    k.pivotRoot('.', '.');
    this.inside.cleanup();
    this.inside = procTree([]);
    this.nextInner = 1;
    const one = this.addProcess('sh', spec.command, 0, SHIM);
    let finish!: (s: ExitStatus) => void;
    const exited = new Promise<ExitStatus>((resolve) => (finish = resolve));
    const c: FakeContainer = {
      id: spec.id,
      spec,
      pid: one.hostPid,
      cgroup: undefined,
      running: true,
      exited,
      finish,
      dirs: { lowers: [], upper: '', work: '', merged: '' },
    };
    void exited.then(() => (c.running = false));
    this.containers.push(c);
    return c;
  }

  async exec(c: Container, argv: string[], opts: { signal?: AbortSignal } = {}): Promise<ExecResult> {
    this.execs.push(argv);
    this.emit({ kind: 'exec', name: argv[0]!, args: argv.slice(1), result: 'host pid 9999', ok: true, durationMs: 0.1 });
    if (this.execDelayMs) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, this.execDelayMs);
        opts.signal?.addEventListener('abort', () => (clearTimeout(t), reject(new Error('killed'))), { once: true });
      });
    }
    const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0, signal: null, durationMs: 1 });
    if (argv[0] === 'kill') {
      const inner = Number(argv.at(-1));
      const proc = `${this.inside.root}/${inner}`;
      if (!(await import('node:fs')).existsSync(proc))
        return { stdout: '', stderr: `kill: can't kill pid ${inner}: No such process\n`, exitCode: 1, signal: null, durationMs: 1 };
      if (argv[1] !== '-0') this.removeInner(inner);
      return ok();
    }
    if (argv[0] === 'sh' && argv[2]?.includes('& echo $!')) {
      return ok(`${this.addProcess('sleep', ['sleep', '1000'], 1, c.pid).innerPid}\n`);
    }
    return { stdout: '', stderr: `${argv[0]}: not found in the fake\n`, exitCode: 127, signal: null, durationMs: 1 };
  }

  private removeInner(inner: number): void {
    const hostPid = this.nextHost - (this.nextInner - inner);
    removeProcess(this.inside.root, inner);
    removeProcess(this.host.root, hostPid);
  }

  async spawn(c: Container, argv: string[]): Promise<ExecHandle> {
    this.execs.push(argv);
    const p = this.addProcess(argv[0]!, argv, 0, SHIM);
    return { hostPid: p.hostPid, done: new Promise(() => {}), kill: () => {} };
  }

  /** The fake's containers have no cgroup, so there is nothing to mount. */
  async mountCgroupfs(): Promise<string[]> {
    return [];
  }

  async attempt(): Promise<AttemptAnswer> {
    throw new Error('The fake makes no attempts: the capabilities lesson runs against the real runtime (test/capabilities).');
  }

  shellCommand(c: Container, _argv?: string[], _env?: Record<string, string>): { file: string; args: string[] } {
    return { file: '/bin/sh', args: ['-c', 'exec nsenter "$@"', 'clab-enter', '-t', String(c.pid)] };
  }

  async kill(c: Container, signal: NodeJS.Signals): Promise<void> {
    if (signal !== 'SIGKILL') return; // the fake's PID 1 has no handler: only SIGKILL ends it
    this.end(c as FakeContainer);
  }

  private end(c: FakeContainer): void {
    if (!c.running) return;
    c.running = false;
    for (let pid = c.pid; pid < this.nextHost; pid++) removeProcess(this.host.root, pid);
    this.inside.cleanup();
    this.inside = procTree([]);
    c.finish({ code: null, signal: 'SIGKILL', oomKilled: false });
  }

  async delete(c: Container): Promise<void> {
    this.end(c as FakeContainer);
    this.containers = this.containers.filter((x) => x !== c);
  }

  async close(): Promise<void> {
    for (const c of [...this.containers]) await this.delete(c);
  }

  cleanup(): void {
    this.host.cleanup();
    this.inside.cleanup();
  }
}
