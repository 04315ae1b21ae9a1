/**
 * Runs every step of a lesson in order, without a learner: the non-interactive runner behind
 * `container-lab lesson <id> --plain|--json`. A your-turn step is the learner's to do: without
 * `--solve` the runner runs the step's own action, shows the task and stops there; with `--solve` it
 * runs the step's solution (an action, or a command inside the container) and then checks the answer
 * read from the real state, so the check itself is exercised. Reports each step as it ends.
 */
import fs from 'node:fs';
import type { CheckResult, LessonSession } from '../engine/session.js';
import type { StepResult } from '../engine/results.js';
import type { Step } from '../types.js';
import { t } from '../../i18n/index.js';

export interface StepReport {
  index: number;
  step: Step;
  result: StepResult;
  /** For a your-turn step: the answer the runner gave, and how the check judged it. */
  answer?: string;
  check?: CheckResult;
  /** A your-turn step left to the learner (no `--solve`): the run stops after it. */
  awaitsLearner?: true;
}

/** The step a run ended on when it did not succeed, with why: the one sentence the summary names. */
export function failureOf(report: StepReport): string | undefined {
  const { result, check } = report;
  if (result.status === 'failed' || result.status === 'cancelled') return result.message ?? result.status;
  if (result.reverted?.message) return result.reverted.message;
  if (report.step.yourTurn && !report.awaitsLearner && result.status === 'done' && !check?.ok)
    return check?.message ?? t('lessons.plain.check-not-passed');
  return undefined;
}

/**
 * True when every step from `from` on (0-based: the steps before it were fast-forwarded, see
 * engine/fast-forward.ts) is done or skipped (a skip says why; only a failure fails the run).
 * Once `stop` is aborted (the lab got a signal) no further step starts, and the running one is
 * cancelled as Esc would.
 */
export async function driveLesson(
  session: LessonSession,
  onStep: (report: StepReport) => void,
  stop?: AbortSignal,
  solve = false,
  from = 0,
): Promise<boolean> {
  let ok = true;
  for (const [index, step] of session.lesson.steps.entries()) {
    if (index < from) continue;
    if (stop?.aborted) return false;
    let report: StepReport;
    if (step.yourTurn && solve) {
      const solved = await session.solve(index);
      report = { index, step, result: solved.result, answer: solved.answer, check: solved.check };
    } else {
      const result = await session.runStep(index, stop);
      report = { index, step, result, ...(step.yourTurn && result.status === 'done' ? { awaitsLearner: true as const } : {}) };
    }
    if (failureOf(report)) ok = false;
    onStep(report);
    // For tools that check the lab against the kernel (test/oracle): once a step is printed, wait
    // until the FIFO named here is opened and closed, so its containers can be inspected as they are.
    if (process.env.CONTAINER_LAB_STEP_GATE) fs.readFileSync(process.env.CONTAINER_LAB_STEP_GATE);
    if (report.awaitsLearner) break;
  }
  return ok;
}
