/**
 * `container-lab lesson <id> [--plain | --json] [--step N]`: runs one lesson from start (or from
 * step N, the steps before it fast-forwarded) to end on the real runtime and prints it. The exit
 * status is 1 if any step failed.
 */
import { openLabRuntime } from '../lab-runtime.js';
import { fastForward, stepsBefore } from '../engine/fast-forward.js';
import { LessonSession } from '../engine/session.js';
import type { Lesson } from '../types.js';
import { driveLesson } from './drive.js';
import { jsonFastForward, jsonHeader, jsonStep } from './print-json.js';
import { plainFastForward, plainHeader, plainStep } from './print-plain.js';

export async function runLessonCommand(
  lesson: Lesson,
  format: 'plain' | 'json',
  out: NodeJS.WritableStream = process.stdout,
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
    if (from > 0) {
      // The steps before `from` run quietly, so step `from` meets the state a walk leaves.
      const ff = await fastForward(session, stepsBefore(from), { signal: stop.signal });
      write(format === 'json' ? jsonFastForward(lesson, ff) : plainFastForward(lesson, ff));
      if (ff.stopped) return readerGone ? 0 : 1;
    }
    const skipped: string[] = [];
    const ok = await driveLesson(
      session,
      (report) => {
        if (report.result.status === 'skipped') skipped.push(report.step.id);
        write(format === 'json' ? jsonStep(report) : plainStep(report, lesson.steps.length));
      },
      stop.signal,
      from,
    );
    if (format === 'plain') {
      const except = skipped.length
        ? `, except ${skipped.length === 1 ? 'one step' : `${skipped.length} steps`} this host cannot run (skipped: ${skipped.join(', ')})`
        : '';
      write([
        ok ? `Every step of "${lesson.title}" ran${except}.` : `Some steps of "${lesson.title}" failed: see the FAILED results above.`,
      ]);
      if (lesson.readMore.length) write(['Read more:', ...lesson.readMore.map((r) => `  ${r}`)]);
    } else {
      write([JSON.stringify({ type: 'summary', ok, ...(skipped.length ? { skipped } : {}) })]);
    }
    return ok || readerGone ? 0 : 1;
  } finally {
    await session.close();
    await lab.close();
  }
}
