/**
 * Fast-forward (issue 13): opening each lesson at its last step, i.e. running every step before
 * it quietly (your-turns by their solution), on the real runtime with a shim started ahead of time.
 * The reference, measured in the same run and round by round beside it: the same steps walked one
 * by one as the plain runner walks them (`lesson <id> --plain`), so the ratio is what fast-forward
 * costs beyond the steps themselves. Both start from fresh containers and leave nothing behind.
 * Medians of BENCH_RUNS rounds (5 here: a round of cgroups waits on its workloads for seconds).
 */
import { whenFsLabWarm } from '../src/lessons/actions/fs-lab.js';
import { fastForward, stepsBefore, walkFailure, walkStep } from '../src/lessons/engine/fast-forward.js';
import { LessonSession } from '../src/lessons/engine/session.js';
import { featureCheck } from '../src/lessons/lab-runtime.js';
import { defaultLessonsDir, loadLessons } from '../src/lessons/load-lessons.js';
import { runDoctor } from '../src/doctor/index.js';
import { openRuntime } from '../src/runtime/index.js';
import type { OpenRuntime } from '../src/runtime/index.js';
import type { Lesson } from '../src/lessons/types.js';
import { row } from './stats.js';

const N = Number(process.env.BENCH_RUNS ?? 5);

/** One round: a fresh session, `work` timed on it, then the lesson reset (not timed). */
async function round(runtime: OpenRuntime, lesson: Lesson, work: (s: LessonSession) => Promise<void>): Promise<number> {
  const session = new LessonSession({ lesson, runtime, missingFeature: featureCheck(runDoctor()) });
  try {
    // The spare shim and the mount lesson's helper are ready, as when a learner opens a lesson.
    await runtime.whenWarm();
    await whenFsLabWarm(runtime);
    const t0 = performance.now();
    await work(session);
    return performance.now() - t0;
  } finally {
    await session.close();
  }
}

export async function benchFastForward(): Promise<string[]> {
  const { lessons } = loadLessons(defaultLessonsDir());
  const lines: string[] = [];
  const runtime = await openRuntime({ prewarm: true });
  try {
    for (const lesson of lessons) {
      const last = lesson.steps.length - 1;
      const ff: number[] = [];
      const walked: number[] = [];
      for (let i = 0; i < N; i++) {
        ff.push(
          await round(runtime, lesson, async (s) => {
            const r = await fastForward(s, stepsBefore(last));
            if (r.stopped) throw new Error(`${lesson.id}: fast-forward stopped at step ${r.stopped.index + 1}: ${r.stopped.reason}`);
          }),
        );
        walked.push(
          await round(runtime, lesson, async (s) => {
            for (const index of stepsBefore(last)) {
              const why = walkFailure(await walkStep(s, index));
              if (why) throw new Error(`${lesson.id}: the walk failed at step ${index + 1}: ${why}`);
            }
          }),
        );
      }
      lines.push(row(`fast-forward to ${lesson.id} step ${last + 1} vs walking steps 1–${last}`, ff, walked));
    }
  } finally {
    await runtime.close();
  }
  return lines;
}
