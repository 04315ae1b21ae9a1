/**
 * Export: an overlay upper directory → an OCI image layer tar.
 *
 * This is what `docker commit` (and the last step of `docker build`) does with a container's upper
 * directory (`/var/lib/docker/overlay2/<id>/diff`): everything in upper is the change the container
 * made, so it becomes one layer. Overlay's whiteout devices and opaque xattrs are rewritten into the
 * image spec's `.wh.` names on the way (see `whiteout.ts`).
 *
 * Two overlay features store a change that upper alone does not describe: a redirected directory
 * (trusted.overlay.redirect, from renaming a lower directory with redirect_dir=on) and a metacopy
 * file (trusted.overlay.metacopy, data still in a lower layer). Docker falls back to comparing the
 * merged view with the lowers for those; this exporter refuses them with a sentence instead.
 * Sockets cannot be stored in a tar and are left out (GNU tar does the same). Extended attributes
 * other than overlay's own are not carried.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import type { TarHeader } from './tar-header.js';
import { fileChunks, writeTarFile, type TarWriteEntry } from './tar-write.js';
import { walkTree, type TreeNode } from './tree.js';
import { opaqueMarkerFor, whiteoutNameFor } from './whiteout.js';

export class LayerExportError extends Error {
  override name = 'LayerExportError';
}

/** The tar entries for an upper directory, already walked into `nodes` (parents first). */
export function layerEntries(upper: string, nodes: readonly TreeNode[]): TarWriteEntry[] {
  const entries: TarWriteEntry[] = [];
  const firstPathOfInode = new Map<string, string>();
  for (const node of nodes) {
    const base: TarHeader = { path: node.path, type: 'file', mode: node.mode, uid: node.uid, gid: node.gid, size: 0, mtime: node.mtime };
    if (node.overlay.redirect !== undefined) {
      throw new LayerExportError(t('runtime.layer.redirect', { path: node.path, redirect: node.overlay.redirect }));
    }
    if (node.overlay.metacopy) {
      throw new LayerExportError(t('runtime.layer.metacopy', { path: node.path }));
    }
    if (node.overlay.whiteout) {
      // Docker's overlay2 writes whiteouts as empty regular files, mode 0600, owned like the device.
      entries.push({ ...base, path: whiteoutNameFor(node.path), mode: 0o600 });
      continue;
    }
    switch (node.kind) {
      case 'dir':
        entries.push({ ...base, type: 'dir' });
        if (node.overlay.opaque) entries.push({ ...base, path: opaqueMarkerFor(node.path), mode: node.mode & 0o777 });
        break;
      case 'file': {
        const first = node.nlink > 1 ? firstPathOfInode.get(node.ino) : undefined;
        if (first !== undefined) {
          entries.push({ ...base, type: 'hardlink', linkname: first });
          break;
        }
        if (node.nlink > 1) firstPathOfInode.set(node.ino, node.path);
        const file = path.join(upper, node.path);
        entries.push({ ...base, size: node.size, body: () => fileChunks(file) });
        break;
      }
      case 'symlink':
        entries.push({ ...base, type: 'symlink', linkname: node.linkTarget ?? '' });
        break;
      case 'char':
      case 'block':
        entries.push({ ...base, type: node.kind, devmajor: node.rdev.major, devminor: node.rdev.minor });
        break;
      case 'fifo':
        entries.push({ ...base, type: 'fifo' });
        break;
      case 'socket':
        break;
    }
  }
  return entries;
}

/** Walks `upper` and writes it to `tarFile` as an OCI layer. Returns the headers written and the tar's size. */
export function exportLayer(upper: string, tarFile: string): { entries: TarHeader[]; bytes: number } {
  const entries = layerEntries(upper, walkTree(upper));
  const bytes = writeTarFile(tarFile, entries);
  return { entries: entries.map(({ body: _body, ...header }) => header), bytes };
}
