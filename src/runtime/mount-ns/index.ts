/** Mount-namespace experiments the lab runs in namespaces of its own (see mount-lab.ts). */
export { mountFromNewNamespace, EscapeLab, type ExperimentOutput } from './mount-lab.js';
export { makeSharedMount, type SharedMount } from './shared-mount.js';
