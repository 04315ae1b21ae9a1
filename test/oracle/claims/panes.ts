/**
 * The live checks, run while the lab waits at a step's gate: each pane goes to the one check that
 * knows its shape (by its columns or title), and output lines that quote a cgroup file or a
 * capability mask are checked too. A pane no check knows is counted as not checked, by its columns.
 *
 * A break-it step puts things back before it ends, so at its gate the state is no longer the one
 * its panes show: its panes are left out (and counted).
 */
import type { StepRecords } from '../run-lesson.js';
import { checkCapabilityLines, checkCapabilityMasks, checkDecodedCapabilities } from './capabilities.js';
import { checkCgroupFiles, checkCgroupLines, checkCgroupMembership, checkCgroupMode } from './cgroups.js';
import type { Gate, PaneRecord } from './gate.js';
import { checkMountTable, checkOverlayDirs } from './mounts.js';
import { checkNamespaceLinks, checkPidNamespaceColumn } from './namespaces.js';
import { checkLinks, checkRoutes } from './network.js';
import { checkLayerStack, checkLayerStat, checkLayerTree } from './overlay-files.js';

const CHECKS: ((pane: PaneRecord, gate: Gate) => boolean)[] = [
  checkNamespaceLinks,
  checkPidNamespaceColumn,
  checkMountTable,
  checkOverlayDirs,
  checkCgroupMode,
  checkCgroupMembership,
  checkCgroupFiles,
  checkCapabilityMasks,
  checkDecodedCapabilities,
  checkLinks,
  checkRoutes,
  checkLayerStat,
  checkLayerTree,
  checkLayerStack,
];

export function checkAtGate(step: StepRecords, gate: Gate): void {
  const panes = step.records.filter((r) => r.type === 'pane') as unknown as PaneRecord[];
  const revertedBeforeGate = step.records.some((r) => r.type === 'primitive' && r.revert === true);
  for (const pane of panes) {
    if (pane.unavailable !== undefined || (!pane.rows?.length && !pane.note)) continue;
    if (revertedBeforeGate) {
      gate.tally.notChecked('pane rows of break-it steps (put back before the gate)', pane.rows?.length ?? 0);
      continue;
    }
    if (!CHECKS.some((check) => check(pane, gate))) {
      gate.tally.notChecked(
        `pane rows with no oracle (${pane.columns?.join(', ') ?? pane.title.replace(/\d+/g, 'N')})`,
        pane.rows?.length ?? 0,
      );
    }
  }
  const lines = step.records.filter((r) => r.type === 'output').map((r) => String(r.line));
  checkCgroupLines(lines, gate);
  checkCapabilityLines(lines, gate);
  gate.tally.notChecked('live samples (levels read at moments before the gate)', step.records.filter((r) => r.type === 'sample').length);
}
