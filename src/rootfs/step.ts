/**
 * Every step of a rootfs build is reported as a PrimitiveEvent, so the lab can show how a layer is
 * made: the programs it runs (`spawn`), the files it writes (`write`), and the `mkdir(2)` and
 * `rename(2)` calls that create the cache and publish a finished layer (`syscall`).
 */
import { errnoText, hintFor } from '../kernel/errors.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';

export type Emit = (event: PrimitiveEvent) => void;

/** Runs `work`, then emits one event for it, with its duration and, on failure, the errno and a hint. */
export async function step<T>(
  emit: Emit | undefined, kind: PrimitiveEvent['kind'], name: string, args: string[], work: () => Promise<T>,
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

/** Runs a host program to completion and emits a `spawn` event whose result is its exit status. */
export async function spawnStep(emit: Emit | undefined, file: string, args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  // Loaded here, not at the top: importing execa costs about as much as starting Node, and only a
  // first-time build ever spawns a program.
  const { execa } = await import('execa');
  const start = performance.now();
  const run = await execa(file, args, { reject: false, stdin: 'ignore' });
  const exitCode = run.exitCode ?? -1;
  const ok = exitCode === 0;
  emit?.({
    kind: 'spawn', name: file, args, result: run.signal ? run.signal : String(exitCode), ok,
    durationMs: performance.now() - start,
    ...(ok ? {} : { error: { code: 'EXIT', text: (run.stderr || run.shortMessage || `exit status ${exitCode}`).trim(), hint: '' } }),
  });
  return { exitCode, stdout: run.stdout, stderr: run.stderr };
}
