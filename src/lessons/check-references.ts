/**
 * Cross-step checks of a lesson: every `process.NAME` a step points at was started by that step or
 * an earlier one, and every container named exists in the lesson. Run after each step has been
 * validated on its own.
 */
import { PROBES } from '../probes/index.js';
import { ACTIONS } from './actions/index.js';
import { startedProcess } from './actions/properties.js';
import type { ArgSpecs } from './arg-spec.js';
import { placeholders } from './templates.js';
import type { Args, Located, Problem, Step } from './types.js';

/** The actions that start a named process, for the message that says how to start one. */
const STARTERS = Object.values(ACTIONS)
  .filter((a) => a.starts === 'process')
  .map((a) => `\`${a.name}\``)
  .join(' or ');

/** Every process or container reference in a call's arguments (pid-refs and placeholders). */
function references(args: Args, specs: ArgSpecs): { refs: string[]; containers: string[] } {
  const refs: string[] = [];
  const containers: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    const kind = specs[name]?.type.kind;
    if (kind === 'pid-ref') refs.push(String(value));
    if (kind === 'name' && name === 'container' && value !== '') containers.push(String(value));
    for (const text of Array.isArray(value) ? value : [String(value)]) refs.push(...placeholders(text).map((p) => p.ref));
  }
  return { refs, containers };
}

export function checkReferences(steps: readonly Step[], containerNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const started = new Set<string>();
  const report = (at: Located, message: string) => problems.push({ file: at.file, line: at.line, column: at.column, message });
  const check = (stepId: string, at: Located, args: Args, specs: ArgSpecs) => {
    const { refs, containers } = references(args, specs);
    for (const ref of refs) {
      if (ref.startsWith('process.') && !started.has(ref.slice(8))) {
        report(
          at,
          `step "${stepId}": ${ref} is not started by this step or an earlier one (start it with a ${STARTERS} action that has \`name: ${ref.slice(8)}\`).`,
        );
      }
      if (ref.startsWith('container.') && !containerNames.includes(ref.slice(10))) {
        report(at, `step "${stepId}": ${ref} names no container of this lesson (${containerNames.join(', ')}).`);
      }
    }
    for (const name of containers) {
      if (!containerNames.includes(name))
        report(at, `step "${stepId}": container "${name}" is not one of this lesson's containers (${containerNames.join(', ')}).`);
    }
  };
  for (const step of steps) {
    const runs = [step.run, step.yourTurn?.solution, step.breakIt?.revert].filter((r) => r !== undefined);
    for (const run of runs) {
      const name = startedProcess(run);
      if (name) started.add(name);
    }
    for (const run of runs) check(step.id, run.at, run.args, ACTIONS[run.action]?.args ?? {});
    for (const view of [step.host, step.container]) {
      if (view) check(step.id, view.at, view.args, PROBES[view.probe]?.args ?? {});
    }
    for (const { ref } of placeholders(step.shell)) {
      if (ref.startsWith('process.') && !started.has(ref.slice(8)))
        report(step.at, `step "${step.id}": \`### By hand\` uses ${ref}, which no step up to here starts.`);
    }
  }
  return problems;
}
