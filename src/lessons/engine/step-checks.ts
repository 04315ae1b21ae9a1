/**
 * What a step needs before it can run, and how a failure reads. Pure helpers of the session.
 */
import { message } from '../../i18n/index.js';
import type { Message } from '../../i18n/index.js';
import { PROBES } from '../../probes/index.js';
import { ACTIONS } from '../actions/index.js';
import type { ArgSpecs } from '../arg-spec.js';
import { placeholders } from '../templates.js';
import type { Args, Step } from '../types.js';

function refsIn(args: Args, specs: ArgSpecs): string[] {
  const refs: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (specs[name]?.type.kind === 'pid-ref') refs.push(String(value));
    for (const text of Array.isArray(value) ? value : [String(value)]) refs.push(...placeholders(text).map((p) => p.ref));
  }
  return refs;
}

/** Every process reference a step's action and panes use. */
export function stepReferences(step: Step): string[] {
  const refs = refsIn(step.run.args, ACTIONS[step.run.action]?.args ?? {});
  for (const view of [step.host, step.container]) {
    if (view) refs.push(...refsIn(view.args, PROBES[view.probe]?.args ?? {}));
  }
  return refs;
}

/** The lesson containers a step touches ('' = the first), so they can be started beforehand. */
export function containersUsed(step: Step): string[] {
  const names = new Set<string>();
  for (const ref of stepReferences(step)) {
    if (ref === 'container') names.add('');
    else if (ref.startsWith('container.')) names.add(ref.slice('container.'.length));
  }
  if (step.container) names.add(step.container.container);
  const arg = step.run.args.container;
  if (typeof arg === 'string' && ACTIONS[step.run.action]?.args.container) names.add(arg);
  return [...names];
}

/**
 * The sentence naming a process the step points at that no earlier step has started (the learner
 * jumped ahead), or undefined when everything it needs exists.
 */
export function missingReference(step: Step, exists: (ref: string) => boolean): Message | undefined {
  const ref = stepReferences(step).find((r) => r.startsWith('process.') && !exists(r));
  if (ref === undefined) return undefined;
  const needs = message('lessons.step.needs-process', { ref });
  return needs;
}

/** A thrown error as the learner reads it: the message, and the kernel's hint when it has one. */
export function describeFailure(err: unknown): { message: string; hint?: string } {
  const e = err as { message?: string; hint?: string };
  return { message: e?.message ?? String(err), ...(e?.hint ? { hint: e.hint } : {}) };
}
