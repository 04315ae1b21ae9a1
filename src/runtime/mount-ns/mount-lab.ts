/**
 * The mount-namespace experiments, each in a mount namespace the lab makes for it and that ends
 * with it. Nothing here passes a string from a lesson or a learner to a program, and nothing runs
 * through a shell: every argv is fixed, with paths the lab made.
 *
 * Propagation uses util-linux `unshare --mount` (a few milliseconds):
 *   --propagation private    (unshare's default) MS_REC|MS_PRIVATE on / first: nothing leaks out
 *   --propagation unchanged  the copies keep their peer groups: a mount under a shared mount
 *                            reaches the host — the mistake the lesson makes on purpose
 * The escapes need chroot(2) twice from one process, which no standard tool does, so they run in the
 * lab's own helper (dist/mount-lab.js). Node takes ~80 ms to start, so one helper is kept started
 * ahead of time, idle, in the ledger, until an experiment needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { Ledger } from '../ledger.js';
import { processStartTime } from '../proc-identity.js';

export interface ExperimentOutput<T> {
  ok: boolean;
  events: PrimitiveEvent[];
  result?: T;
  error?: string;
}

type Emit = (e: PrimitiveEvent) => void;

/** dist/mount-lab.js next to this bundle, or the built one when running from the sources (tests). */
function helperPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'mount-lab.js'), path.resolve(here, '../../../dist/mount-lab.js')];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('dist/mount-lab.js is missing: run `npm run build` first.');
  return found;
}

async function spawnStep(emit: Emit | undefined, file: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const start = performance.now();
  const r = await execa(file, args, { reject: false, stdin: 'ignore', timeout: 10_000 });
  const ok = r.exitCode === 0;
  emit?.({
    kind: 'spawn', name: file, args, result: String(r.exitCode ?? r.signal), ok, durationMs: performance.now() - start,
    ...(ok ? {} : { error: { code: 'EXIT', text: r.stderr.trim() || `exit status ${r.exitCode}`, hint: '' } }),
  });
  return { ok, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Mounts a tmpfs (named `source`) on `target` from a new mount namespace made with `propagation`,
 * and reads how a namespace made the same way sees the mount table (`cat /proc/self/mountinfo` in
 * it). Both namespaces end with their one program.
 */
export async function mountFromNewNamespace(
  propagation: 'private' | 'unchanged', target: string, source: string, emit?: Emit,
): Promise<{ mountinfoInside: string }> {
  const ns = ['--mount', `--propagation=${propagation}`, '--'];
  const view = await spawnStep(emit, 'unshare', [...ns, 'cat', '/proc/self/mountinfo']);
  const mount = await spawnStep(emit, 'unshare', [...ns, 'mount', '-t', 'tmpfs', '-o', 'size=1m,mode=755', source, target]);
  if (!view.ok || !mount.ok) throw new Error(`unshare failed: ${(mount.stderr || view.stderr).trim()}`);
  return { mountinfoInside: view.stdout };
}

interface Spare {
  child: ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe'; reject: false }>;
  ledgerId: string | undefined;
  /** Resolves when the helper has started and waits for its line (it says `ready` first). */
  ready: Promise<void>;
}

/** The escape helper, kept started ahead of time. */
export class EscapeLab {
  private spare: Spare | undefined;

  constructor(private readonly ledger: Ledger) {}

  /** Starts an idle helper now, so the next experiment does not wait for Node to start. */
  prewarm(): void {
    if (this.spare) return;
    const child = execa(process.execPath, [helperPath()], { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', reject: false });
    const startTime = child.pid ? processStartTime(child.pid) : undefined;
    const ledgerId = child.pid && startTime ? this.ledger.add({ kind: 'process', pid: child.pid, startTime, what: 'mount lab helper' }) : undefined;
    const ready = new Promise<void>((resolve) => {
      child.stdout.once('data', () => resolve());
      void child.finally(() => resolve());
    });
    this.spare = { child, ledgerId, ready };
  }

  /** Resolves once the idle helper can take an experiment without waiting for Node to start. */
  async whenReady(): Promise<void> {
    await this.spare?.ready;
  }

  /** Runs one escape experiment on `rootfs` and returns what the helper did and saw. */
  async run<T>(experiment: 'chroot-escape' | 'pivot-escape', rootfs: string, emit?: Emit): Promise<ExperimentOutput<T>> {
    this.prewarm();
    const { child, ledgerId } = this.spare!;
    this.spare = undefined;
    child.stdin.end(JSON.stringify({ experiment, rootfs }) + '\n');
    const done = await child;
    if (ledgerId) this.ledger.remove(ledgerId);
    this.prewarm();
    let out: ExperimentOutput<T>;
    try {
      // The helper's first line says it is ready; its answer is the last.
      out = JSON.parse(String(done.stdout).trim().split('\n').at(-1) ?? '') as ExperimentOutput<T>;
    } catch {
      throw new Error(`The mount lab helper failed before it could report (exit ${done.exitCode ?? done.signal}): ${String(done.stderr).trim() || 'no output'}`);
    }
    for (const e of out.events) emit?.(e);
    return out;
  }

  /** Stops the idle helper (it is also in the ledger, and dies with the lab). */
  close(): void {
    const spare = this.spare;
    this.spare = undefined;
    if (!spare) return;
    spare.child.kill('SIGKILL');
    if (spare.ledgerId) this.ledger.remove(spare.ledgerId);
  }
}
