/**
 * LinuxKernel: the real syscalls, called through koffi (a foreign-function interface to libc).
 *
 * This is the only file in container-lab that imports koffi. Every call is synchronous and runs on
 * the calling JavaScript thread — the main thread. Never use koffi's `.async()` here: it runs the
 * call on a libuv pool thread, and namespace and mount changes are per thread, so the change would
 * land on a thread that is still in the host's namespaces (a mount once reached the host this way).
 */
import fs from 'node:fs';
import koffi from 'koffi';
import { AF, PR } from './constants.js';
import { describeCall } from './describe.js';
import { ERRNO, SyscallError } from './errors.js';
import type { CapSets, Kernel } from './kernel.js';
import { syscallNumber } from './syscall-numbers.js';

const libc = koffi.load('libc.so.6');

const c = {
  unshare: libc.func('int unshare(int flags)'),
  setns: libc.func('int setns(int fd, int nstype)'),
  mount: libc.func('int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const char *data)'),
  umount2: libc.func('int umount2(const char *target, int flags)'),
  sethostname: libc.func('int sethostname(const char *name, size_t len)'),
  chdir: libc.func('int chdir(const char *path)'),
  chroot: libc.func('int chroot(const char *path)'),
  capget: libc.func('int capget(_Inout_ uint8_t *hdr, _Inout_ uint8_t *data)'),
  capset: libc.func('int capset(_Inout_ uint8_t *hdr, uint8_t *data)'),
  prctl: libc.func('int prctl(int option, ...)'),
  syscall: libc.func('long syscall(long number, ...)'),
  fcntl: libc.func('int fcntl(int fd, int cmd, ...)'),
  setsid: libc.func('int setsid(void)'),
  execve: libc.func('int execve(const char *path, const char **argv, const char **envp)'),
  // ssize_t is not a koffi type name; intptr_t has the same size and signedness on Linux.
  lgetxattr: libc.func('intptr_t lgetxattr(const char *path, const char *name, _Out_ uint8_t *value, size_t size)'),
  llistxattr: libc.func('intptr_t llistxattr(const char *path, _Out_ uint8_t *list, size_t size)'),
  lsetxattr: libc.func('int lsetxattr(const char *path, const char *name, const uint8_t *value, size_t size, int flags)'),
  lremovexattr: libc.func('int lremovexattr(const char *path, const char *name)'),
  chown: libc.func('int chown(const char *path, int uid, int gid)'),
  socket: libc.func('int socket(int domain, int type, int protocol)'),
  bind: libc.func('int bind(int fd, const uint8_t *addr, uint32_t len)'),
  close: libc.func('int close(int fd)'),
};

/** _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set, so capabilities above 31 fit. */
const CAP_V3 = 0x20080522;
const F_SETFD = 2;
const FD_CLOEXEC = 1;

/** Throws a SyscallError for `method` if the C call returned -1. */
function check(ret: number | bigint, method: string, params: readonly unknown[]): void {
  if (Number(ret) !== -1) return;
  const { name, args } = describeCall(method, params);
  throw new SyscallError(name, args, koffi.errno());
}

/**
 * Calls a "size query, then fill" xattr function. Asking with size 0 returns the size needed; the
 * value can grow between the two calls (ERANGE), so the pair is retried. One answer is not a
 * failure: ENODATA, "this file has no such attribute", is undefined.
 */
function readSized(
  call: (buf: Buffer | null, size: number) => number | bigint,
  method: string,
  params: readonly unknown[],
): Buffer | undefined {
  const fail = (errno: number): never => {
    const { name, args } = describeCall(method, params);
    throw new SyscallError(name, args, errno);
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    const size = Number(call(null, 0));
    if (size === -1) {
      const errno = koffi.errno();
      if (errno === ERRNO.ENODATA) return undefined;
      fail(errno);
    }
    const buf = Buffer.alloc(size);
    if (size === 0) return buf;
    const got = Number(call(buf, size));
    if (got >= 0) return buf.subarray(0, got);
    const errno = koffi.errno();
    if (errno === ERRNO.ENODATA) return undefined;
    if (errno !== ERRNO.ERANGE) fail(errno);
  }
  return fail(ERRNO.ERANGE!);
}

function capHeader(pid: number): Buffer {
  const hdr = Buffer.alloc(8);
  hdr.writeUInt32LE(CAP_V3, 0);
  hdr.writeInt32LE(pid, 4);
  return hdr;
}

/** Splits 64-bit masks into the kernel's two {effective, permitted, inheritable} u32 triples. */
function encodeCapData(s: CapSets): Buffer {
  const data = Buffer.alloc(24);
  const lo = (v: bigint) => Number(v & 0xffffffffn);
  const hi = (v: bigint) => Number((v >> 32n) & 0xffffffffn);
  [lo, hi].forEach((part, i) => {
    data.writeUInt32LE(part(s.effective), i * 12);
    data.writeUInt32LE(part(s.permitted), i * 12 + 4);
    data.writeUInt32LE(part(s.inheritable), i * 12 + 8);
  });
  return data;
}

/** struct sockaddr_in: family (host order), port (network order), IPv4 address, 8 bytes of padding. */
function sockaddrIn(address: string, port: number): Buffer {
  const sa = Buffer.alloc(16);
  sa.writeUInt16LE(AF.AF_INET, 0);
  sa.writeUInt16BE(port, 2);
  address.split('.').forEach((octet, i) => {
    sa.writeUInt8(Number(octet), 4 + i);
  });
  return sa;
}

