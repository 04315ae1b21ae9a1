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
import { t } from '../../i18n/index.js';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { failureText, runHostProgram } from '../../kernel/host-program.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import { MOUNT_LAB_HELPER, type Ledger } from '../ledger.js';
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
  if (!found) throw new Error(t('runtime.mount-lab.missing'));
  return found;
}

/**
 * Mounts a tmpfs (named `source`) on `target` from a new mount namespace made with `propagation`,
 * and reads how a namespace made the same way sees the mount table (`cat /proc/self/mountinfo` in
 * it). Both namespaces end with their one program.
 */
export async function mountFromNewNamespace(
  propagation: 'private' | 'unchanged',
  target: string,
  source: string,
  emit?: Emit,
): Promise<{ mountinfoInside: string }> {
  const ns = ['--mount', `--propagation=${propagation}`, '--'];
  const reported = emit ? { emit } : {};
  const view = await runHostProgram(['unshare', ...ns, 'cat', '/proc/self/mountinfo'], reported);
  const mount = await runHostProgram(['unshare', ...ns, 'mount', '-t', 'tmpfs', '-o', 'size=1m,mode=755', source, target], reported);
  const failed = [view, mount].find((r) => !r.ok);
  if (failed) throw new Error(failureText(failed));
  return { mountinfoInside: view.stdout };
}

interface Spare {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  ledgerId: string | undefined;
  /** Resolves when the helper has started and waits for its line (it says `ready` first). */
  ready: Promise<void>;
  /** Resolves when it has ended, with everything it printed. */
  done: Promise<{ stdout: string; stderr: string; status: string }>;
}

/**
 * Starts the helper (the lab's own Node and script: no host program a lesson chooses). It is not a
 * run-to-completion host program: it waits on stdin until an experiment needs it, and reports the
 * syscalls it makes itself.
 */
function startHelper(): Omit<Spare, 'ledgerId'> {
  const child = spawn(process.execPath, [helperPath()], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  // It may be killed before it reads its line (close()): writing to it then fails with EPIPE.
  child.stdin.on('error', () => {});
  // A start that failed (EAGAIN: too many processes) still ends in 'close', which reports it.
  child.on('error', () => {});
  const done = new Promise<{ stdout: string; stderr: string; status: string }>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        status: signal ? `killed by ${signal}` : `exit ${code}`,
      }),
    );
  });
  const ready = new Promise<void>((resolve) => {
    child.stdout.once('data', () => resolve());
    void done.then(() => resolve());
  });
  return { child, ready, done };
}

/** The escape helper, kept started ahead of time. */
export class EscapeLab {
  private spare: Spare | undefined;

  constructor(private readonly ledger: Ledger) {}

  /** Starts an idle helper now, so the next experiment does not wait for Node to start. */
  prewarm(): void {
    if (this.spare) return;
    const helper = startHelper();
    const { pid } = helper.child;
    const startTime = pid ? processStartTime(pid) : undefined;
    const ledgerId = pid && startTime ? this.ledger.add({ kind: 'process', pid, startTime, what: MOUNT_LAB_HELPER }) : undefined;
    this.spare = { ...helper, ledgerId };
  }

  /** Resolves once the idle helper can take an experiment without waiting for Node to start. */
  async whenReady(): Promise<void> {
    await this.spare?.ready;
  }

  /** Runs one escape experiment on `rootfs` and returns what the helper did and saw. */
  async run<T>(experiment: 'chroot-escape' | 'pivot-escape', rootfs: string, emit?: Emit): Promise<ExperimentOutput<T>> {
    this.prewarm();
    const { child, ledgerId, done: ended } = this.spare!;
    this.spare = undefined;
    child.stdin.end(JSON.stringify({ experiment, rootfs }) + '\n');
    const done = await ended;
    if (ledgerId) this.ledger.remove(ledgerId);
    this.prewarm();
    let out: ExperimentOutput<T>;
    try {
      // The helper's first line says it is ready; its answer is the last.
      out = JSON.parse(done.stdout.trim().split('\n').at(-1) ?? '') as ExperimentOutput<T>;
    } catch {
      throw new Error(
        t('runtime.mount-lab.no-report', { status: done.status, stderr: done.stderr.trim() || t('runtime.mount-lab.no-output') }),
      );
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
