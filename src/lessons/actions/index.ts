/**
 * The action catalogue: everything a lesson step can make happen, by name.
 * To add one, write `src/lessons/actions/<name>.ts` exporting an {@link ActionDef}, list it here,
 * give it tests in test/lessons/, and document it in lessons/README.md.
 */
import type { ActionDef } from './action.js';
import { CGROUP_ACTIONS } from './cgroup-actions.js';
import { execAction } from './exec.js';
import { NETWORK_AND_CAPABILITY_ACTIONS } from './network-and-caps.js';
import { exportLayerAction } from './export-layer.js';
import { mountExperimentAction, revertPropagationAction } from './mount-experiment.js';
import { mountOverlayAction } from './mount-overlay.js';
import { overlayOpAction } from './overlay-op.js';
import { observeAction } from './observe.js';
import { orphanAction } from './orphan.js';
import { signalAction } from './signal.js';
import { spawnAction } from './spawn.js';
import { startContainerAction } from './start-container.js';

export const ACTIONS: Readonly<Record<string, ActionDef>> = Object.fromEntries(
  [
    observeAction,
    startContainerAction,
    execAction,
    spawnAction,
    orphanAction,
    signalAction,
    mountOverlayAction,
    overlayOpAction,
    exportLayerAction,
    mountExperimentAction,
    revertPropagationAction,
    ...NETWORK_AND_CAPABILITY_ACTIONS,
    ...CGROUP_ACTIONS,
  ].map((a) => [a.name, a]),
);

export type { ActionContext, ActionDef, ActionOutcome, NamedProcess } from './action.js';
