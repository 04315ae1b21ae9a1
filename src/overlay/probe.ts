/**
 * Probes for the overlay lessons: read-only looks at one path in every layer and in the merged view.
 *
 * "The lower file is unchanged" is a claim the lab must show, not state: these probes read the
 * kernel's own answers — lstat (mode, inode, size, device numbers), trusted.overlay.* xattrs, and a
 * sha256 of the content — for the same relative path in each lower layer, upper and merged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readXattrs, type XattrReader } from '../kernel/xattr.js';
import { sha256File } from './checksum.js';
import { hostXattrs, modeString, statNode, type DevNumber, type NodeKind } from './tree.js';

/** The overlay's directories, as `mount -t overlay` takes them (lowers lowest first). */
export interface OverlayDirs {
  lowers: readonly { name: string; dir: string }[];
  upper: string;
  work: string;
  merged: string;
}

export interface PathProbe {
  /** Which copy: a lower layer's name, `upper` or `merged`. */
  where: string;
  /** The absolute path probed. */
  file: string;
  exists: boolean;
  kind?: NodeKind;
  /** `ls -l` style, e.g. `crw-------`. */
  modeText?: string;
  ino?: string;
  /** st_dev: which filesystem answers for this path (merged files report the overlay's). */
  dev?: DevNumber;
  /** st_rdev, for devices: a whiteout reads 0:0. */
  rdev?: DevNumber;
  size?: number;
  nlink?: number;
  /** sha256 of a regular file's content (when asked for). */
  sha256?: string;
  /** trusted.overlay.* xattrs (root only). */
  xattrs?: Record<string, string>;
}

export interface ProbeOptions {
  /** Hash regular files. Costs a read of the whole file (about 0.1 s for 32 MiB here). */
  checksum?: boolean;
  /** Who reads trusted.overlay.* (default: the host's kernel when root, else nobody). */
  xattrs?: XattrReader | null;
}

/** Probes one absolute path. */
export function probePath(where: string, file: string, opts: ProbeOptions = {}): PathProbe {
  if (fs.lstatSync(file, { throwIfNoEntry: false }) === undefined) return { where, file, exists: false };
  const xattrs = opts.xattrs === undefined ? hostXattrs() : opts.xattrs;
  const node = statNode(file, path.basename(file), xattrs);
  const probe: PathProbe = {
    where,
    file,
    exists: true,
    kind: node.kind,
    modeText: modeString(node.kind, node.mode),
    ino: node.ino,
    dev: node.dev,
    size: node.size,
    nlink: node.nlink,
  };
  if (node.kind === 'char' || node.kind === 'block') probe.rdev = node.rdev;
  if (node.kind === 'file' && opts.checksum) probe.sha256 = sha256File(file);
  if (xattrs && node.kind !== 'symlink') probe.xattrs = readXattrs(xattrs, file, 'trusted.overlay.');
  return probe;
}

/** Probes `rel` in every lower layer (lowest first), in upper, and in merged. */
export function probeLayers(dirs: OverlayDirs, rel: string, opts: ProbeOptions = {}): PathProbe[] {
  return [
    ...dirs.lowers.map((l) => probePath(l.name, path.join(l.dir, rel), opts)),
    probePath('upper', path.join(dirs.upper, rel), opts),
    probePath('merged', path.join(dirs.merged, rel), opts),
  ];
}

/** One probe as a line a pane shows: `upper   crw------- 0:0  ino 1234  size 0`. */
export function renderProbe(p: PathProbe): string {
  if (!p.exists) return `${p.where.padEnd(7)} (absent)`;
  const dev = (d: DevNumber) => `${d.major}:${d.minor}`;
  const parts = [p.where.padEnd(7), p.modeText ?? ''];
  if (p.rdev) parts.push(`dev ${dev(p.rdev)}`);
  parts.push(`ino ${p.ino}`, `size ${p.size}`);
  if (p.sha256) parts.push(`sha256 ${p.sha256.slice(0, 12)}`);
  for (const [k, v] of Object.entries(p.xattrs ?? {})) parts.push(`${k}=${v}`);
  return parts.join('  ');
}
