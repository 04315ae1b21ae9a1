/**
 * Every step of a rootfs build is reported as a PrimitiveEvent, so the lab can show how a layer is
 * made: the programs it runs (`spawn`), the files it writes (`write`), and the `mkdir(2)` and
 * `rename(2)` calls that create the cache and publish a finished layer (`syscall`).
 */
import { errnoText, hintFor } from '../kernel/errors.js';
import { runHostProgram } from '../kernel/host-program.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';

export type Emit = (event: PrimitiveEvent) => void;

/** Runs `work`, then emits one event for it, with its duration and, on failure, the errno and a hint. */
export async function step<T>(
  emit: Emit | undefined,
  kind: PrimitiveEvent['kind'],
  name: string,
  args: string[],
  work: () => Promise<T>,
): Promise<T> {
  const start = performance.now();
  try {
    const out = await work();
    emit?.({ kind, name, args, result: '0', ok: true, durationMs: performance.now() - start });
    return out;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const error = e.code
      ? { code: e.code, text: errnoText(e.code), hint: hintFor(e.syscall ?? name, e.code) }
      : { code: 'ERROR', text: e.message, hint: '' };
    emit?.({ kind, name, args, result: `-1 ${error.code}`, ok: false, durationMs: performance.now() - start, error });
    throw err;
  }
}

/** Runs a host program to completion and emits its `spawn` event (`exit 0`, `exit 1`, `killed by SIGKILL`). */
export async function spawnStep(
  emit: Emit | undefined,
  file: string,
  args: string[],
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const run = await runHostProgram([file, ...args], emit ? { emit } : {});
  return { exitCode: run.exitCode ?? -1, stdout: run.stdout, stderr: run.stderr };
}
