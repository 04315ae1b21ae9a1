/**
 * Extended attributes: small named values the kernel stores beside a file's inode.
 *
 * Overlayfs keeps its own bookkeeping in them, in the `trusted.` namespace that only root
 * (CAP_SYS_ADMIN) can read or write:
 *   trusted.overlay.opaque = "y"     this upper directory hides every lower directory of the same name
 *   trusted.overlay.redirect = "/a"  this upper directory was renamed; its lower contents are at /a
 *   trusted.overlay.origin           which lower inode an upper file was copied up from
 * The `l` calls never follow a symbolic link: they read the link itself, which is what a layer holds.
 *
 * Synchronous on purpose, like the rest of the kernel doorway. A failure is a SyscallError; the one
 * answer that is not a failure — "this file has no such attribute" (ENODATA) — is `undefined`.
 */
import koffi from 'koffi';
import { SyscallError } from './errors.js';

const libc = koffi.load('libc.so.6');

// ssize_t is not a koffi type name; intptr_t has the same size and signedness on Linux.
const c = {
  lgetxattr: libc.func('intptr_t lgetxattr(const char *path, const char *name, _Out_ uint8_t *value, size_t size)'),
  llistxattr: libc.func('intptr_t llistxattr(const char *path, _Out_ uint8_t *list, size_t size)'),
  lsetxattr: libc.func('int lsetxattr(const char *path, const char *name, const uint8_t *value, size_t size, int flags)'),
  lremovexattr: libc.func('int lremovexattr(const char *path, const char *name)'),
};

const ENODATA = 61;
const ERANGE = 34;

/** lsetxattr flags: fail if the attribute already exists / does not exist yet. */
export const XATTR = { XATTR_CREATE: 0x1, XATTR_REPLACE: 0x2 } as const;

const q = (s: string): string => JSON.stringify(s);

/**
 * Calls a "size query, then fill" xattr function. Asking with size 0 returns the size needed; the
 * value can grow between the two calls (ERANGE), so the pair is retried.
 */
function readSized(call: (buf: Buffer | null, size: number) => number, fail: (errno: number) => never): Buffer | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    const size = Number(call(null, 0));
    if (size === -1) {
      const errno = koffi.errno();
      if (errno === ENODATA) return undefined;
      fail(errno);
    }
    const buf = Buffer.alloc(size);
    if (size === 0) return buf;
    const got = Number(call(buf, size));
    if (got >= 0) return buf.subarray(0, got);
    const errno = koffi.errno();
    if (errno === ENODATA) return undefined;
    if (errno !== ERANGE) fail(errno);
  }
  fail(ERANGE);
}

/** lgetxattr(2): the raw value of `name` on `path`, or undefined when the file has no such attribute. */
export function lgetxattr(path: string, name: string): Buffer | undefined {
  return readSized(
    (buf, size) => Number(c.lgetxattr(path, name, buf, size)),
    (errno) => {
      throw new SyscallError('lgetxattr', [q(path), q(name)], errno);
    },
  );
}

/** llistxattr(2): the names of every attribute on `path` this process may see. */
export function llistxattr(path: string): string[] {
  const list = readSized(
    (buf, size) => Number(c.llistxattr(path, buf, size)),
    (errno) => {
      throw new SyscallError('llistxattr', [q(path)], errno);
    },
  );
  if (!list) return [];
  // The kernel answers with names separated (and ended) by NUL bytes.
  return list.toString('utf8').split('\0').filter((name) => name !== '');
}

/** lsetxattr(2): sets `name` on `path` (the link itself, never its target). */
export function lsetxattr(path: string, name: string, value: Buffer | string, flags = 0): void {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  if (c.lsetxattr(path, name, bytes, bytes.length, flags) === -1) {
    throw new SyscallError('lsetxattr', [q(path), q(name), q(bytes.toString('utf8')), String(flags)], koffi.errno());
  }
}

/** lremovexattr(2): removes `name` from `path`. */
export function lremovexattr(path: string, name: string): void {
  if (c.lremovexattr(path, name) === -1) {
    throw new SyscallError('lremovexattr', [q(path), q(name)], koffi.errno());
  }
}

/**
 * A value as a learner reads it: printable text as is (`y`), anything else as hex (`0x00fb…`), the
 * way `getfattr -e hex` prints it. trusted.overlay.origin, for one, is a binary file handle.
 */
export function xattrText(value: Buffer): string {
  const printable = value.length > 0 && value.every((b) => b >= 0x20 && b < 0x7f);
  return printable ? value.toString('latin1') : `0x${value.toString('hex')}`;
}

/** Every attribute on `path` whose name starts with `prefix`, sorted by name, values via {@link xattrText}. */
export function readXattrs(path: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of llistxattr(path).filter((n) => n.startsWith(prefix)).sort()) {
    const value = lgetxattr(path, name);
    if (value !== undefined) out[name] = xattrText(value);
  }
  return out;
}
