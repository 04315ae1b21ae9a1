/**
 * Extended attributes: small named values the kernel stores beside a file's inode.
 *
 * Overlayfs keeps its own bookkeeping in them, in the `trusted.` namespace that only root
 * (CAP_SYS_ADMIN) can read or write:
 *   trusted.overlay.opaque = "y"     this upper directory hides every lower directory of the same name
 *   trusted.overlay.redirect = "/a"  this upper directory was renamed; its lower contents are at /a
 *   trusted.overlay.origin           which lower inode an upper file was copied up from
 * The calls themselves (lgetxattr, llistxattr, lsetxattr, lremovexattr) are methods of the Kernel
 * interface; the `l` ones never follow a symbolic link: they read the link itself, which is what a
 * layer holds. This file turns their answers into what a learner reads.
 */
import type { Kernel } from './kernel.js';

/** The two calls that read attributes: all a probe needs. */
export type XattrReader = Pick<Kernel, 'lgetxattr' | 'llistxattr'>;

/**
 * A value as a learner reads it: printable text as is (`y`), anything else as hex (`0x00fb…`), the
 * way `getfattr -e hex` prints it. trusted.overlay.origin, for one, is a binary file handle.
 */
export function xattrText(value: Buffer): string {
  const printable = value.length > 0 && value.every((b) => b >= 0x20 && b < 0x7f);
  return printable ? value.toString('latin1') : `0x${value.toString('hex')}`;
}

/** Every attribute on `path` whose name starts with `prefix`, sorted by name, values via {@link xattrText}. */
export function readXattrs(kernel: XattrReader, path: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of kernel
    .llistxattr(path)
    .filter((n) => n.startsWith(prefix))
    .sort()) {
    const value = kernel.lgetxattr(path, name);
    if (value !== undefined) out[name] = xattrText(value);
  }
  return out;
}
