/**
 * A directory tree as plain data: what `ls -lani` and `getfattr` would say about every entry.
 *
 * Layers are just directories, so everything the overlay lessons show starts here: walk a lower
 * layer, the upper directory or the merged view, and get one record per entry with its kind, mode,
 * owner, size, inode and device numbers, and the overlay's own marks read from trusted.* xattrs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LinuxKernel } from '../kernel/linux.js';
import type { XattrReader } from '../kernel/xattr.js';

export type NodeKind = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo' | 'socket';

/** A device number split the way `ls -l` and `stat` print it. */
export interface DevNumber {
  major: number;
  minor: number;
}

export interface TreeNode {
  /** Path relative to the walked root, `/`-separated, e.g. `app/data/big.bin`. */
  path: string;
  kind: NodeKind;
  /** Permission bits (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  nlink: number;
  /** Modification time, whole seconds. */
  mtime: number;
  /** Inode number, as text: overlay's xino can set bits above 2^53. */
  ino: string;
  /** The filesystem the inode lives on (st_dev). */
  dev: DevNumber;
  /** For character and block devices: which device (st_rdev). A whiteout is a char device 0:0. */
  rdev: DevNumber;
  /** For symlinks: the target, as stored. */
  linkTarget?: string;
  /** Overlay's marks on this entry, read from trusted.overlay.* (root only; empty otherwise). */
  overlay: OverlayMarks;
}

export interface OverlayMarks {
  /** Deletes the same name in the layers below (char device 0:0, or a trusted.overlay.whiteout file). */
  whiteout?: true;
  /** trusted.overlay.opaque = y: this directory hides the same directory in every layer below. */
  opaque?: true;
  /** trusted.overlay.redirect: this directory was renamed; its lower contents live at this path. */
  redirect?: string;
  /** trusted.overlay.metacopy: only the metadata was copied up; the data is still in a lower layer. */
  metacopy?: true;
}

/** Splits a Linux dev_t the way glibc's major()/minor() do. */
export function splitDev(dev: bigint): DevNumber {
  return {
    major: Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn)),
    minor: Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn)),
  };
}

function kindOf(st: fs.BigIntStats): NodeKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  if (st.isFIFO()) return 'fifo';
  return 'socket';
}

/**
 * Who reads overlay's trusted.* marks: the host's kernel when this process is root. Reading them
 * needs CAP_SYS_ADMIN; without it the kernel hides them, so there are none to see (null).
 */
export function hostXattrs(): XattrReader | null {
  return process.getuid?.() === 0 ? new LinuxKernel() : null;
}

/** Reads overlay's marks through `xattrs` (null: the device-number whiteout only). */
function overlayMarks(file: string, kind: NodeKind, rdev: DevNumber, xattrs: XattrReader | null): OverlayMarks {
  const marks: OverlayMarks = {};
  if (kind === 'char' && rdev.major === 0 && rdev.minor === 0) marks.whiteout = true;
  if (!xattrs || kind === 'symlink') return marks;
  const text = (name: string) => xattrs.lgetxattr(file, `trusted.overlay.${name}`)?.toString('utf8');
  if (kind === 'dir') {
    if (text('opaque') === 'y') marks.opaque = true;
    const redirect = text('redirect');
    if (redirect !== undefined) marks.redirect = redirect;
  }
  if (kind === 'file') {
    if (xattrs.lgetxattr(file, 'trusted.overlay.metacopy') !== undefined) marks.metacopy = true;
    // Since Linux 6.7 a whiteout may also be an empty file carrying this xattr (used when an
    // overlay's layers themselves live on an overlay, where a 0:0 device cannot be created).
    if (xattrs.lgetxattr(file, 'trusted.overlay.whiteout') !== undefined) marks.whiteout = true;
  }
  return marks;
}

/** Describes one entry by its absolute path; `rel` is how the tree names it. */
export function statNode(file: string, rel: string, xattrs = hostXattrs()): TreeNode {
  const st = fs.lstatSync(file, { bigint: true });
  const kind = kindOf(st);
  const rdev = splitDev(st.rdev);
  const node: TreeNode = {
    path: rel,
    kind,
    mode: Number(st.mode & 0o7777n),
    uid: Number(st.uid),
    gid: Number(st.gid),
    size: Number(st.size),
    nlink: Number(st.nlink),
    mtime: Number(st.mtimeMs / 1000n),
    ino: st.ino.toString(),
    dev: splitDev(st.dev),
    rdev,
    overlay: overlayMarks(file, kind, rdev, xattrs),
  };
  if (kind === 'symlink') node.linkTarget = fs.readlinkSync(file);
  return node;
}

/**
 * Every entry below `root` (not `root` itself), parents before children, names in byte order —
 * the order a layer tar lists them in. Symlinks are recorded, never followed.
 */
export function walkTree(root: string, xattrs = hostXattrs()): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (rel: string) => {
    const names = fs.readdirSync(path.join(root, rel)).sort(byteOrder);
    for (const name of names) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const node = statNode(path.join(root, childRel), childRel, xattrs);
      out.push(node);
      if (node.kind === 'dir') visit(childRel);
    }
  };
  visit('');
  return out;
}

/** Compares names by their bytes, as `LC_ALL=C ls` sorts. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** `ls -l` style type and permissions, e.g. `crw-------` or `drwxr-xr-x`. */
export function modeString(kind: NodeKind, mode: number): string {
  const type = { file: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p', socket: 's' }[kind];
  const rwx = (bits: number, special: boolean, s: string) =>
    `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${special ? (bits & 1 ? s : s.toUpperCase()) : bits & 1 ? 'x' : '-'}`;
  return (
    type +
    rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    rwx(mode & 7, (mode & 0o1000) !== 0, 't')
  );
}
