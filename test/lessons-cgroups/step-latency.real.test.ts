/**
 * Step latency of the cgroups lesson as the TUI sees it: one LessonSession on a runtime with a shim
 * started ahead of time (as the TUI opens it), each step from "run" to both panes read, five rounds.
 * The steps that wait on purpose (the allocator, the fork loop, the busy loop) are left out and
 * named. Prints the median per step; fails only if a step fails (times on this shared 2-core machine
 * are reported, not asserted).
 */
import { expect, it } from 'vitest';
import { waitsOnPurpose } from '../../src/lessons/actions/properties.js';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { openRuntime } from '../../src/runtime/index.js';
import { useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('cgroupsLesson');
const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describeTier('cgroups lesson: step latency (real kernel)', { root: true }, () => {
  it('p50 per step, run → both panes', async () => {
    const lesson = loadLessons('lessons').lessons.find((l) => l.id === 'cgroups')!;
    const waits = (i: number) => waitsOnPurpose(lesson.steps[i]!.run);
    const times = new Map<string, number[]>();
    const runtime = await openRuntime({ paths, prewarm: true });
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const session = new LessonSession({ lesson, runtime });
        for (let i = 0; i < lesson.steps.length; i++) {
          if (waits(i)) continue;
          // The spare shim starts while a learner reads the step's text.
          await new Promise((r) => setTimeout(r, 150));
          const t0 = performance.now();
          const r = await session.runStep(i);
          const ms = performance.now() - t0;
          expect(r.status, `${r.stepId}: ${r.message ?? ''}`).toBe('done');
          times.set(r.stepId, [...(times.get(r.stepId) ?? []), ms]);
        }
        await session.close();
      }
    } finally {
      await runtime.close();
    }
    for (const [i, step] of lesson.steps.entries()) {
      const t = times.get(step.id);
      console.log(`cgroups ${step.id.padEnd(14)} ${t ? `p50 ${median(t).toFixed(1).padStart(6)} ms` : 'waits on purpose (not measured)'}`);
      if (!t) expect(waits(i)).toBe(true);
    }
    await waitUntil(() => isClean(machineState(paths)));
    expect(machineState(paths)).toEqual(CLEAN);
  }, 300_000);
});
