/**
 * Fast-forward: opening a lesson at step N leaves the kernel exactly as a walk to step N would.
 *
 * Containers, cgroups, mounts and links are state that each step builds on: step 9 of whiteouts
 * deletes through an overlay step 2 mounted, step 4 of cgroups writes into a cgroup step 1 made. So
 * a jump, a "Continue" after a restart or a reset cannot just show step N; the lab runs the steps
 * before it, in order, quietly, the way a walk without a learner does (`--plain`):
 *   - a step runs its own action (a predict step needs no answer for that);
 *   - a your-turn step is solved by its own `yourTurn.solution`, and its check must pass on the result;
 *   - a break-it step is put back by its revert, as in a walk;
 *   - a step this host cannot run stays skipped, as in a walk.
 * A step that fails stops the fast-forward there: the steps after it would build on state that is
 * not there, so the learner lands on the failed step, with the sentence that says why.
 */
import { notStarted } from './fast-forward-text.js';
import type { CheckResult } from './your-turn.js';
import type { LessonSession } from './session.js';
import type { StepResult } from './results.js';

/** One step as a walk without a learner runs it. */
export interface WalkedStep {
  index: number;
  result: StepResult;
  /** For a your-turn step: the answer read from the state its solution left, and the check's verdict. */
  answer?: string;
  check?: CheckResult;
}

/** Runs step `index` as a walk does: a your-turn step by its solution, any other by its action. */
export async function walkStep(session: LessonSession, index: number, signal?: AbortSignal): Promise<WalkedStep> {
  if (session.lesson.steps[index]?.yourTurn) {
    const solved = await session.solve(index, signal);
    return { index, result: solved.result, answer: solved.answer, check: solved.check };
  }
  return { index, result: await session.runStep(index, signal) };
}

/**
 * Why a walked step does not leave the state the next steps build on, in one sentence; undefined
 * when it does (done, or skipped on this host, as a walk would).
 */
export function walkFailure(walked: WalkedStep): string | undefined {
  const { result, check } = walked;
  if (result.status === 'failed' || result.status === 'cancelled') return result.message ?? result.status;
  if (result.reverted?.message) return result.reverted.message;
  if (check && !check.ok) return check.message;
  return undefined;
}

export interface FastForward {
  /** Every step that ran, in order, with its result (the TUI shows them as run, with their panes). */
  steps: WalkedStep[];
  durationMs: number;
  /** The step that failed or was cancelled, and why: the fast-forward stopped there. */
  stopped?: { index: number; reason: string };
}

export interface FastForwardHooks {
  /** Esc or a signal: the running step is cancelled and no further step starts. */
  signal?: AbortSignal;
  /** Called before each step runs (the TUI says which). */
  onStart?(index: number): void;
  /** Called as each step ends. */
  onStep?(walked: WalkedStep): void;
}

/** The indices of the steps before `index` (0-based): what opening a lesson there runs. */
export function stepsBefore(index: number): number[] {
  return Array.from({ length: Math.max(0, index) }, (_, i) => i);
}

/** Runs `indices` (in the order given) as a walk would, stopping at the first that fails. */
export async function fastForward(session: LessonSession, indices: readonly number[], hooks: FastForwardHooks = {}): Promise<FastForward> {
  const started = performance.now();
  const steps: WalkedStep[] = [];
  const end = (stopped?: FastForward['stopped']): FastForward => ({
    steps,
    durationMs: performance.now() - started,
    ...(stopped ? { stopped } : {}),
  });
  for (const index of indices) {
    if (hooks.signal?.aborted) return end({ index, reason: notStarted() });
    hooks.onStart?.(index);
    const walked = await walkStep(session, index, hooks.signal);
    steps.push(walked);
    hooks.onStep?.(walked);
    const reason = walkFailure(walked);
    if (reason !== undefined) return end({ index, reason });
  }
  return end();
}
