/**
 * Cross-step checks of a lesson: every `process.NAME` a step points at was started by that step or
 * an earlier one, and every container named exists in the lesson. Run after each step has been
 * validated on its own.
 */
import { language, t } from '../i18n/index.js';
import { PROBES } from '../probes/index.js';
import { ACTIONS } from './actions/index.js';
import { startedProcess } from './actions/properties.js';
import type { ArgSpecs } from './arg-spec.js';
import { placeholders } from './templates.js';
import type { Args, Located, Problem, Step } from './types.js';

/** The actions that start a named process (`spawn` or `orphan`), for the message that says how to start one. */
function starters(): string {
  const names = Object.values(ACTIONS)
    .filter((a) => a.starts === 'process')
    .map((a) => `\`${a.name}\``);
  return new Intl.ListFormat(language(), { type: 'disjunction' }).format(names);
}

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
        report(at, t('lint.refs.not-started', { step: stepId, ref, starters: starters(), name: ref.slice(8) }));
      }
      if (ref.startsWith('container.') && !containerNames.includes(ref.slice(10))) {
        report(at, t('lint.refs.no-container', { step: stepId, ref, names: containerNames.join(', ') }));
      }
    }
    for (const name of containers) {
      if (!containerNames.includes(name))
        report(at, t('lint.refs.not-a-container', { step: stepId, name, names: containerNames.join(', ') }));
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
      if (ref.startsWith('process.') && !started.has(ref.slice(8))) report(step.at, t('lint.refs.by-hand', { step: step.id, ref }));
    }
  }
  return problems;
}
