/**
 * `mount-experiment`: the mount-namespace lesson's experiments, each in a mount namespace the lab
 * makes for it (util-linux `unshare --mount`) and that dies with its helper process:
 * (The escapes run in a helper the lab keeps started ahead of time, see runtime/mount-ns.)
 *   chroot-escape       chroot into the overlay's merged view, then the classic escape
 *   pivot-escape        pivot_root into it with the old root detached, then the same escape
 *   propagate-shared    a mount made in a namespace copied with propagation unchanged, under a
 *                       shared mount: it appears on the host (left there for the next step to show;
 *                       ledgered; `revert-propagation` removes it)
 *   propagate-private   the same after MS_REC|MS_PRIVATE: the host sees nothing
 * After the escape the helper only reads (`ls /`, /etc/os-release).
 */
import { t } from '../../i18n/index.js';
import { findMount, parseMountinfo, propagationFields } from '../../mounts/mountinfo.js';
import type { EscapeResult } from '../../mounts/escape.js';
import { releaseLedgered } from '../../runtime/host-overlay/index.js';
import { makeSharedMount, mountFromNewNamespace } from '../../runtime/mount-ns/index.js';
import fs from 'node:fs';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf, type FsLab } from './fs-lab.js';
import { padText } from '../../i18n/text-width.js';
import { arg } from './words.js';

/** The propagation report's labels, in one column however wide the language writes them. */
const side = (label: string) => padText(label, 22);

const EXPERIMENTS = ['chroot-escape', 'pivot-escape', 'propagate-shared', 'propagate-private'] as const;

async function propagate(lab: FsLab, propagation: 'unchanged' | 'private', emit: (e: PrimitiveEvent) => void): Promise<string[]> {
  await releaseLedgered(lab, lab.propagation);
  const shared = await makeSharedMount(lab.kernel, lab.ledger, lab.paths, 'demo');
  lab.propagation.push(...shared.ledgerIds);
  const hostRow = findMount(parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')), shared.dir);
  // The mount made in the new namespace may propagate back here: it is in the ledger before it can
  // exist, and if it never arrives its teardown finds nothing to do.
  lab.propagation.push(lab.ledger.add({ kind: 'mount', target: shared.inside }));
  const { mountinfoInside } = await mountFromNewNamespace(propagation, shared.inside, 'clab-demo', emit);
  const onHost = findMount(parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')), shared.inside);
  const inRow = findMount(parseMountinfo(mountinfoInside), shared.dir);
  const host = side(t('actions.mount-experiment.host'));
  return [
    `${host}${shared.dir}  ${propagationFields(hostRow?.propagation ?? {}) || 'private'}`,
    `${side(t('actions.mount-experiment.new-sees'))}${shared.dir}  ${propagationFields(inRow?.propagation ?? {}) || 'private'}  (unshare --propagation ${propagation})`,
    `${side(t('actions.mount-experiment.new'))}${t('actions.mount-experiment.mounted-inside', { path: shared.inside })}`,
    host +
      (onHost
        ? t('actions.mount-experiment.reached-host', { path: shared.inside, fstype: onHost.fstype, source: onHost.source })
        : t('actions.mount-experiment.nothing-on-host', { path: shared.inside })),
  ];
}

export const mountExperimentAction: ActionDef = {
  name: 'mount-experiment',
  get summary() {
    return t('actions.mount-experiment.summary');
  },
  args: {
    experiment: arg({ kind: 'enum', values: EXPERIMENTS }, 'actions.mount-experiment.arg.experiment'),
    overlay: arg({ kind: 'name' }, 'actions.mount-experiment.arg.overlay', { default: 'overlay-m' }),
  },
  // The propagation experiments run util-linux's unshare and mount on the host; the escapes need neither.
  hostPrograms: [
    { anyOf: ['unshare'], when: { experiment: ['propagate-shared', 'propagate-private'] } },
    { anyOf: ['mount'], when: { experiment: ['propagate-shared', 'propagate-private'] } },
  ],
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const experiment = str(args, 'experiment');
    try {
      const emit = (e: PrimitiveEvent) => ctx.record(e);
      if (experiment === 'propagate-shared') return { ok: true, output: await propagate(lab, 'unchanged', emit) };
      if (experiment === 'propagate-private') return { ok: true, output: await propagate(lab, 'private', emit) };
      const ov = overlayOf(lab, str(args, 'overlay'));
      const name = experiment === 'chroot-escape' ? 'chroot-escape' : 'pivot-escape';
      const out = await lab.escapes.run<EscapeResult>(name, ov.merged, emit);
      if (!out.ok || !out.result)
        return {
          ok: false,
          output: [],
          message: t('actions.mount-experiment.failed', { error: out.error ?? t('actions.mount-experiment.no-result') }),
        };
      const r = out.result;
      return {
        ok: true,
        output: [
          `${padText(t('actions.mount-experiment.before'), 21)}ls / → ${r.before.entries.join(' ')}   (${r.before.osName})`,
          `${padText(t('actions.mount-experiment.after'), 21)}ls / → ${r.after.entries.join(' ')}   (${r.after.osName})`,
          r.escaped ? t('actions.mount-experiment.escaped') : t('actions.mount-experiment.not-escaped'),
        ],
      };
    } catch (err) {
      return { ok: false, output: [], message: (err as Error).message };
    }
  },
};

export const revertPropagationAction: ActionDef = {
  name: 'revert-propagation',
  get summary() {
    return t('actions.revert-propagation.summary');
  },
  args: {},
  async run(ctx) {
    const lab = fsLab(ctx);
    const n = lab.propagation.length;
    await releaseLedgered(lab, lab.propagation);
    return {
      ok: true,
      output: [n ? t('actions.revert-propagation.done') : t('actions.revert-propagation.nothing')],
    };
  },
};
