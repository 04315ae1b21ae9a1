/**
 * `container-lab lesson <id> [--plain | --json] [--step N] [--solve]`: runs one lesson from start (or
 * from step N, the steps before it fast-forwarded) to end on the real runtime and prints it. Without
 * `--solve` it stops at the first your-turn step, which is the learner's to do. The exit status is 1
 * if any step failed (with `--solve`: or any check).
 */
import { t } from '../../i18n/index.js';
import { openLabRuntime } from '../lab-runtime.js';
import { fastForward, stepsBefore } from '../engine/fast-forward.js';
import { LessonSession } from '../engine/session.js';
import type { Transcript } from '../transcript.js';
import type { Lesson } from '../types.js';
import { driveLesson, failureOf } from './drive.js';
import type { StepReport } from './drive.js';
import { jsonFastForward, jsonHeader, jsonStep } from './print-json.js';
import { plainFastForward, plainHeader, plainStep } from './print-plain.js';

export async function runLessonCommand(
  lesson: Lesson,
  format: 'plain' | 'json',
  solve: boolean,
  out: NodeJS.WritableStream = process.stdout,
  transcript?: Transcript,
  from = 0,
): Promise<number> {
  const write = (lines: string[]) => out.write(lines.map((l) => `${l}\n`).join(''));
  const lab = await openLabRuntime();
  const session = new LessonSession({ lesson, runtime: lab.runtime, missingFeature: lab.missingFeature });
  // On Ctrl-C or SIGTERM: start no further step, let the running one end, remove the lesson's containers.
  const stop = new AbortController();
  lab.settleFirst(async () => {
    stop.abort();
    await session.close();
  });
  // Nobody reads the output any more (`--plain | head`): start no further step, as for Ctrl-C. The
  // reader chose to stop reading; that is no failure, so the run ends quietly with status 0 once the
  // lesson's containers are gone.
  let readerGone = false;
  out.once('error', () => {
    readerGone = true;
    stop.abort();
  });
  try {
    write(format === 'json' ? jsonHeader(lesson) : plainHeader(lesson));
    transcript?.lesson(lesson);
    if (from > 0) {
      // The steps before `from` run quietly, so step `from` meets the state a walk leaves.
      const ff = await fastForward(session, stepsBefore(from), { signal: stop.signal });
      write(format === 'json' ? jsonFastForward(lesson, ff) : plainFastForward(lesson, ff));
      if (ff.stopped) return readerGone ? 0 : 1;
    }
    const skipped: string[] = [];
    let failed: StepReport | undefined;
    let awaiting: StepReport | undefined;
    const ok = await driveLesson(
      session,
      (report) => {
        if (report.result.status === 'skipped') skipped.push(report.step.id);
        if (!failed && failureOf(report)) failed = report;
        if (report.awaitsLearner) awaiting = report;
        write(format === 'json' ? jsonStep(report) : plainStep(report, lesson.steps.length));
        if (transcript) transcribe(transcript, lesson, report);
      },
      stop.signal,
      solve,
      from,
    );
    const failure = failed && { step: failed.step.id, number: failed.index + 1, why: failureOf(failed)! };
    if (format === 'plain') {
      write([summaryLine(lesson, { failure, skipped, awaiting: awaiting && { step: awaiting.step.id, number: awaiting.index + 1 } })]);
      if (lesson.readMore.length && !awaiting) write([t('lessons.plain.read-more'), ...lesson.readMore.map((r) => `  ${r}`)]);
    } else {
      write([
        JSON.stringify({
          type: 'summary',
          ok,
          ...(skipped.length ? { skipped } : {}),
          ...(failure ? { failed: failure.step } : {}),
          ...(awaiting ? { awaiting: awaiting.step.id } : {}),
        }),
      ]);
    }
    return ok || readerGone ? 0 : 1;
  } finally {
    await session.close();
    await lab.close();
  }
}

/** `--transcript`: the same step reports the printer gets, as Markdown. */
function transcribe(transcript: Transcript, lesson: Lesson, report: StepReport): void {
  transcript.step(lesson, report.index, report.result);
  if (report.answer !== undefined && report.check) transcript.check(lesson, report.index, report.answer, report.check);
}

/** The last line of `--plain`: every step ran (but those skipped), the run stopped at a your-turn, or the first step that failed. */
function summaryLine(
  lesson: Lesson,
  end: { failure?: { step: string; number: number; why: string }; skipped: string[]; awaiting?: { step: string; number: number } },
): string {
  const title = lesson.title;
  if (end.failure) return t('lessons.plain.failed-at', { ...end.failure, title });
  if (end.awaiting) return t('lessons.plain.awaiting', { ...end.awaiting, id: lesson.id });
  if (end.skipped.length) return t('lessons.plain.all-ran-except', { title, count: end.skipped.length, steps: end.skipped.join(', ') });
  return t('lessons.plain.all-ran', { title });
}
