/**
 * `export-layer`: what `docker commit` does — the overlay's upper directory becomes an OCI image
 * layer tar, whiteout devices turned into `.wh.<name>` files and opaque directories into
 * `.wh..wh..opq`. Then, as `docker pull` would, every layer is applied in order onto a fresh
 * directory, and that directory is compared with the overlay's merged view.
 * The tar and the fresh directory live inside the overlay's own (ledgered) directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../i18n/index.js';
import { applyLayer } from '../../overlay/apply-layer.js';
import { compareTrees } from '../../overlay/compare.js';
import { exportLayer } from '../../overlay/export-layer.js';
import { listLayer } from '../../overlay/list-layer.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf } from './fs-lab.js';
import { arg, clauses, listOf } from './words.js';

export const exportLayerAction: ActionDef = {
  name: 'export-layer',
  get summary() {
    return t('actions.export-layer.summary');
  },
  args: { overlay: arg({ kind: 'name' }, 'actions.arg.overlay') },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const ov = overlayOf(lab, str(args, 'overlay'));
    const start = performance.now();
    const tar = path.join(ov.dir, 'upper.layer.tar');
    const { bytes } = exportLayer(ov.upper, tar);
    ctx.record({
      kind: 'write',
      name: tar,
      args: [t('actions.export-layer.bytes', { bytes })],
      result: '0',
      ok: true,
      durationMs: performance.now() - start,
    });
    const output = [`$ tar -tvf ${tar}`, ...listLayer(tar).map((l) => `${l.line}${l.meaning === 'adds' ? '' : `    ← ${l.meaning}`}`)];

    const fresh = path.join(ov.dir, 'applied');
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.mkdirSync(fresh, { mode: 0o755 });
    // Applying a layer is one write per entry: each is counted here, as the events of what ran.
    const apply = (layerTar: string) => {
      const t0 = performance.now();
      const report = applyLayer(layerTar, fresh);
      const counts = t('actions.export-layer.applied-counts', {
        added: report.added.length,
        tar: path.basename(layerTar),
        deleted: report.deleted.length,
        cleared: report.cleared.length,
      });
      ctx.record({ kind: 'write', name: fresh, args: [counts], result: '0', ok: true, durationMs: performance.now() - t0 });
      return report;
    };
    for (const lower of ov.lowers) {
      const lowerTar = path.join(ov.dir, `${lower.name}.layer.tar`);
      const t0 = performance.now();
      const written = exportLayer(lower.dir, lowerTar);
      ctx.record({
        kind: 'write',
        name: lowerTar,
        args: [t('actions.export-layer.bytes', { bytes: written.bytes })],
        result: '0',
        ok: true,
        durationMs: performance.now() - t0,
      });
      const r = apply(lowerTar);
      output.push(t('actions.export-layer.applied-lower', { name: lower.name, dir: fresh, count: r.added.length }));
    }
    const report = apply(tar);
    output.push(
      t('actions.export-layer.applied-upper', {
        added: report.added.length,
        deleted: report.deleted.length,
        names: listOf(report.deleted) || t('actions.none'),
        cleared: report.cleared.length,
      }),
    );
    const diffs = compareTrees(fresh, ov.merged, ['applied', 'merged']);
    output.push(
      diffs.length === 0
        ? t('actions.export-layer.same', { fresh, merged: ov.merged })
        : t('actions.export-layer.differ', {
            count: diffs.length,
            list: clauses(diffs.slice(0, 5).map((d) => `${d.path} (${d.what})`)),
          }),
    );
    return diffs.length === 0 ? { ok: true, output } : { ok: false, output, message: t('actions.export-layer.differs') };
  },
};
