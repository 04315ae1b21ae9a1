/**
 * `mount-overlay`: builds (or takes from the cache) the named rootfs layers and mounts them as an
 * overlay in the host's mount namespace, laid out like Docker's overlay2 — what dockerd does before
 * runc starts a container. Mounting a name again first removes the previous one (a fresh upper).
 */
import { t } from '../../i18n/index.js';
import { ensureRootfs } from '../../rootfs/index.js';
import { mountHostOverlay, unmountHostOverlay } from '../../runtime/host-overlay/index.js';
import type { ActionDef } from './action.js';
import { list, str } from './action.js';
import { fsLab } from './fs-lab.js';
import { arg } from './words.js';

export const mountOverlayAction: ActionDef = {
  name: 'mount-overlay',
  get summary() {
    return t('actions.mount-overlay.summary');
  },
  args: {
    name: arg({ kind: 'name' }, 'actions.mount-overlay.arg.name'),
    layers: arg({ kind: 'list', values: ['base', 'app'] }, 'actions.mount-overlay.arg.layers', { default: ['base', 'app'] }),
    escape: arg({ kind: 'enum', values: ['yes', 'no'] }, 'actions.mount-overlay.arg.escape', { default: 'no' }),
  },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const name = str(args, 'name');
    const ctxOv = {
      kernel: lab.kernel,
      ledger: lab.ledger,
      paths: lab.paths,
      emit: (e: Parameters<typeof ctx.record>[0]) => ctx.record(e),
    };
    const previous = lab.overlays.get(name);
    if (previous) {
      await unmountHostOverlay(ctxOv, previous);
      lab.overlays.delete(name);
    }
    const rootfs = await ensureRootfs({ stateDir: lab.paths.stateDir, layerNames: list(args, 'layers'), emit: (e) => ctx.record(e) });
    const ov = await mountHostOverlay(
      ctxOv,
      name,
      rootfs.layers.map((l) => ({ name: l.name, dir: l.dir })),
    );
    lab.overlays.set(name, ov);
    // Node takes ~80 ms to start: have the escape helper ready before the learner gets there.
    if (str(args, 'escape') === 'yes') lab.escapes.prewarm();
    return {
      ok: true,
      output: [
        t('actions.mount-overlay.mounted', { merged: ov.merged }),
        ...ov.lowers.map((l) => `  lowerdir ${l.name}: ${l.dir}`),
        `  upperdir: ${ov.upper}`,
        `  workdir:  ${ov.work}`,
      ],
    };
  },
};
