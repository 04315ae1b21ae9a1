/**
 * Which directories a mounted overlay is made of — read from the kernel, not remembered.
 *
 * The overlay's mountinfo row carries its mount options: `lowerdir=A:B,upperdir=U,workdir=W`
 * (lowerdir lists the top layer first). Reading them back is how `docker inspect` fills its
 * GraphDriver.Data, and how a probe can point at the layers of any overlay the lab mounted.
 */
import path from 'node:path';
import { parseMountinfo } from '../mounts/mountinfo.js';
import type { OverlayDirs } from './probe.js';

/** A layer's name from its rootfs-cache path (`…/layers/app-1a2b3c4d5e6f/diff` → `app`). */
export function layerNameOf(dir: string): string {
  const parent = path.basename(path.dirname(dir));
  return path.basename(dir) === 'diff' ? parent.replace(/-[0-9a-f]{12}$/, '') : path.basename(dir);
}

/** The overlay mounted at `merged`, per `mountinfo` text; undefined when none is mounted there. */
export function overlayDirsFromMountinfo(mountinfo: string, merged: string): OverlayDirs | undefined {
  const row = parseMountinfo(mountinfo)
    .filter((m) => m.mountPoint === merged && m.fstype === 'overlay')
    .pop();
  if (!row) return undefined;
  const opt = (name: string) => row.superOptions.find((o) => o.startsWith(`${name}=`))?.slice(name.length + 1);
  const lowerdir = opt('lowerdir');
  const upper = opt('upperdir');
  const work = opt('workdir');
  if (!lowerdir || !upper || !work) return undefined;
  // mountinfo escapes `,` and `:` in these paths with a backslash; the lab's paths hold neither.
  const lowers = lowerdir
    .split(':')
    .reverse()
    .map((dir) => ({ name: layerNameOf(dir), dir }));
  return { lowers, upper, work, merged };
}
