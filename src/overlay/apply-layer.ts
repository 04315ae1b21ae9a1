/**
 * Import: apply an OCI image layer tar onto a directory — what `docker pull` does for each layer of
 * an image, lowest first, to build the read-only lower directories a container starts from.
 *
 * Each entry is either content (created or replaced), a whiteout `.wh.<name>` (the path is deleted
 * from what the layers below put there), or an opaque marker `.wh..wh..opq` (everything the layers
 * below put in that directory is deleted). Anything this same layer adds is kept, whatever the order
 * of entries in the tar. Applying every layer of an image in order onto an empty directory gives
 * exactly what the merged view of an overlay of the same layers shows.
 *
 * A layer is untrusted input: a path with `..`, or one that would pass through a symlink, is refused,
 * so no entry can write outside the target directory. Device nodes and fifos are refused too: Node
 * has no mknod(2), and the lab's layers hold none. File owners are set only when running as root.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { entryChunks, fdSource, readTarEntries, type TarEntry, type TarSource } from './tar-read.js';
import { byteOrder } from './tree.js';
import { readLayerName } from './whiteout.js';

export interface ApplyReport {
  /** Paths this layer created or replaced. */
  added: string[];
  /** Paths removed by a whiteout. */
  deleted: string[];
  /** Directories emptied by an opaque marker, with what was removed from each. */
  cleared: Array<{ dir: string; removed: string[] }>;
}

export class LayerApplyError extends Error {
  override name = 'LayerApplyError';
}

/** Checks a layer path and returns its parts; refuses absolute paths and `..`. */
function safeParts(p: string): string[] {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.length === 0 || parts.includes('..') || p.startsWith('/')) {
    throw new LayerApplyError(t('runtime.layer.outside', { path: p }));
  }
  return parts;
}

/** Makes the parent directories of `parts` inside `root`, refusing to pass through a symlink. */
function ensureParents(root: string, parts: readonly string[]): void {
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    const st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) fs.mkdirSync(dir, { mode: 0o755 });
    else if (st.isSymbolicLink()) throw new LayerApplyError(t('runtime.layer.through-symlink', { dir }));
    else if (!st.isDirectory()) throw new LayerApplyError(t('runtime.layer.file-in-way', { dir }));
  }
}

/**
 * True if every parent directory of `parts` exists inside `root` as a real directory. A whiteout
 * under a symlink is refused: following it could delete a file outside the target directory.
 */
function parentsExist(root: string, parts: readonly string[]): boolean {
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    const st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) return false;
    if (st.isSymbolicLink()) throw new LayerApplyError(t('runtime.layer.whiteout-through-symlink', { dir }));
    if (!st.isDirectory()) return false;
  }
  return true;
}

const exists = (p: string): boolean => fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;

function setOwnerAndTimes(file: string, e: TarEntry, isSymlink: boolean): void {
  if (process.getuid?.() === 0) fs.lchownSync(file, e.uid, e.gid);
  if (!isSymlink) fs.chmodSync(file, e.mode);
  fs.lutimesSync(file, e.mtime, e.mtime);
}

/** Applies the layer in `src` onto `root`. */
export function applyLayerSource(src: TarSource, root: string): ApplyReport {
  const report: ApplyReport = { added: [], deleted: [], cleared: [] };
  const entries = readTarEntries(src);
  const addedHere = new Set<string>();
  const dirTimes: TarEntry[] = [];
  for (const e of entries) {
    const parts = safeParts(e.path);
    const rel = parts.join('/');
    const name = readLayerName(rel);
    const target = path.join(root, ...parts);
    if (name.kind === 'whiteout') {
      const victimParts = safeParts(name.deletes);
      const victim = path.join(root, ...victimParts);
      if (!addedHere.has(name.deletes) && parentsExist(root, victimParts) && exists(victim)) {
        fs.rmSync(victim, { recursive: true, force: true });
        report.deleted.push(name.deletes);
      }
      continue;
    }
    if (name.kind === 'opaque') {
      if (!parentsExist(root, parts)) continue;
      const dir = path.join(root, ...parts.slice(0, -1));
      const removed: string[] = [];
      for (const child of fs.readdirSync(dir).sort(byteOrder)) {
        const childRel = name.clears === '' ? child : `${name.clears}/${child}`;
        if (addedHere.has(childRel)) continue;
        fs.rmSync(path.join(dir, child), { recursive: true, force: true });
        removed.push(childRel);
      }
      report.cleared.push({ dir: name.clears, removed });
      continue;
    }
    ensureParents(root, parts);
    const current = fs.lstatSync(target, { throwIfNoEntry: false });
    if (current && !(current.isDirectory() && e.type === 'dir')) fs.rmSync(target, { recursive: true, force: true });
    switch (e.type) {
      case 'dir':
        if (!current?.isDirectory()) fs.mkdirSync(target, { mode: e.mode });
        dirTimes.push(e);
        break;
      case 'file': {
        const fd = fs.openSync(target, 'wx', e.mode);
        try {
          for (const chunk of entryChunks(src, e)) fs.writeSync(fd, chunk);
        } finally {
          fs.closeSync(fd);
        }
        break;
      }
      case 'symlink':
        fs.symlinkSync(e.linkname ?? '', target);
        break;
      case 'hardlink': {
        const linkParts = safeParts(e.linkname ?? '');
        ensureParents(root, linkParts);
        fs.linkSync(path.join(root, ...linkParts), target);
        break;
      }
      default:
        throw new LayerApplyError(t('runtime.layer.no-mknod', { path: rel, type: e.type }));
    }
    if (e.type !== 'dir') setOwnerAndTimes(target, e, e.type === 'symlink');
    addedHere.add(rel);
    report.added.push(rel);
  }
  // A directory's mtime changes whenever an entry is added inside it, so directories get theirs last,
  // deepest first.
  for (const e of dirTimes.reverse()) setOwnerAndTimes(path.join(root, ...safeParts(e.path)), e, false);
  return report;
}

/** Applies the layer tar at `tarFile` onto the directory `root`. */
export function applyLayer(tarFile: string, root: string): ApplyReport {
  const fd = fs.openSync(tarFile, 'r');
  try {
    return applyLayerSource(fdSource(fd), root);
  } finally {
    fs.closeSync(fd);
  }
}
