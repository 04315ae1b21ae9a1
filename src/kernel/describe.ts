/**
 * How each Kernel call is shown to a learner: symbolic flags, quoted paths.
 * Shared by the real kernel (for SyscallError) and the tracer (for events), so a call and its
 * failure always read the same.
 */
import { AF, CLONE, IPPROTO, MNT, MS, SOCK, CAP_NAMES, XATTR, nameOf, renderFlags } from './constants.js';
import type { CapSets } from './kernel.js';
import { xattrText } from './xattr.js';

const q = (s: string | null): string => (s === null ? 'NULL' : JSON.stringify(s));
const hex = (n: bigint): string => `0x${n.toString(16).padStart(16, '0')}`;
const capName = (n: number): string => CAP_NAMES[n] ?? String(n);

/** The syscall name and learner-readable arguments of one Kernel method call. */
export function describeCall(method: string, params: readonly unknown[]): { name: string; args: string[] } {
  const p = params as any[];
  switch (method) {
    case 'unshare':
      return { name: 'unshare', args: [renderFlags(p[0], CLONE)] };
    case 'setns':
      return { name: 'setns', args: [`fd ${p[0]}`, renderFlags(p[1], CLONE)] };
    case 'mount':
      return { name: 'mount', args: [q(p[0]), q(p[1]), q(p[2]), renderFlags(p[3], MS), q(p[4])] };
    case 'umount2':
      return { name: 'umount2', args: [q(p[0]), renderFlags(p[1], MNT)] };
    case 'pivotRoot':
      return { name: 'pivot_root', args: [q(p[0]), q(p[1])] };
    case 'sethostname':
      return { name: 'sethostname', args: [q(p[0])] };
    case 'chdir':
      return { name: 'chdir', args: [q(p[0])] };
    case 'chroot':
      return { name: 'chroot', args: [q(p[0])] };
    case 'lgetxattr':
      return { name: 'lgetxattr', args: [q(p[0]), q(p[1])] };
    case 'llistxattr':
      return { name: 'llistxattr', args: [q(p[0])] };
    case 'lsetxattr': {
      const value = xattrText(p[2] as Buffer);
      return {
        name: 'lsetxattr',
        args: [q(p[0]), q(p[1]), value.startsWith('0x') ? value : q(value), String((p[2] as Buffer).length), renderFlags(p[3], XATTR)],
      };
    }
    case 'lremovexattr':
      return { name: 'lremovexattr', args: [q(p[0]), q(p[1])] };
    case 'capget':
      return { name: 'capget', args: [`pid ${p[0]}`] };
    case 'capset': {
      const s = p[0] as CapSets;
      return { name: 'capset', args: [`eff=${hex(s.effective)}`, `prm=${hex(s.permitted)}`, `inh=${hex(s.inheritable)}`] };
    }
    case 'setPdeathsig':
      return { name: 'prctl', args: ['PR_SET_PDEATHSIG', p[0] === 9 ? 'SIGKILL' : String(p[0])] };
    case 'capbsetRead':
      return { name: 'prctl', args: ['PR_CAPBSET_READ', capName(p[0])] };
    case 'capbsetDrop':
      return { name: 'prctl', args: ['PR_CAPBSET_DROP', capName(p[0])] };
    case 'setNoNewPrivs':
      return { name: 'prctl', args: ['PR_SET_NO_NEW_PRIVS', '1'] };
    case 'execve':
      return { name: 'execve', args: [q(p[0]), `[${(p[1] as string[]).map(q).join(', ')}]`, `${(p[2] as string[]).length} env vars`] };
    case 'chown':
      return { name: 'chown', args: [q(p[0]), String(p[1]), String(p[2])] };
    case 'socket':
      return { name: 'socket', args: [nameOf(p[0], AF), nameOf(p[1], SOCK), nameOf(p[2], IPPROTO)] };
    case 'bindInet':
      return { name: 'bind', args: [`fd ${p[0]}`, `{AF_INET, ${p[1]}:${p[2]}}`, '16'] };
    case 'close':
      return { name: 'close', args: [`fd ${p[0]}`] };
    default:
      return { name: method, args: p.map(String) };
  }
}

/**
 * What a Kernel call that did not throw returned, as the syscall's own return value reads: a
 * bounding-set test is 1 or 0, an xattr read is the number of bytes the kernel filled in, and "no
 * such attribute" is the kernel's `-1 ENODATA` (which the lab reads as an answer, not a failure).
 */
export function describeResult(method: string, out: unknown): string {
  switch (method) {
    case 'capbsetRead':
      return out ? '1' : '0';
    case 'lgetxattr':
      return out === undefined ? '-1 ENODATA' : String((out as Buffer).length);
    case 'llistxattr':
      return String((out as string[]).reduce((bytes, name) => bytes + Buffer.byteLength(name) + 1, 0));
    default:
      // A call that returns a value (socket's fd) shows it, as strace does.
      return typeof out === 'number' ? String(out) : '0';
  }
}
