/**
 * `export-layer`: what `docker commit` does — the overlay's upper directory becomes an OCI image
 * layer tar, whiteout devices turned into `.wh.<name>` files and opaque directories into
 * `.wh..wh..opq`. Then, as `docker pull` would, every layer is applied in order onto a fresh
 * directory, and that directory is compared with the overlay's merged view.
 * The tar and the fresh directory live inside the overlay's own (ledgered) directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyLayer } from '../../overlay/apply-layer.js';
import { compareTrees } from '../../overlay/compare.js';
import { exportLayer } from '../../overlay/export-layer.js';
import { listLayer } from '../../overlay/list-layer.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf } from './fs-lab.js';

export const exportLayerAction: ActionDef = {
  name: 'export-layer',
  summary:
    "Exports a lab overlay's upper dir as an OCI layer tar (.wh. whiteouts), applies all layers onto a fresh dir, and compares it with merged.",
  args: { overlay: { type: { kind: 'name' }, doc: 'the overlay, as named by mount-overlay' } },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const ov = overlayOf(lab, str(args, 'overlay'));
    const start = performance.now();
    const tar = path.join(ov.dir, 'upper.layer.tar');
    const { bytes } = exportLayer(ov.upper, tar);
    ctx.record({ kind: 'write', name: tar, args: [`${bytes} bytes`], result: '0', ok: true, durationMs: performance.now() - start });
    const output = [`$ tar -tvf ${tar}`, ...listLayer(tar).map((l) => `${l.line}${l.meaning === 'adds' ? '' : `    ← ${l.meaning}`}`)];

    const fresh = path.join(ov.dir, 'applied');
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.mkdirSync(fresh, { mode: 0o755 });
    // Applying a layer is one write per entry: each is counted here, as the events of what ran.
    const apply = (layerTar: string) => {
      const t0 = performance.now();
      const report = applyLayer(layerTar, fresh);
      const counts = `${report.added.length} entries from ${path.basename(layerTar)}, ${report.deleted.length} deleted, ${report.cleared.length} opaque dirs cleared`;
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
        args: [`${written.bytes} bytes`],
        result: '0',
        ok: true,
        durationMs: performance.now() - t0,
      });
      const r = apply(lowerTar);
      output.push(`applied layer ${lower.name} onto ${fresh}: ${r.added.length} entries`);
    }
    const report = apply(tar);
    output.push(
      `applied upper.layer.tar: ${report.added.length} added, ${report.deleted.length} deleted (${report.deleted.join(', ') || 'none'}), ${report.cleared.length} opaque dirs cleared`,
    );
    const diffs = compareTrees(fresh, ov.merged, ['applied', 'merged']);
    output.push(
      diffs.length === 0
        ? `compared ${fresh} with ${ov.merged}: every path, type, mode, owner and sha256 is the same`
        : `compared with merged: ${diffs.length} differences: ${diffs
            .slice(0, 5)
            .map((d) => `${d.path} (${d.what})`)
            .join('; ')}`,
    );
    return diffs.length === 0
      ? { ok: true, output }
      : { ok: false, output, message: 'The applied layers differ from the merged view; the differences are listed above.' };
  },
};
