/**
 * chroot(2): change the calling process's root directory — and nothing else.
 *
 * It is not in the Kernel interface on purpose: a container runtime never uses it (runc uses
 * pivot_root). The mount-namespace lesson calls it only to show why: chroot moves where `/` starts
 * for path lookups, but leaves the working directory where it was and every mount in place, so a
 * root process can walk back out with `..`. Synchronous, on the calling thread; the root directory
 * is shared by all threads of a process (they are created with CLONE_FS).
 */
import koffi from 'koffi';
import { SyscallError } from './errors.js';

const libc = koffi.load('libc.so.6');
const cChroot = libc.func('int chroot(const char *path)');

export function chroot(path: string): void {
  if (cChroot(path) === -1) throw new SyscallError('chroot', [JSON.stringify(path)], koffi.errno());
}
