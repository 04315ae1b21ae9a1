/**
 * What a your-turn check is: a read of the machine's real state that says whether the learner's
 * answer is right, and why not when it is not. Like actions, checks are a closed, named set in this
 * folder; a lesson picks one by name.
 */
import { message, render } from '../../i18n/index.js';
import type { ArgsOf, Message, MessageId } from '../../i18n/index.js';
import type { ProbeArgs } from '../../probes/probe.js';
import type { ArgSpecs } from '../arg-spec.js';
import type { ActionContext } from '../actions/action.js';
import type { Args } from '../types.js';

export interface CheckOutcome {
  ok: boolean;
  /** A full sentence in the learner's language: what was found, and what to try next when wrong. */
  message: string;
  /** The same sentence as a catalogue message: `--json` writes it in English beside the learner's. */
  verdict?: Message;
  /** A probe to show on both panes afterwards, with the arguments for each side. */
  show?: { probe: string; host: ProbeArgs; container: ProbeArgs };
}

export interface CheckDef {
  name: string;
  /** One line for lessons/README.md. */
  summary: string;
  args: ArgSpecs;
  /** What the learner types, e.g. `host PID`, in the learner's language (a getter: read when drawn). */
  readonly prompt: string;
  /** Checks an answer against the real state. */
  evaluate(ctx: ActionContext, args: Args, answer: string): Promise<CheckOutcome>;
  /** The right answers as the state stands (empty when the task has not been done yet). */
  answers(ctx: ActionContext, args: Args): Promise<string[]>;
  /** The sentence that fills `{answer}` in the last hint, from the real state. */
  describeAnswer(ctx: ActionContext, args: Args): Promise<string>;
}

/** A check's verdict from its catalogue message (spread a `show` beside it to show a probe afterwards). */
export function verdict<Id extends MessageId>(ok: boolean, id: Id, ...values: ArgsOf<Id>): CheckOutcome {
  const said: Message = message(id, ...values);
  return { ok, message: render(said), verdict: said };
}
