/**
 * A host-side overlay mount, laid out like Docker's overlay2.
 *
 * Docker mounts each container's overlay in the HOST's mount namespace, at
 * /var/lib/docker/overlay2/<id>/merged, and only then lets runc pivot_root into it: that is why
 * `findmnt -t overlay` on a Docker host lists one mount per running container. The filesystem
 * lessons do the same, so the host can look at every part of one overlay at once:
 *
 *   <stateDir>/layers/<layer>-<digest>/diff    the read-only lower layers (from the rootfs builder)
 *   <stateDir>/containers/<name>/upper         ≈ overlay2/<id>/diff: this mount's writable layer
 *   <stateDir>/containers/<name>/work          overlay's scratch space (same filesystem as upper)
 *   <stateDir>/containers/<name>/merged        the mount point: the union a container sees as /
 *
 * Each resource is written in the ledger the moment it exists — the directory before anything is
 * put in it, the mount right after mount(2) returns — so a crash at any point leaves nothing the
 * next start cannot find. Runtime container ids never hold a `-`; host overlay names must, so the
 * two never share a directory.
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { describeEntry, type Ledger, type LedgerEntry } from '../ledger.js';
import { containerDir, type LabPaths } from '../paths.js';
import { ensurePrivateDir } from '../../rootfs/state-dir.js';
import { isMountPoint, teardown } from '../teardown.js';

export interface HostOverlayContext {
  /** Mounts go through this (wrap it with `traced()` to report each call). */
  kernel: Kernel;
  ledger: Ledger;
  paths: LabPaths;
  /** Receives the mkdir(2) events; mount events come from the (traced) kernel. */
  emit?: (event: PrimitiveEvent) => void;
}

export interface HostOverlay {
  name: string;
  /** containers/<name> */
  dir: string;
  /** Lower layers, lowest first. */
  lowers: { name: string; dir: string }[];
  upper: string;
  work: string;
  merged: string;
  /** The exact `data` argument given to mount(2). */
  options: string;
  /** Ledger ids of the directory and the mount, in creation order. */
  ledgerIds: string[];
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)+$/;

function mkdirReported(dir: string, emit: HostOverlayContext['emit']): void {
  const start = performance.now();
  fs.mkdirSync(dir, { mode: 0o700 });
  emit?.({
    kind: 'syscall',
    name: 'mkdir',
    args: [JSON.stringify(dir), '0700'],
    result: '0',
    ok: true,
    durationMs: performance.now() - start,
  });
}

/**
 * Makes containers/<name>/{upper,work,merged} and mounts the overlay of `lowers` (lowest first)
 * on merged. Throws (after removing what it made) if any step fails.
 */
export async function mountHostOverlay(
  ctx: HostOverlayContext,
  name: string,
  lowers: readonly { name: string; dir: string }[],
): Promise<HostOverlay> {
  if (!NAME.test(name)) throw new Error(t('runtime.overlay.bad-name', { name }));
  if (lowers.length === 0) throw new Error(t('runtime.overlay.no-lower'));
  const dir = containerDir(ctx.paths, name);
  await ensurePrivateDir(path.dirname(dir));
  if (fs.lstatSync(dir, { throwIfNoEntry: false })) {
    throw new Error(t('runtime.overlay.left-behind', { dir }));
  }
  const ov: HostOverlay = {
    name,
    dir,
    lowers: lowers.map((l) => ({ ...l })),
    upper: path.join(dir, 'upper'),
    work: path.join(dir, 'work'),
    merged: path.join(dir, 'merged'),
    // overlay's lowerdir lists the TOP layer first.
    options: '',
    ledgerIds: [],
  };
  ov.options = `lowerdir=${[...lowers]
    .reverse()
    .map((l) => l.dir)
    .join(':')},upperdir=${ov.upper},workdir=${ov.work}`;
  try {
    // Into the ledger before it is made (see shared-mount.ts): a kill in between leaves only an
    // entry for something absent.
    ov.ledgerIds.push(ctx.ledger.add({ kind: 'dir', path: dir }));
    mkdirReported(dir, ctx.emit);
    for (const d of [ov.upper, ov.work, ov.merged]) mkdirReported(d, ctx.emit);
    // upper becomes the root of the merged view: give it the mode a root directory has.
    fs.chmodSync(ov.upper, 0o755);
    ov.ledgerIds.push(ctx.ledger.add({ kind: 'mount', target: ov.merged }));
    ctx.kernel.mount('overlay', ov.merged, 'overlay', 0, ov.options);
    return ov;
  } catch (err) {
    await unmountHostOverlay(ctx, ov);
    throw err;
  }
}

/** True while the resource a ledger entry names still exists. */
function stillThere(entry: LedgerEntry): boolean {
  if (entry.kind === 'mount') return isMountPoint(entry.target);
  if (entry.kind === 'dir') return fs.lstatSync(entry.path, { throwIfNoEntry: false }) !== undefined;
  return false;
}

/**
 * Unmounts the overlay and removes its directories, newest first. An entry leaves the ledger only
 * once its resource is really gone; if one cannot be removed, this throws and the ledger keeps it
 * for `container-lab cleanup`.
 */
export async function unmountHostOverlay(ctx: HostOverlayContext, ov: HostOverlay): Promise<void> {
  await releaseLedgered(ctx, ov.ledgerIds);
}

/**
 * Tears down the resources behind `ids` (ledger ids, oldest first) newest first, and removes each
 * id from the array and from the ledger once its resource is gone.
 */
export async function releaseLedgered(ctx: Omit<HostOverlayContext, 'emit'>, ids: string[]): Promise<void> {
  const live = new Map(ctx.ledger.entries().map((r) => [r.id, r.entry]));
  for (const id of [...ids].reverse()) {
    const entry = live.get(id);
    if (entry) {
      await teardown(entry, { kernel: ctx.kernel, paths: ctx.paths });
      if (stillThere(entry)) throw new Error(t('runtime.overlay.not-removed', { what: describeEntry(entry) }));
    }
    ctx.ledger.remove(id);
    ids.splice(ids.indexOf(id), 1);
  }
}
