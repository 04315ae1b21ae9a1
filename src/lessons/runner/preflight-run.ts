/**
 * The pre-flight's real part: one runtime, as the lab opens it, and for each lesson a
 * {@link LessonSession} that runs the step {@link planPreflight} chose (the first that starts a
 * container) exactly as it runs for a learner, then removes what it made. At the end the runtime
 * is torn down, and the state and run directories are removed if the pre-flight created them:
 * an attendee's machine is left as it was found.
 */
import fs from 'node:fs';
import type { HostPrograms } from '../../doctor/host-programs.js';
import type { Finding } from '../../doctor/finding.js';
import { concludePreflight, planPreflight, WORKSHOP_TEXT } from './preflight.js';
import type { LessonPreflight } from './preflight.js';
import { LessonSession } from '../engine/session.js';
import { featureCheck, openLabRuntime } from '../lab-runtime.js';
import type { Lesson } from '../types.js';
import { labPaths } from '../../runtime/paths.js';

export interface Preflight {
  lessons: LessonPreflight[];
  /** Sentences for anything the pre-flight could not remove (empty when it left nothing). */
  leftBehind: string[];
  durationMs: number;
}

/** Mount points at or under `dir` (octal escapes as /proc/self/mountinfo writes them). */
function mountsUnder(dir: string): string[] {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))))
    .filter((target) => target === dir || target.startsWith(`${dir}/`));
}

/**
 * Removes a directory the pre-flight created, layer cache and all. Never while anything is mounted
 * under it: a recursive delete would reach through the mount into what it shows.
 */
function removeCreated(dir: string): string | undefined {
  const mounted = mountsUnder(dir);
  if (mounted.length) return WORKSHOP_TEXT.leftBehind(WORKSHOP_TEXT.stillMounted(dir, mounted));
  fs.rmSync(dir, { recursive: true, force: true });
  return undefined;
}

export async function runPreflight(
  lessons: readonly Lesson[],
  findings: Finding[],
  programs: HostPrograms,
  onLesson: (result: LessonPreflight) => void = () => {},
): Promise<Preflight> {
  const started = performance.now();
  const paths = labPaths();
  const created = [paths.stateDir, paths.runDir].filter((dir) => !fs.existsSync(dir));
  // Also on Ctrl-C: the signal handler tears the runtime down, then exits the process.
  const removeOnExit = () => created.forEach(removeCreated);
  process.once('exit', removeOnExit);
  const host = { missingFeature: featureCheck(findings), programs };
  const results: LessonPreflight[] = [];
  const lab = await openLabRuntime({ findings });
  let current: LessonSession | undefined;
  // On Ctrl-C: let the running step end and remove its containers before the runtime goes.
  lab.settleFirst(async () => {
    await current?.close();
  });
  try {
    for (const lesson of lessons) {
      const plan = planPreflight(lesson, host, findings);
      let result: Parameters<typeof concludePreflight>[1];
      if (!plan.cannot && plan.stepIndex !== undefined) {
        current = new LessonSession({ lesson, runtime: lab.runtime, missingFeature: host.missingFeature, programs });
        try {
          result = await current.runStep(plan.stepIndex);
        } catch (err) {
          result = { error: (err as Error).message };
        } finally {
          await current.close();
          current = undefined;
        }
      }
      const verdict = concludePreflight(plan, result);
      results.push(verdict);
      onLesson(verdict);
    }
  } finally {
    await lab.close();
  }
  process.off('exit', removeOnExit);
  const leftBehind = created.map(removeCreated).filter((s) => s !== undefined);
  return { lessons: results, leftBehind, durationMs: performance.now() - started };
}
