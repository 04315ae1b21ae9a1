/**
 * `mount-experiment`: the mount-namespace lesson's experiments, each in a mount namespace the lab
 * makes for it (util-linux `unshare --mount`) and that dies with its helper process:
 *   chroot-escape       chroot into the overlay's merged view, then the classic escape
 *   pivot-escape        pivot_root into it with the old root detached, then the same escape
 *   propagate-shared    a mount made in a namespace copied with propagation unchanged, under a
 *                       shared mount: it appears on the host (left there for the next step to show;
 *                       ledgered; `revert-propagation` removes it)
 *   propagate-private   the same after MS_REC|MS_PRIVATE: the host sees nothing
 * After the escape the helper only reads (`ls /`, /etc/os-release).
 */
import { findMount, parseMountinfo, propagationFields } from '../../mounts/mountinfo.js';
import type { EscapeResult } from '../../mounts/escape.js';
import { releaseLedgered } from '../../runtime/host-overlay/index.js';
import { makeSharedMount, runInNewMountNamespace } from '../../runtime/mount-ns/index.js';
import fs from 'node:fs';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf, type FsLab } from './fs-lab.js';

const EXPERIMENTS = ['chroot-escape', 'pivot-escape', 'propagate-shared', 'propagate-private'] as const;

async function propagate(lab: FsLab, propagation: 'unchanged' | 'private'): Promise<string[]> {
  await releaseLedgered(lab, lab.propagation);
  const shared = makeSharedMount(lab.kernel, lab.ledger, lab.paths, 'demo');
  lab.propagation.push(...shared.ledgerIds);
  const hostRow = findMount(parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')), shared.dir);
  const out = await runInNewMountNamespace<{ mountinfo: string }>(lab.ledger, propagation, { name: 'mount-tmpfs', target: shared.inside, source: 'clab-demo' });
  if (!out.ok) throw new Error(out.error ?? 'the helper failed');
  const onHost = findMount(parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8')), shared.inside);
  if (onHost) lab.propagation.push(lab.ledger.add({ kind: 'mount', target: shared.inside }));
  const inRow = findMount(parseMountinfo(out.result?.mountinfo ?? ''), shared.dir);
  return [
    `host:   ${shared.dir}  ${propagationFields(hostRow?.propagation ?? {}) || 'private'}`,
    `inside: ${shared.dir}  ${propagationFields(inRow?.propagation ?? {}) || 'private'}  (unshare --propagation ${propagation})`,
    `inside: mount -t tmpfs clab-demo ${shared.inside}  → done; the helper exited, its namespace is gone`,
    onHost ? `host:   ${shared.inside} is now mounted (${onHost.fstype} ${onHost.source}) — it came from the other namespace` : `host:   nothing is mounted at ${shared.inside}`,
  ];
}

export const mountExperimentAction: ActionDef = {
  name: 'mount-experiment',
  summary: 'Runs one mount-namespace experiment (chroot escape, pivot_root, propagation) in a mount namespace the lab makes and removes.',
  args: {
    experiment: { type: { kind: 'enum', values: EXPERIMENTS }, doc: 'which experiment' },
    overlay: { type: { kind: 'name' }, default: 'overlay-m', doc: 'for the escapes: the overlay whose merged view is the root' },
  },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const experiment = str(args, 'experiment');
    try {
      if (experiment === 'propagate-shared') return { ok: true, output: await propagate(lab, 'unchanged') };
      if (experiment === 'propagate-private') return { ok: true, output: await propagate(lab, 'private') };
      const ov = overlayOf(lab, str(args, 'overlay'));
      const name = experiment === 'chroot-escape' ? 'chroot-escape' : 'pivot-escape';
      const out = await runInNewMountNamespace<EscapeResult>(lab.ledger, 'private', { name, rootfs: ov.merged }, (e) => ctx.record(e));
      if (!out.ok || !out.result) return { ok: false, output: [], message: `The experiment failed: ${out.error ?? 'no result'}.` };
      const r = out.result;
      return {
        ok: true,
        output: [
          `inside the rootfs:   ls / → ${r.before.entries.join(' ')}   (${r.before.osName})`,
          `after the attempt:   ls / → ${r.after.entries.join(' ')}   (${r.after.osName})`,
          r.escaped ? 'escaped: the process now sees the host\'s own / (it only read, then exited)' : 'not escaped: `..` at the top of this mount tree leads nowhere',
        ],
      };
    } catch (err) {
      return { ok: false, output: [], message: (err as Error).message };
    }
  },
};

export const revertPropagationAction: ActionDef = {
  name: 'revert-propagation',
  summary: 'Removes the propagation experiment\'s mounts from the host (the lab\'s shared mount and what reached it).',
  args: {},
  async run(ctx) {
    const lab = fsLab(ctx);
    const n = lab.propagation.length;
    await releaseLedgered(lab, lab.propagation);
    return { ok: true, output: [n ? 'unmounted the propagated tmpfs and the lab\'s shared mount; the host is as before' : 'nothing to revert'] };
  },
};
