/**
 * `overlay-layers`: one path, looked up in every layer of an overlay (`show: layers`) or in its
 * merged view (`show: merged`), with the kernel's own answers — `ls -l` mode, inode, size, device
 * numbers (a whiteout is `c 0:0`), content checksum, and overlay's trusted.* xattrs.
 *
 * The merged row is keyed by the layer the merged view serves the path from (upper first, then the
 * lowers top down), so side by side with `show: layers` the matching row lines up: before a write,
 * merged is the app layer's file (same inode, same sha256); after copy-up it is upper's content —
 * while overlay keeps the original inode number, so the inode cell is the one that differs.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { probeLayers, type PathProbe } from '../overlay/probe.js';
import { findOverlay, notMounted, OVERLAY_ARG } from './overlay-common.js';
import type { ProbeDef } from './probe.js';
import type { Row } from './view.js';

// origin and uuid are binary file handles: their first bytes are enough to see they are there.
const short = (v: string) => (v.length > 18 ? `${v.slice(0, 16)}…` : v);

function cells(name: string, p: PathProbe): string[] {
  if (!p.exists) return [name, t('probes.cell.absent'), '', '', '', '', ''];
  const dev = p.rdev ? `${p.rdev.major}:${p.rdev.minor}` : '';
  const xattrs = Object.entries(p.xattrs ?? {})
    .map(([k, v]) => `${k.replace('trusted.overlay.', 'overlay.')}=${short(v)}`)
    .join(' ');
  return [name, p.modeText ?? '', p.ino ?? '', String(p.size ?? ''), dev, p.sha256?.slice(0, 12) ?? '', xattrs];
}

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['layer', 'mode', 'inode', 'size', 'rdev', 'sha256', 'xattrs'];

export const overlayLayersProbe: ProbeDef = {
  name: 'overlay-layers',
  columns: COLUMNS,
  summary:
    'One path in each layer of a lab overlay, or in its merged view: mode, inode, size, device numbers, sha256, trusted.overlay.* xattrs.',
  args: {
    overlay: OVERLAY_ARG,
    path: { type: { kind: 'inner-path' }, doc: 'the path inside the overlay, e.g. app/config/settings.conf' },
    show: { type: { kind: 'enum', values: ['layers', 'merged'] }, default: 'layers', doc: 'the path in each layer, or in the merged view' },
    checksum: { type: { kind: 'enum', values: ['yes', 'no'] }, default: 'yes', doc: 'hash regular files (reads them whole)' },
  },
  title: (_root, args) =>
    args.show === 'merged'
      ? t('probes.title.overlay-merged', { path: String(args.path), merged: 'merged' })
      : t('probes.title.overlay-layers', { path: String(args.path) }),
  async run({ procRoot, args }) {
    const name = String(args.overlay);
    const rel = String(args.path).replace(/^\/+/, '');
    const merged = args.show === 'merged';
    const dirs = findOverlay(name, procRoot);
    const title = merged
      ? t('probes.title.overlay-merged', { path: rel, merged: dirs?.merged ?? 'merged' })
      : t('probes.title.overlay-layers', { path: rel });
    if (!dirs) return { title, rows: [], note: notMounted(name) };
    if (path.normalize(rel).startsWith('..')) return { title, rows: [], note: t('probes.overlay.outside', { path: rel }) };
    const probes = probeLayers(dirs, rel, { checksum: args.checksum !== 'no' });
    const layers = probes.slice(0, -1);
    const columns = COLUMNS;
    if (!merged) return { title, columns, rows: layers.map((p): Row => ({ key: p.where, cells: cells(p.where, p) })) };
    const m = probes[probes.length - 1]!;
    // The layer serving the path: the topmost one that has it (a whiteout there means: deleted).
    const from = [...layers].reverse().find((p) => p.exists)?.where ?? 'upper';
    return {
      title,
      columns,
      rows: [{ key: from, cells: cells(from, m) }],
      note: m.exists ? t('probes.overlay.merged-from', { path: rel, layer: from }) : t('probes.overlay.not-in-merged', { path: rel }),
    };
  },
};
