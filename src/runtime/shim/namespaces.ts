/**
 * Namespace file descriptors: how the shim steps into a container's namespaces and back out.
 *
 * `/proc/<pid>/ns/<kind>` files are handles on namespaces. Holding one open keeps the namespace
 * alive; passing it to setns(2) moves the calling thread into it. The shim opens its own (the host's)
 * before it unshares anything, so it can always return.
 */
import fs from 'node:fs';
import { CLONE } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';

/** The kinds a thread can step into and out of with setns (pid and user cannot: see below). */
export const ENTERABLE = ['cgroup', 'ipc', 'uts', 'net', 'mnt'] as const;
export type EnterableKind = (typeof ENTERABLE)[number];

const FLAG: Record<EnterableKind, number> = {
  cgroup: CLONE.CLONE_NEWCGROUP,
  ipc: CLONE.CLONE_NEWIPC,
  uts: CLONE.CLONE_NEWUTS,
  net: CLONE.CLONE_NEWNET,
  mnt: CLONE.CLONE_NEWNS,
};

/** Open namespace handles of one process, and the working directory to restore after `mnt`. */
export interface NamespaceSet {
  fds: Map<EnterableKind, number>;
  cwd: string;
}

/** Opens `/proc/<pid>/ns/*` for the given kinds (pid 'self' = this thread group's main thread). */
export function openNamespaces(pid: number | 'self', kinds: readonly EnterableKind[] = ENTERABLE): NamespaceSet {
  const fds = new Map<EnterableKind, number>();
  for (const kind of kinds) fds.set(kind, fs.openSync(`/proc/${pid}/ns/${kind}`, 'r'));
  return { fds, cwd: pid === 'self' ? process.cwd() : '/' };
}

/**
 * Moves the calling thread into every namespace of the set. `mnt` goes last: after it the thread's
 * root and working directory are the namespace's root, so nothing after it may depend on host paths.
 * (The PID namespace cannot be entered this way for the caller itself: setns on a PID namespace only
 * changes where the caller's future children are born.)
 */
export function enterNamespaces(k: Kernel, set: NamespaceSet): void {
  for (const kind of ENTERABLE) {
    const fd = set.fds.get(kind);
    if (fd !== undefined) k.setns(fd, FLAG[kind]);
  }
  k.chdir(set.cwd);
}

export function closeNamespaces(set: NamespaceSet): void {
  for (const fd of set.fds.values()) fs.closeSync(fd);
  set.fds.clear();
}
