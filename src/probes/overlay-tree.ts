/**
 * `overlay-tree`: `ls -lR` of one directory of a lab overlay — upper, merged, or a lower layer —
 * with device numbers (a whiteout is a character device 0:0) and the trusted.overlay.* marks.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { modeString, walkTree } from '../overlay/tree.js';
import { findOverlay, notMounted, OVERLAY_ARG } from './overlay-common.js';
import type { ProbeDef } from './probe.js';

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['path', 'mode', 'size or dev', 'overlay'];

export const overlayTreeProbe: ProbeDef = {
  name: 'overlay-tree',
  columns: COLUMNS,
  summary:
    "The entries under a directory of a lab overlay's upper, merged view or a lower layer, with mode, size, device numbers and overlay marks.",
  args: {
    overlay: OVERLAY_ARG,
    layer: { type: { kind: 'string' }, default: 'merged', doc: "`upper`, `merged`, or a lower layer's name" },
    under: { type: { kind: 'inner-path' }, default: 'app', doc: 'the directory to list, inside the overlay' },
  },
  title: (_root, args) => `ls -lR ${String(args.layer)}/${String(args.under)}`,
  async run({ procRoot, args }) {
    const name = String(args.overlay);
    const layer = String(args.layer);
    const under = String(args.under).replace(/^\/+|\/+$/g, '');
    const dirs = findOverlay(name, procRoot);
    if (!dirs) return { title: `ls -lR ${layer}/${under}`, rows: [], note: notMounted(name) };
    const base = layer === 'upper' ? dirs.upper : layer === 'merged' ? dirs.merged : dirs.lowers.find((l) => l.name === layer)?.dir;
    if (!base) return { title: `ls -lR ${layer}/${under}`, rows: [], note: t('probes.overlay.no-layer', { name, layer }) };
    const root = path.join(base, under);
    const title = `ls -lR ${root}`;
    let nodes: ReturnType<typeof walkTree>;
    try {
      nodes = walkTree(root);
    } catch {
      return { title, rows: [], note: t('probes.overlay.not-in-layer', { path: root }) };
    }
    const rows = nodes.map((n) => {
      const marks = [
        n.overlay.whiteout ? 'whiteout' : '',
        n.overlay.opaque ? 'opaque=y' : '',
        n.overlay.redirect ? `redirect=${n.overlay.redirect}` : '',
        n.overlay.metacopy ? 'metacopy' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const size = n.kind === 'char' || n.kind === 'block' ? `${n.rdev.major}, ${n.rdev.minor}` : String(n.size);
      return { key: n.path, cells: [n.path + (n.kind === 'dir' ? '/' : ''), modeString(n.kind, n.mode), size, marks] };
    });
    return { title, columns: COLUMNS, rows };
  },
};
