/**
 * `container-lab lesson <id> [--plain | --json]`: runs one lesson from start to end on the real
 * runtime and prints it. The exit status is 1 if any step failed.
 */
import { t } from '../../i18n/index.js';
import { openLabRuntime } from '../lab-runtime.js';
import { LessonSession } from '../engine/session.js';
import type { Transcript } from '../transcript.js';
import type { Lesson } from '../types.js';
import { driveLesson } from './drive.js';
import type { StepReport } from './drive.js';
import { jsonHeader, jsonStep } from './print-json.js';
import { plainHeader, plainStep } from './print-plain.js';

export async function runLessonCommand(
  lesson: Lesson,
  format: 'plain' | 'json',
  out: NodeJS.WritableStream = process.stdout,
  transcript?: Transcript,
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
    const skipped: string[] = [];
    const ok = await driveLesson(
      session,
      (report) => {
        if (report.result.status === 'skipped') skipped.push(report.step.id);
        write(format === 'json' ? jsonStep(report) : plainStep(report, lesson.steps.length));
        if (transcript) transcribe(transcript, lesson, report);
      },
      stop.signal,
    );
    if (format === 'plain') {
      const title = lesson.title;
      write([
        !ok
          ? t('lessons.plain.some-failed', { title })
          : skipped.length
            ? t('lessons.plain.all-ran-except', { title, count: skipped.length, steps: skipped.join(', ') })
            : t('lessons.plain.all-ran', { title }),
      ]);
      if (lesson.readMore.length) write([t('lessons.plain.read-more'), ...lesson.readMore.map((r) => `  ${r}`)]);
    } else {
      write([JSON.stringify({ type: 'summary', ok, ...(skipped.length ? { skipped } : {}) })]);
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
