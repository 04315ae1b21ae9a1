/**
 * Step latency of every lesson present (issue 7: "keypress → panes updated per step of every
 * lesson"), measured where the TUI spends it: from the moment a step is asked to run to both panes
 * read back from the kernel, on the real runtime with a shim started ahead of time (the TUI opens
 * it so). This is the engine's share of a keypress; the drawing on top of it is measured on a real
 * pty by tui.bench.ts for the PID lesson.
 *
 * Each round is a fresh LessonSession walking every step in order, as a learner pressing Enter
 * would; before each step the lab gets the moment a learner spends reading (the spare shim and the
 * mount lesson's escape helper finish starting).
 * Steps whose action waits on purpose (ActionDef.waitsOnPurpose: a watch window, a workload, a ping
 * train) run in the first round only: they are named with that time and not counted. Steps a lesson
 * marks `slow:` (copying a 32 MiB file on purpose) run every round, named with the reason, not counted.
 */
import fs from 'node:fs';
import { whenFsLabWarm } from '../src/lessons/actions/fs-lab.js';
import { waitsOnPurpose as runWaits } from '../src/lessons/actions/properties.js';
import { LessonSession } from '../src/lessons/engine/session.js';
import { defaultLessonsDir, loadLessons } from '../src/lessons/load-lessons.js';
import type { Step } from '../src/lessons/types.js';
import { openRuntime } from '../src/runtime/index.js';
import { labPaths } from '../src/runtime/paths.js';
import { median, percentile, row } from './stats.js';

const N = Number(process.env.BENCH_RUNS ?? 20);

const waitsOnPurpose = (step: Step): boolean => runWaits(step.run);
/** Why a step is left out of the keypress bar: its action waits, or the lesson marks it `slow:`. */
const onPurpose = (step: Step): string | undefined => (waitsOnPurpose(step) ? `${step.run.action} waits on purpose` : step.slow);

/**
 * Resolves once no container's veth (host end `<prefix>v…`, or a peer not yet moved, `<prefix>p…`)
 * is left on the host, at most 5 s. The bridge (`<prefix>0`) belongs to the runtime and stays.
 */
async function vethsGone(prefix: string): Promise<void> {
  const end = Date.now() + 5_000;
  const isVeth = (name: string) => name.startsWith(`${prefix}v`) || name.startsWith(`${prefix}p`);
  while (fs.readdirSync('/sys/class/net').some(isVeth) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function benchLessonSteps(): Promise<string[]> {
  const { lessons } = loadLessons(defaultLessonsDir());
  const lines: string[] = [];
  const all: number[] = [];
  const runtime = await openRuntime({ prewarm: true });
  try {
    for (const lesson of lessons) {
      const times = lesson.steps.map(() => [] as number[]);
      const notes = new Set<string>();
      for (let round = 0; round < N; round++) {
        const session = new LessonSession({ lesson, runtime });
        try {
          for (const [i, step] of lesson.steps.entries()) {
            if (round > 0 && waitsOnPurpose(step)) continue;
            await runtime.whenWarm();
            await whenFsLabWarm(runtime);
            const t0 = performance.now();
            const r = await session.runStep(i);
            times[i]!.push(performance.now() - t0);
            if (r.status !== 'done') notes.add(`${step.id}: ${r.status}${r.message ? ` (${r.message.slice(0, 100)})` : ''}`);
          }
        } finally {
          await session.close();
          // The kernel tears a dead network namespace down later, in a worker that holds the
          // network lock for a while: the next round waits until the last round's veths are gone,
          // as a learner's next run would find them (else it times the kernel's cleanup).
          await vethsGone(labPaths().linkPrefix);
        }
      }
      const counted: number[] = [];
      for (const [i, step] of lesson.steps.entries()) {
        const ms = times[i]!;
        const why = onPurpose(step);
        if (why) {
          lines.push(
            `${`  ${lesson.id} ${step.id} (${why}; not counted)`.padEnd(58)} median ${median(ms).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms  (n=${ms.length})`,
          );
        } else {
          lines.push(row(`run → both panes, ${lesson.id} ${step.id}`, ms));
          counted.push(...ms);
        }
      }
      lines.push(row(`run → both panes, ${lesson.id}, all counted steps`, counted));
      all.push(...counted);
      for (const note of notes) lines.push(`  note: ${lesson.id} ${note}`);
    }
  } finally {
    await runtime.close();
  }
  lines.push(row('run → both panes, every lesson, all counted steps', all));
  return lines;
}
