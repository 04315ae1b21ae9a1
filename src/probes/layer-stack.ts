/**
 * `layer-stack`: the overlay's layers drawn from the live directories — for every path, which layer
 * the merged view takes it from (●), which lower directories are merged in (+), which copies are
 * hidden (○) and which names a whiteout deletes (✕).
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { stackRows } from '../overlay/stack.js';
import { walkTree } from '../overlay/tree.js';
import { findOverlay, notMounted, OVERLAY_ARG } from './overlay-common.js';
import type { ProbeDef } from './probe.js';

export const layerStackProbe: ProbeDef = {
  name: 'layer-stack',
  columns: ['path', 'upper'],
  moreColumns: 'one per lower layer, named after it, top down (e.g. app, base)',
  summary: 'Which layer of a lab overlay each path under a directory comes from, drawn from the live upper and lower directories.',
  args: {
    overlay: OVERLAY_ARG,
    under: { type: { kind: 'inner-path' }, default: 'app', doc: 'the directory to draw, inside the overlay' },
  },
  title: (_root, args) => t('probes.title.layer-stack', { under: String(args.under) }),
  async run({ procRoot, args }) {
    const name = String(args.overlay);
    const under = String(args.under).replace(/^\/+|\/+$/g, '');
    const title = t('probes.title.layer-stack', { under });
    const dirs = findOverlay(name, procRoot);
    if (!dirs) return { title, rows: [], note: notMounted(name) };
    const layers = [...dirs.lowers, { name: 'upper', dir: dirs.upper }];
    const walked = layers.map((l) => ({
      name: l.name,
      nodes: walkTree(l.dir).filter((n) => n.path === under || n.path.startsWith(`${under}/`)),
    }));
    const names = layers.map((l) => l.name);
    const top = names.slice().reverse();
    const rows = stackRows(walked)
      .filter((r) => r.path !== under)
      .map((r) => ({
        key: path.relative(under, r.path),
        cells: [
          path.relative(under, r.path) + (r.kind === 'dir' ? '/' : ''),
          ...top.map((l) =>
            l === r.from ? (r.kind === 'deleted' ? '✕' : '●') : r.mergedWith.includes(l) ? '+' : r.hidden.includes(l) ? '○' : '',
          ),
        ],
      }));
    return { title, columns: ['path', ...top], rows };
  },
};
