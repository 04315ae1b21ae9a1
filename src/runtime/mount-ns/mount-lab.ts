/**
 * Runs one experiment of the mount lab's helper (src/mounts/mount-lab-main.ts) in a new mount
 * namespace, made by util-linux `unshare --mount`:
 *   --propagation private    (unshare's default) MS_REC|MS_PRIVATE on / first: nothing leaks out
 *   --propagation unchanged  the copies keep their peer groups: a mount under a shared mount
 *                            reaches the host — the mistake the lesson shows on purpose
 * The helper is a short-lived process the lab waits for; it is in the ledger while it runs, so a
 * lab killed meanwhile still has it removed on the next start. Its argv is fixed: an experiment
 * name and paths the lab made, never a string from a lesson or a learner, and no shell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { Ledger } from '../ledger.js';
import { processStartTime } from '../proc-identity.js';

export type Experiment =
  | { name: 'mount-tmpfs'; target: string; source: string }
  | { name: 'chroot-escape'; rootfs: string }
  | { name: 'pivot-escape'; rootfs: string };

export interface ExperimentOutput<T> {
  ok: boolean;
  events: PrimitiveEvent[];
  result?: T;
  error?: string;
}

/** dist/mount-lab.js next to this bundle, or the built one when running from the sources (tests). */
function helperPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'mount-lab.js'), path.resolve(here, '../../../dist/mount-lab.js')];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('dist/mount-lab.js is missing: run `npm run build` first.');
  return found;
}

function argvOf(e: Experiment): string[] {
  switch (e.name) {
    case 'mount-tmpfs': return [e.name, e.target, e.source];
    case 'chroot-escape':
    case 'pivot-escape': return [e.name, e.rootfs];
  }
}

/** Runs `experiment` in a new mount namespace and returns what it did and saw. */
export async function runInNewMountNamespace<T>(
  ledger: Ledger, propagation: 'private' | 'unchanged', experiment: Experiment, emit?: (e: PrimitiveEvent) => void,
): Promise<ExperimentOutput<T>> {
  const args = ['--mount', `--propagation=${propagation}`, '--', process.execPath, helperPath(), ...argvOf(experiment)];
  const start = performance.now();
  const child = execa('unshare', args, { reject: false, stdin: 'ignore', timeout: 10_000 });
  let ledgerId: string | undefined;
  const startTime = child.pid ? processStartTime(child.pid) : undefined;
  if (child.pid && startTime) ledgerId = ledger.add({ kind: 'process', pid: child.pid, startTime, what: `mount lab: ${experiment.name}` });
  const done = await child;
  if (ledgerId) ledger.remove(ledgerId);
  emit?.({
    kind: 'spawn', name: 'unshare', args: args.slice(0, 2).concat([`<${experiment.name}>`]), result: String(done.exitCode ?? done.signal),
    ok: done.exitCode === 0, durationMs: performance.now() - start,
  });
  let out: ExperimentOutput<T>;
  try {
    out = JSON.parse(done.stdout) as ExperimentOutput<T>;
  } catch {
    throw new Error(`The mount lab helper failed before it could report (exit ${done.exitCode ?? done.signal}): ${done.stderr.trim() || 'no output'}`);
  }
  for (const e of out.events) emit?.(e);
  return out;
}
