/**
 * Fault injection for the real kernel: make the nth call of a method fail with an errno, without
 * calling it. Used by the fault-injection tests (through the CONTAINER_LAB_FAULTS environment
 * variable, read by the shim) to prove that a failure at any step is shown with its hint and that
 * cleanup still completes. The recording kernel uses the same plan.
 */
import { describeCall } from './describe.js';
import { ERRNO, SyscallError } from './errors.js';
import type { Kernel } from './kernel.js';

interface Fault {
  method: string;
  errno: number;
  nth: number;
  seen: number;
}

export class FaultPlan {
  private readonly faults: Fault[] = [];

  /** Makes the `nth` call (1-based) of `method` fail with `errno` (a name such as `EPERM`). */
  add(method: string, errno: string, nth = 1): this {
    const number = ERRNO[errno];
    if (number === undefined) throw new Error(`unknown errno ${errno}`);
    this.faults.push({ method, errno: number, nth, seen: 0 });
    return this;
  }

  /** Parses `mount:EPERM:3,pivotRoot:EBUSY` (method:errno[:nth], comma-separated). */
  static parse(text: string): FaultPlan {
    const plan = new FaultPlan();
    for (const item of text.split(',').filter(Boolean)) {
      const [method = '', errno = '', nth = '1'] = item.split(':');
      plan.add(method, errno, Number(nth));
    }
    return plan;
  }

  /** Throws the SyscallError planned for this call, if any. */
  check(method: string, params: readonly unknown[]): void {
    for (const f of this.faults) {
      if (f.method !== method) continue;
      f.seen += 1;
      if (f.seen === f.nth) {
        const { name, args } = describeCall(method, params);
        throw new SyscallError(name, args, f.errno);
      }
    }
  }
}

/** Wraps a kernel so the plan's calls fail before they reach it. */
export function withFaults(inner: Kernel, plan: FaultPlan): Kernel {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...params: unknown[]) => {
        plan.check(prop, params);
        return value.apply(target, params);
      };
    },
  });
}
