/**
 * What the filesystem lessons' actions share: the lab's ledger, state paths and a traced host
 * kernel (every mount reported in the primitive pane), and the host overlays a lesson has mounted.
 * Overlays are in the ledger from the moment they exist, so the runtime's close (and the next
 * start after a crash) removes them even if no step does.
 */
import { t } from '../../i18n/index.js';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { LinuxKernel } from '../../kernel/linux.js';
import { traced } from '../../kernel/traced.js';
import type { ContainerRuntime } from '../../runtime/api.js';
import type { HostOverlay } from '../../runtime/host-overlay/index.js';
import { EscapeLab } from '../../runtime/mount-ns/index.js';
import type { Ledger } from '../../runtime/ledger.js';
import type { LabPaths } from '../../runtime/paths.js';
import type { ActionContext } from './action.js';

export interface FsLab {
  ledger: Ledger;
  paths: LabPaths;
  kernel: Kernel;
  overlays: Map<string, HostOverlay>;
  /** Ledger ids of the propagation experiment's mounts, while they exist. */
  propagation: string[];
  /** The chroot/pivot_root escape helper, started ahead of time. */
  escapes: EscapeLab;
  /** Where the kernel's events go: the step running now. */
  record: (event: PrimitiveEvent) => void;
}

const labs = new WeakMap<ContainerRuntime, FsLab>();

/** The lab's resources, from the ledger and paths the engine lends with the lab's own runtime. */
export function fsLab(ctx: ActionContext): FsLab {
  let lab = labs.get(ctx.runtime);
  if (lab) {
    lab.record = (e) => ctx.record(e);
    return lab;
  }
  if (!ctx.lab) throw new Error(t('actions.fs.needs-lab'));
  const { ledger, paths } = ctx.lab;
  const made: FsLab = {
    ledger,
    paths,
    kernel: new LinuxKernel(),
    overlays: new Map(),
    propagation: [],
    escapes: new EscapeLab(ledger),
    record: (e) => ctx.record(e),
  };
  // Each session lends its own ctx.record; the kernel always reports to the current one.
  made.kernel = traced(made.kernel, (e) => made.record(e));
  lab = made;
  labs.set(ctx.runtime, lab);
  return lab;
}

/**
 * Resolves once the filesystem lessons' helpers started ahead of time are ready (a learner reading
 * a step gives them that time; the benchmarks wait for it as they wait for the spare shim).
 */
export async function whenFsLabWarm(runtime: ContainerRuntime): Promise<void> {
  await labs.get(runtime)?.escapes.whenReady();
}

/** The host overlay a step mounted, or a sentence saying which step to run first. */
export function overlayOf(lab: FsLab, name: string): HostOverlay {
  const ov = lab.overlays.get(name);
  // A lesson reset removes the lesson's overlays through the ledger (engine/made-outside.ts):
  // an overlay whose mount the ledger no longer holds is gone.
  const mounted = ov?.ledgerIds.some((id) => lab.ledger.entries().some((r) => r.id === id && r.entry.kind === 'mount'));
  if (!ov || !mounted) throw new Error(t('actions.fs.no-overlay', { name }));
  return ov;
}
