/**
 * A check's "look here" as a step the pane builder understands: the same probe on both sides, with
 * the PIDs the check found for each (as literal numbers, which resolve to themselves).
 */
import { PROBES } from '../../probes/index.js';
import type { ProbeArgs } from '../../probes/index.js';
import type { CheckOutcome } from '../checks/index.js';
import type { Args, Step } from '../types.js';

export function checkStep(show: NonNullable<CheckOutcome['show']>, container: string): Step {
  const at = { file: '', line: 0, column: 0 };
  const probe = PROBES[show.probe];
  if (!probe) throw new Error(`unknown probe ${show.probe}`);
  const asArgs = (args: ProbeArgs): Args =>
    Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
  return {
    id: 'check',
    title: '',
    text: '',
    shell: '',
    requires: [],
    needs: [],
    at,
    run: { action: 'observe', args: {}, at },
    host: { probe: probe.name, args: asArgs(show.host), container, at },
    container: { probe: probe.name, args: asArgs(show.container), container, at },
  };
}
