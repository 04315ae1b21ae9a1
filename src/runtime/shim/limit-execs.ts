/**
 * The container's capability limits, given to the thread that starts processes inside it.
 *
 * Capabilities belong to a thread, and a child is born with its parent thread's sets. A process that
 * runs as root and execve()s a program without file capabilities gets, by capabilities(7):
 *   permitted' = (inheritable & file inheritable) | (file permitted & bounding)   — both "all" for root
 *   effective' = permitted'
 * so what bounds it is the bounding set (and inheritable, kept empty as for PID 1). Dropping a
 * capability from the bounding set leaves the calling thread's own effective set alone: the thread
 * can still setns(2) into the container, yet nothing it starts can ever hold more than PID 1.
 * no_new_privs is per thread too, and like the bounding drop it can never be undone: this thread
 * serves one container only.
 */
import { CAP, type CapName } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';

export function limitToContainer(k: Kernel, lastCap: number, capabilities: readonly CapName[], noNewPrivs: boolean): void {
  const keep = new Set(capabilities.map((name) => CAP[name]));
  for (let cap = 0; cap <= lastCap; cap++) {
    if (!keep.has(cap)) k.capbsetDrop(cap);
  }
  const now = k.capget(0);
  if (now.inheritable !== 0n) k.capset({ ...now, inheritable: 0n });
  if (noNewPrivs) k.setNoNewPrivs();
}
