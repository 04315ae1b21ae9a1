/**
 * What a your-turn check is: a read of the machine's real state that says whether the learner's
 * answer is right, and why not when it is not. Like actions, checks are a closed, named set in this
 * folder; a lesson picks one by name.
 */
import type { ProbeArgs } from '../../probes/probe.js';
import type { ArgSpecs } from '../arg-spec.js';
import type { ActionContext } from '../actions/action.js';
import type { Args } from '../types.js';

export interface CheckOutcome {
  ok: boolean;
  /** A full sentence: what was found, and what to try next when wrong. */
  message: string;
  /** A probe to show on both panes afterwards, with the arguments for each side. */
  show?: { probe: string; host: ProbeArgs; container: ProbeArgs };
}

export interface CheckDef {
  name: string;
  /** One line for lessons/README.md. */
  summary: string;
  args: ArgSpecs;
  /** What the learner types, e.g. `host PID`. */
  prompt: string;
  /** Checks an answer against the real state. */
  evaluate(ctx: ActionContext, args: Args, answer: string): Promise<CheckOutcome>;
  /** The right answers as the state stands (empty when the task has not been done yet). */
  answers(ctx: ActionContext, args: Args): Promise<string[]>;
  /** The sentence that fills `{answer}` in the last hint, from the real state. */
  describeAnswer(ctx: ActionContext, args: Args): Promise<string>;
}
