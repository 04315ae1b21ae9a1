/**
 * One call the lab makes itself from the host side (a file operation through an overlay's merged
 * view, an extended attribute on a container's file), timed and recorded as the syscall it is —
 * with the errno the kernel returned when it refused. The error is thrown on after it is recorded.
 */
import { errnoText, hintFor } from '../../kernel/errors.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';

/** `result` says what a successful call returned, when that is more than `0` (a listing's length). */
export function hostCall<T>(
  record: (e: PrimitiveEvent) => void,
  name: string,
  args: string[],
  work: () => T,
  result?: (value: T) => string,
): { value: T; ms: number } {
  const start = performance.now();
  try {
    const value = work();
    const ms = performance.now() - start;
    record({
      kind: 'syscall',
      name,
      args,
      result: result ? result(value) : typeof value === 'number' ? String(value) : '0',
      ok: true,
      durationMs: ms,
    });
    return { value, ms };
  } catch (err) {
    // Node's fs errors and the doorway's SyscallError both carry the errno name as `code`.
    const e = err as NodeJS.ErrnoException;
    const code = e.code ?? 'ERROR';
    record({
      kind: 'syscall',
      name,
      args,
      result: `-1 ${code}`,
      ok: false,
      durationMs: performance.now() - start,
      error: { code, text: e.code ? errnoText(code) : e.message, hint: e.code ? hintFor(name, code) : '' },
    });
    throw err;
  }
}