function decodeCapData(data: Buffer): CapSets {
  const word = (off: number) => BigInt(data.readUInt32LE(off)) | (BigInt(data.readUInt32LE(off + 12)) << 32n);
  return { effective: word(0), permitted: word(4), inheritable: word(8) };
}

export class LinuxKernel implements Kernel {
  unshare(flags: number): void {
    check(c.unshare(flags), 'unshare', [flags]);
  }

  setns(fd: number, nstype: number): void {
    check(c.setns(fd, nstype), 'setns', [fd, nstype]);
  }

  mount(source: string | null, target: string, fstype: string | null, flags: number, data: string | null): void {
    check(c.mount(source, target, fstype, flags, data), 'mount', [source, target, fstype, flags, data]);
  }

  umount2(target: string, flags: number): void {
    check(c.umount2(target, flags), 'umount2', [target, flags]);
  }

  pivotRoot(newRoot: string, putOld: string): void {
    // glibc has no pivot_root() wrapper: call the raw syscall by number.
    const ret = c.syscall(syscallNumber('pivot_root'), 'const char *', newRoot, 'const char *', putOld);
    check(ret, 'pivotRoot', [newRoot, putOld]);
  }

  sethostname(name: string): void {
    check(c.sethostname(name, Buffer.byteLength(name)), 'sethostname', [name]);
  }

  chdir(path: string): void {
    check(c.chdir(path), 'chdir', [path]);
  }

  chroot(path: string): void {
    check(c.chroot(path), 'chroot', [path]);
  }

  capget(pid: number): CapSets {
    const data = Buffer.alloc(24);
    check(c.capget(capHeader(pid), data), 'capget', [pid]);
    return decodeCapData(data);
  }

  capset(sets: CapSets): void {
    check(c.capset(capHeader(0), encodeCapData(sets)), 'capset', [sets]);
  }

  setPdeathsig(signal: number): void {
    check(c.prctl(PR.PR_SET_PDEATHSIG, 'unsigned long', signal), 'setPdeathsig', [signal]);
  }

  capbsetRead(cap: number): boolean {
    const ret = c.prctl(PR.PR_CAPBSET_READ, 'unsigned long', cap);
    check(ret, 'capbsetRead', [cap]);
    return ret === 1;
  }

  capbsetDrop(cap: number): void {
    check(c.prctl(PR.PR_CAPBSET_DROP, 'unsigned long', cap), 'capbsetDrop', [cap]);
  }

  setNoNewPrivs(): void {
    check(
      c.prctl(PR.PR_SET_NO_NEW_PRIVS, 'unsigned long', 1, 'unsigned long', 0, 'unsigned long', 0, 'unsigned long', 0),
      'setNoNewPrivs',
      [],
    );
  }

  setsid(): number {
    const sid = c.setsid();
    check(sid, 'setsid', []);
    return sid;
  }

  lgetxattr(path: string, name: string): Buffer | undefined {
    return readSized((buf, size) => c.lgetxattr(path, name, buf, size), 'lgetxattr', [path, name]);
  }

  llistxattr(path: string): string[] {
    const list = readSized((buf, size) => c.llistxattr(path, buf, size), 'llistxattr', [path]);
    // The kernel answers with names separated (and ended) by NUL bytes.
    return list
      ? list
          .toString('utf8')
          .split('\0')
          .filter((name) => name !== '')
      : [];
  }

  lsetxattr(path: string, name: string, value: Buffer, flags: number): void {
    check(c.lsetxattr(path, name, value, value.length, flags), 'lsetxattr', [path, name, value, flags]);
  }

  lremovexattr(path: string, name: string): void {
    check(c.lremovexattr(path, name), 'lremovexattr', [path, name]);
  }

  execve(path: string, argv: readonly string[], env: readonly string[]): never {
    // Node marks fds 0-2 close-on-exec at start-up; without clearing the flag the new program
    // would start with no stdin, stdout or stderr.
    for (const fd of [0, 1, 2]) c.fcntl(fd, F_SETFD, 'int', 0);
    // Every other fd (the shim's IPC socket, cgroup files, anything inherited) must not leak into
    // the container's program.
    for (const name of fs.readdirSync('/proc/self/fd')) {
      if (Number(name) > 2) c.fcntl(Number(name), F_SETFD, 'int', FD_CLOEXEC);
    }
    c.execve(path, [...argv, null], [...env, null]);
    const { name, args } = describeCall('execve', [path, argv, env]);
    throw new SyscallError(name, args, koffi.errno());
  }

  chown(path: string, uid: number, gid: number): void {
    check(c.chown(path, uid, gid), 'chown', [path, uid, gid]);
  }

  socket(domain: number, type: number, protocol: number): number {
    const fd = c.socket(domain, type, protocol);
    check(fd, 'socket', [domain, type, protocol]);
    return fd;
  }

  bindInet(fd: number, address: string, port: number): void {
    const sa = sockaddrIn(address, port);
    check(c.bind(fd, sa, sa.length), 'bindInet', [fd, address, port]);
  }

  close(fd: number): void {
    check(c.close(fd), 'close', [fd]);
  }
}
