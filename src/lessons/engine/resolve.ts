/**
 * Turns a lesson's process reference into the PID one side uses. The container's PID 1 is, say,
 * 48213 on the host and 1 inside; a process a step started has both numbers recorded. `lab` is the
 * lab's own host PID on both sides: inside the container that number names nothing (or something
 * else), which is exactly what the PID-namespace lesson shows.
 */
import { t } from '../../i18n/index.js';
import type { NamedProcess } from '../actions/action.js';
import type { Side } from '../templates.js';

export interface PidTable {
  labPid: number;
  /** Host PID of a container's PID 1 ('' = the first container), also after it ended. */
  containerPid(name: string): number | undefined;
  processes: ReadonlyMap<string, NamedProcess>;
}

export function resolvePid(ref: string, side: Side, table: PidTable): number | undefined {
  if (ref === 'lab') return table.labPid;
  if (/^\d+$/.test(ref)) return Number(ref);
  if (ref === 'container' || ref.startsWith('container.')) {
    const host = table.containerPid(ref === 'container' ? '' : ref.slice('container.'.length));
    if (host === undefined) return undefined;
    return side === 'host' ? host : 1;
  }
  if (ref.startsWith('process.')) {
    const p = table.processes.get(ref.slice('process.'.length));
    if (!p) return undefined;
    return side === 'host' ? p.hostPid : p.innerPid;
  }
  return undefined;
}

/** Why a reference cannot be resolved yet, as a sentence for the pane or the step's message. */
export function unresolvedReason(ref: string): string {
  if (ref.startsWith('process.')) return t('lessons.ref.process-not-running', { ref });
  if (ref.startsWith('container')) return t('lessons.ref.container-not-started');
  return t('lessons.ref.unresolved', { ref });
}
