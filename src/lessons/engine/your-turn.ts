/**
 * Your-turn tasks: checking the learner's answer on the real state, the three hints (the last one
 * filled with the answer read from the machine), and doing the task in the learner's place for
 * `--plain`, so CI exercises every check for real.
 */
import { message, render, t } from '../../i18n/index.js';
import { CHECKS } from '../checks/index.js';
import type { CheckOutcome } from '../checks/index.js';
import type { ActionContext } from '../actions/action.js';
import type { Step } from '../types.js';
import type { StepResult } from './results.js';

/** A checked answer, with the panes showing what the check looked at. */
export type CheckResult = CheckOutcome & Pick<StepResult, 'host' | 'container'>;

/** A your-turn step done by the runner: the step's result, the answer it gave, and the verdict. */
export interface Solved {
  result: StepResult;
  answer?: string;
  check?: CheckResult;
}

/** What these functions use of the lesson session. */
export interface TurnHost {
  context(): ActionContext;
  fill(text: string): string;
  serial<T>(work: () => Promise<T>): Promise<T>;
  showPanes(show: NonNullable<CheckOutcome['show']>): Promise<Pick<StepResult, 'host' | 'container'>>;
}

function turnOf(step: Step): NonNullable<Step['yourTurn']> {
  if (!step.yourTurn) throw new Error(t('lessons.step.no-your-turn', { id: step.id }));
  return step.yourTurn;
}

export async function checkAnswer(host: TurnHost, step: Step, answer: string): Promise<CheckResult> {
  const turn = turnOf(step);
  const outcome = await CHECKS[turn.check]!.evaluate(host.context(), turn.args, answer);
  return { ...outcome, ...(outcome.show ? await host.showPanes(outcome.show) : {}) };
}

export async function hintFor(host: TurnHost, step: Step, level: 0 | 1 | 2): Promise<string> {
  const turn = turnOf(step);
  const text = host.fill(turn.hints[level]);
  if (!text.includes('{answer}')) return text;
  return text.replace('{answer}', await CHECKS[turn.check]!.describeAnswer(host.context(), turn.args));
}

/** After the solution ran: the right answer read from the state, and the check's verdict on it. */
export async function solveAfter(host: TurnHost, step: Step, result: StepResult): Promise<Solved> {
  const turn = turnOf(step);
  if (result.status !== 'done') return { result };
  const [answer] = await host.serial(() => CHECKS[turn.check]!.answers(host.context(), turn.args));
  if (answer === undefined) {
    const said = message('lessons.step.no-answer');
    return { result: { ...result, status: 'failed', message: render(said), said } };
  }
  return { result, answer, check: await host.serial(() => checkAnswer(host, step, answer)) };
}
