/**
 * The probe catalogue: every read-only look at the kernel a lesson pane can name.
 * To add one, write `src/probes/<name>.ts` exporting a {@link ProbeDef} and list it here.
 */
import { ancestryProbe } from './ancestry.js';
import { CGROUP_PROBES } from './cgroup-probes.js';
import { layerStackProbe } from './layer-stack.js';
import { mountinfoProbe } from './mountinfo.js';
import { overlayDirsProbe } from './overlay-dirs.js';
import { overlayLayersProbe } from './overlay-layers.js';
import { overlayTreeProbe } from './overlay-tree.js';
import { namespacesProbe } from './namespaces.js';
import { NETWORK_AND_CAPABILITY_PROBES } from './network-and-caps.js';
import { pidSummaryProbe } from './pid-summary.js';
import type { ProbeDef } from './probe.js';
import { processStatusProbe } from './process-status.js';
import { processesProbe } from './processes.js';

export const PROBES: Readonly<Record<string, ProbeDef>> = Object.fromEntries(
  [
    ancestryProbe,
    namespacesProbe,
    pidSummaryProbe,
    processStatusProbe,
    processesProbe,
    mountinfoProbe,
    overlayLayersProbe,
    overlayDirsProbe,
    layerStackProbe,
    overlayTreeProbe,
    ...NETWORK_AND_CAPABILITY_PROBES,
    ...CGROUP_PROBES,
  ].map((p) => [p.name, p]),
);

export type { ProbeArgs, ProbeDef, ProbeInput } from './probe.js';
export type { Reader, ReadPattern, Snapshot } from './reader.js';
export type { Mark, Meter, Row, View } from './view.js';
export { hostReader } from './host-reader.js';
export { containerReader } from './container-reader.js';
export { diffViews, describeDifferences, unmarked } from './diff.js';
export { parseStatus, parseNSpid, parseCmdline, nsInode } from './proc.js';
export { recordsFrom, processPatterns, innerPid } from './process-table.js';
export { namespaceMembers } from './namespace-members.js';
export type { ProcRecord } from './process-table.js';
