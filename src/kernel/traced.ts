/**
 * traced(): wraps a Kernel so every call is reported as a PrimitiveEvent, with its symbolic
 * arguments, result and duration. This is how the lab "shows what it runs": the shim wraps the real
 * kernel with it and forwards each event to the UI.
 */
import { describeCall, describeResult } from './describe.js';
import { SyscallError } from './errors.js';
import type { Kernel, PrimitiveEvent } from './kernel.js';

export function traced(inner: Kernel, emit: (event: PrimitiveEvent) => void): Kernel {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...params: unknown[]) => {
        const { name, args } = describeCall(prop, params);
        const start = performance.now();
        try {
          const out = value.apply(target, params);
          emit({ kind: 'syscall', name, args, result: describeResult(prop, out), ok: true, durationMs: performance.now() - start });
          return out;
        } catch (err) {
          if (err instanceof SyscallError) {
            emit({
              kind: 'syscall',
              name,
              args,
              result: `-1 ${err.code}`,
              ok: false,
              durationMs: performance.now() - start,
              error: { code: err.code, text: err.text, hint: err.hint },
            });
          }
          throw err;
        }
      };
    },
  });
}
