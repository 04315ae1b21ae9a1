/**
 * Running one action of a step: the runtime's events are collected while it runs (they are what
 * the primitives pane lists), a container the step needs is started first, and a failure or an Esc
 * becomes a status with a sentence, never a crash.
 */
import { message, render } from '../../i18n/index.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import { ACTIONS } from '../actions/index.js';
import type { ActionContext, ActionOutcome } from '../actions/action.js';
import { startsContainer } from '../actions/properties.js';
import type { RunSpec } from '../types.js';
import type { StepResult } from './results.js';
import { describeFailure } from './step-checks.js';

/** An action's outcome as part of a step result (the panes are read afterwards). */
export type Acted = Omit<StepResult, 'stepId' | 'durationMs' | 'shell' | 'text'>;

export interface ActDeps {
  /** Starts (a list) or stops (undefined) collecting the runtime's events. */
  collect(events: PrimitiveEvent[] | undefined): void;
  ensure(container: string): Promise<unknown>;
  context(signal: AbortSignal): ActionContext;
  /** Told what a successful run offers to undo it (see actions/action.ts `Undo`). */
  keepUndo?(undo: ActionOutcome['undo']): void;
}

/** A step the learner cancelled with Esc: the sentence, and the message it comes from. */
function cancelled(): Pick<Acted, 'message' | 'said'> {
  const said = message('lessons.step.cancelled');
  return { message: render(said), said };
}

/** Runs `run`; `ready` is called once the containers it needs are up, just before the action. */
export async function act(deps: ActDeps, run: RunSpec, signal: AbortSignal, needs: readonly string[], ready: () => void): Promise<Acted> {
  const events: PrimitiveEvent[] = [];
  deps.collect(events);
  try {
    // A learner who jumped ahead still gets the container this step looks at: starting it is
    // part of what the step did, so its primitives are shown with the step's own.
    if (!startsContainer(run)) for (const name of needs) await deps.ensure(name);
    ready();
    const outcome = await ACTIONS[run.action]!.run(deps.context(signal), run.args);
    if (signal.aborted) return { status: 'cancelled', events, output: outcome.output, ...cancelled() };
    if (outcome.ok) deps.keepUndo?.(outcome.undo);
    return { status: outcome.ok ? 'done' : 'failed', events, output: outcome.output, message: outcome.message };
  } catch (err) {
    if (signal.aborted) return { status: 'cancelled', events, output: [], ...cancelled() };
    return { status: 'failed', events, output: [], ...describeFailure(err) };
  } finally {
    deps.collect(undefined);
  }
}
