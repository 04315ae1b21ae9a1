/**
 * Reading what an action declares about itself ({@link ActionDef}'s `starts`, `waitsOnPurpose`,
 * `hostPrograms`) for one use of it in a lesson: the engine, the linter, the benchmarks and the
 * doctor ask here, so none of them needs to know an action by its name.
 */
import type { HostProgram } from '../../doctor/host-programs.js';
import type { Args, RunSpec } from '../types.js';
import type { When } from './action.js';
import { ACTIONS } from './index.js';

/** What these functions read of a `run:` (the home screen's quick preview has no more than this). */
export type Call = Pick<RunSpec, 'action' | 'args'>;

/** Does a declared property hold for these (validated, defaults filled) arguments? */
export function holds(when: When | undefined, args: Args): boolean {
  if (when === undefined) return false;
  if (when === true) return true;
  return Object.entries(when).every(([name, values]) => values.includes(String(args[name])));
}

/** Does this run wait on purpose (a watch window, a workload, a ping)? */
export function waitsOnPurpose(run: Call): boolean {
  return holds(ACTIONS[run.action]?.waitsOnPurpose, run.args);
}

/** The name later steps give the process this run starts (`process.NAME`), if it starts one. */
export function startedProcess(run: Call): string | undefined {
  return ACTIONS[run.action]?.starts === 'process' ? String(run.args.name) : undefined;
}

/** Does this run start the lesson's container afresh? */
export function startsContainer(run: Call): boolean {
  return ACTIONS[run.action]?.starts === 'container';
}

/** The host programs this run needs: each entry a list of which any one will do. */
export function hostNeeds(run: Call): Array<readonly HostProgram[]> {
  return (ACTIONS[run.action]?.hostPrograms ?? []).filter((need) => holds(need.when ?? true, run.args)).map((need) => need.anyOf);
}

/** A condition in words, for the catalogue: `expect: survives`, `op: ping`. */
export function describeWhen(when: When): string {
  if (when === true) return 'always';
  return Object.entries(when)
    .map(([name, values]) => `${name}: ${values.join(' or ')}`)
    .join(', ');
}
