/**
 * `overlay-layers`: one path, looked up in every layer of an overlay and in its merged view, with
 * the kernel's own answers — `ls -l` mode, inode, size, device numbers (a whiteout is `c 0:0`),
 * content checksum, and overlay's trusted.* xattrs. It shows copy-up (the path appears in upper
 * while the lower copy keeps its checksum), whiteouts, and opaque directories.
 */
import path from 'node:path';
import { probeLayers } from '../overlay/probe.js';
import { findOverlay, notMounted, OVERLAY_ARG } from './overlay-common.js';
import type { ProbeDef } from './probe.js';

export const overlayLayersProbe: ProbeDef = {
  name: 'overlay-layers',
  summary: 'One path in each layer of a lab overlay and in its merged view: mode, inode, size, device numbers, sha256, trusted.overlay.* xattrs.',
  args: {
    overlay: OVERLAY_ARG,
    path: { type: { kind: 'string' }, doc: 'the path inside the overlay, e.g. app/config.json' },
    checksum: { type: { kind: 'enum', values: ['yes', 'no'] }, default: 'yes', doc: 'hash regular files (reads them whole)' },
  },
  title: (_root, args) => `stat + getfattr of ${String(args.path)} in each layer`,
  async run({ procRoot, args }) {
    const name = String(args.overlay);
    const rel = String(args.path).replace(/^\/+/, '');
    const title = `stat + getfattr of ${rel} in each layer`;
    const dirs = findOverlay(name, procRoot);
    if (!dirs) return { title, rows: [], note: notMounted(name) };
    if (path.normalize(rel).startsWith('..')) return { title, rows: [], note: `${rel} is outside the overlay.` };
    const probes = probeLayers(dirs, rel, { checksum: args.checksum !== 'no' });
    const rows = probes.map((p) => {
      const dev = p.rdev ? `${p.rdev.major}:${p.rdev.minor}` : '';
      // origin and uuid are binary file handles: their first bytes are enough to see they are there.
      const short = (v: string) => (v.length > 18 ? `${v.slice(0, 16)}…` : v);
      const xattrs = Object.entries(p.xattrs ?? {}).map(([k, v]) => `${k.replace('trusted.overlay.', 'overlay.')}=${short(v)}`).join(' ');
      return {
        key: p.where,
        cells: p.exists
          ? [p.where, p.modeText ?? '', p.ino ?? '', String(p.size ?? ''), dev, p.sha256?.slice(0, 12) ?? '', xattrs]
          : [p.where, '(absent)', '', '', '', '', ''],
      };
    });
    return { title, columns: ['layer', 'mode', 'inode', 'size', 'rdev', 'sha256', 'xattrs'], rows };
  },
};
