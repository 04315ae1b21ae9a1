/**
 * `container-lab doctor --workshop`, the part that needs no kernel: which step of each lesson the
 * pre-flight runs, what it concludes from the host check and that step's result, and the text an
 * attendee reads and pastes to the instructor. preflight-run.ts runs the steps.
 */
import { t } from '../../i18n/index.js';
import { startsContainer } from '../actions/properties.js';
import type { StepResult, StepStatus } from '../engine/results.js';
import { blockedSteps } from '../host-check.js';
import type { HostCheck } from '../host-check.js';
import type { Lesson } from '../types.js';
import type { Finding } from '../../doctor/finding.js';

/** A lesson's verdict, as a stable id (`--json` prints these). */
export type Readiness = 'ready' | 'will-skip' | 'cannot-run';

/** A step this host will skip: the engine's sentence (why, and what to install), and the fix alone. */
export interface SkippedStep {
  step: string;
  reason: string;
  /** The command that installs the missing program, or the failing finding's fix. */
  fix?: string;
}

export interface LessonPreflight {
  lesson: string;
  status: Readiness;
  /** The step the pre-flight ran, how it ended, and how long it took. */
  ran?: { step: string; status: StepStatus; ms: number };
  /** The steps this host will skip when the lesson runs (none when it cannot run at all). */
  skipped: SkippedStep[];
  /** Why the lesson cannot run, and what to do. */
  reason?: string;
  fix?: string;
}

/** What the pre-flight will do for a lesson, decided before anything runs. */
export interface PreflightPlan {
  lesson: Lesson;
  /** A host feature the whole lesson requires is missing: nothing is run. */
  cannot?: { reason: string; fix?: string };
  skipped: SkippedStep[];
  /** The step to run: the first that starts a container; in a lesson without one, its first step. */
  stepIndex?: number;
}

/**
 * Every sentence the pre-flight prints, each in one place, in the learner's language (the ones
 * without values are getters, so each is looked up when it is printed).
 */
export const WORKSHOP_TEXT = {
  get needsRoot() {
    return t('workshop.needs-root');
  },
  labRunning: (pid: number) => t('workshop.lab-running', { pid }),
  get heading() {
    return t('workshop.heading');
  },
  get ready() {
    return t('workshop.ready');
  },
  willSkip: (steps: number) => t('workshop.will-skip', { count: steps }),
  get cannotRun() {
    return t('workshop.cannot-run');
  },
  ranStep: (step: string, seconds: string) => t('workshop.ran-step', { step, seconds }),
  why: (reason: string) => t('workshop.why', { reason }),
  fix: (fix: string) => t('workshop.fix', { fix }),
  stepFailed: (step: string, message: string) => t('workshop.step-failed', { step, message }),
  failedFix: (lesson: string) => t('workshop.failed-fix', { lesson }),
  leftBehind: (what: string) => t('workshop.left-behind', { what }),
  stillMounted: (dir: string, mounts: readonly string[]) => t('workshop.still-mounted', { dir, mounts: mounts.join(', ') }),
  summary: (p: { version: string; kernel: string; cgroup: string; ready: number; willSkip: number; steps: number; cannotRun: number }) =>
    t('workshop.summary', p),
};

/** Which step the pre-flight runs for `lesson`, and what the host check already says. */
export function planPreflight(lesson: Lesson, host: HostCheck, findings: readonly Finding[]): PreflightPlan {
  const failing = lesson.requires.map((id) => findings.find((f) => f.id === id && f.status === 'fail')).find((f) => f !== undefined);
  if (failing) return { lesson, cannot: { reason: `${failing.title}: ${failing.detail}`, fix: failing.fix }, skipped: [] };
  const blocked = blockedSteps(lesson, host);
  const skipped = blocked.map(({ step, blocker }) => ({
    step: step.id,
    reason: blocker.sentence,
    fix:
      blocker.kind === 'program'
        ? host.programs.installCommand(blocker.anyOf[0]!)
        : findings.find((f) => f.id === blocker.feature && f.status === 'fail')?.fix,
  }));
  const runnable = lesson.steps.map((step, index) => ({ step, index })).filter(({ step }) => !skipped.some((s) => s.step === step.id));
  const stepIndex = (runnable.find(({ step }) => startsContainer(step.run)) ?? runnable[0])?.index;
  return { lesson, skipped, stepIndex };
}

/** The verdict from the plan and the result of its step (or the error that step threw). */
export function concludePreflight(plan: PreflightPlan, result?: StepResult | { error: string }): LessonPreflight {
  const lesson = plan.lesson.id;
  if (plan.cannot) return { lesson, status: 'cannot-run', skipped: [], ...plan.cannot };
  const step = plan.stepIndex === undefined ? undefined : plan.lesson.steps[plan.stepIndex]!.id;
  // Every step is skipped here: the lesson would show nothing but skips.
  if (!step || !result) {
    const [first] = plan.skipped;
    return { lesson, status: 'cannot-run', skipped: plan.skipped, reason: first?.reason ?? '', fix: first?.fix };
  }
  if ('error' in result)
    return {
      lesson,
      status: 'cannot-run',
      skipped: plan.skipped,
      reason: WORKSHOP_TEXT.stepFailed(step, result.error),
      fix: WORKSHOP_TEXT.failedFix(lesson),
    };
  const ran = { step, status: result.status, ms: Math.round(result.durationMs) };
  if (result.status !== 'done')
    return {
      lesson,
      status: 'cannot-run',
      ran,
      skipped: plan.skipped,
      reason: WORKSHOP_TEXT.stepFailed(step, result.message ?? result.status),
      fix: result.hint ?? WORKSHOP_TEXT.failedFix(lesson),
    };
  return { lesson, status: plan.skipped.length ? 'will-skip' : 'ready', ran, skipped: plan.skipped };
}

/** The lines for one lesson: its verdict, then each skipped step's sentence, or why it cannot run and the fix. */
export function formatLesson(r: LessonPreflight): string[] {
  const verdict =
    r.status === 'ready'
      ? WORKSHOP_TEXT.ready
      : r.status === 'will-skip'
        ? WORKSHOP_TEXT.willSkip(r.skipped.length)
        : WORKSHOP_TEXT.cannotRun;
  const ran = r.ran && r.ran.status === 'done' ? `  ${WORKSHOP_TEXT.ranStep(r.ran.step, (r.ran.ms / 1000).toFixed(1))}` : '';
  const lines = [`  ${r.lesson.padEnd(16)} ${verdict}${ran}`];
  if (r.status === 'cannot-run') {
    lines.push(`      ${WORKSHOP_TEXT.why(r.reason ?? '')}`);
    if (r.fix) lines.push(`      ${WORKSHOP_TEXT.fix(r.fix)}`);
  } else {
    for (const s of r.skipped) lines.push(`      ${s.step}: ${s.reason}`);
  }
  return lines;
}

/** What the last line counts. */
export function tally(results: readonly LessonPreflight[]): { ready: number; willSkip: number; steps: number; cannotRun: number } {
  const count = (status: Readiness) => results.filter((r) => r.status === status).length;
  const steps = results.filter((r) => r.status === 'will-skip').reduce((n, r) => n + r.skipped.length, 0);
  return { ready: count('ready'), willSkip: count('will-skip'), steps, cannotRun: count('cannot-run') };
}

/** The line an instructor asks attendees to paste: version, kernel, cgroup mode, and the verdicts. */
export function summaryLine(host: { version: string; kernel: string; cgroup: string }, results: readonly LessonPreflight[]): string {
  return WORKSHOP_TEXT.summary({ ...host, ...tally(results) });
}
