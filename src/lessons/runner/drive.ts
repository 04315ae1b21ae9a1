/**
 * Runs every step of a lesson in order, without a learner: the non-interactive runner behind
 * `container-lab lesson <id> --plain|--json`. A your-turn step runs its solution and then checks the
 * answer read from the real state, so the check itself is exercised. Reports each step as it ends.
 * A fast-forward (engine/fast-forward.ts) runs the steps before a jump with the same `walkStep`.
 */
import fs from 'node:fs';
import { walkFailure, walkStep } from '../engine/fast-forward.js';
import type { CheckResult, LessonSession } from '../engine/session.js';
import type { StepResult } from '../engine/results.js';
import type { Step } from '../types.js';

export interface StepReport {
  index: number;
  step: Step;
  result: StepResult;
  /** For a your-turn step: the answer the runner gave, and how the check judged it. */
  answer?: string;
  check?: CheckResult;
}

/**
 * True when every step from `from` (0-based; the steps before it were fast-forwarded) is done or
 * skipped (a skip says why; only a failure fails the run). Once `stop` is aborted (the lab got a
 * signal) no further step starts, and the running one is cancelled as Esc would.
 */
export async function driveLesson(
  session: LessonSession,
  onStep: (report: StepReport) => void,
  stop?: AbortSignal,
  from = 0,
): Promise<boolean> {
  let ok = true;
  for (const [index, step] of session.lesson.steps.entries()) {
    if (index < from) continue;
    if (stop?.aborted) return false;
    const walked = await walkStep(session, index, stop);
    if (walkFailure(walked) !== undefined) ok = false;
    onStep({ ...walked, step });
    // For tools that check the lab against the kernel (test/oracle): once a step is printed, wait
    // until the FIFO named here is opened and closed, so its containers can be inspected as they are.
    if (process.env.CONTAINER_LAB_STEP_GATE) fs.readFileSync(process.env.CONTAINER_LAB_STEP_GATE);
  }
  return ok;
}
