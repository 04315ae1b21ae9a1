/**
 * Fast-forward on the fake runtime: the steps before a jump run in order, as a walk runs them
 * (your-turns by their solution, break-its put back), a skip stays a skip, and the first failure
 * or Esc stops it on that step.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastForward, stepsBefore, walkStep } from '../../src/lessons/engine/fast-forward.js';
import { fastForwardedLine, fastForwardStoppedLine, notStarted, stepRanges } from '../../src/lessons/engine/fast-forward-text.js';
import type { Pane } from '../../src/lessons/engine/results.js';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { driveLesson } from '../../src/lessons/runner/drive.js';
import type { Lesson } from '../../src/lessons/types.js';
import { FakeLab } from './fake-lab.js';

const lesson: Lesson = loadLessons(path.resolve(__dirname, '../../lessons')).lessons.find((l) => l.id === 'pid-namespace')!;
const index = (id: string) => lesson.steps.findIndex((s) => s.id === id);

let lab: FakeLab;
let session: LessonSession;
function newSession(missingFeature?: (f: string) => string | undefined): LessonSession {
  return new LessonSession({
    lesson,
    runtime: lab,
    procRoot: lab.host.root,
    labPid: lab.labPid,
    containerReader: () => lab.insideReader(),
    missingFeature,
  });
}
beforeEach(() => {
  lab = new FakeLab();
  session = newSession();
});
afterEach(async () => {
  await session.close();
  lab.cleanup();
});

const rows = (pane: Pane | undefined) => (pane?.ok ? pane.view.rows.map((r) => [...r.cells]) : pane);

describe('fast-forward', () => {
  it('runs every step before the target in order: actions, the your-turn by its solution', async () => {
    const target = index('sigterm');
    const started: number[] = [];
    const ff = await fastForward(session, stepsBefore(target), { onStart: (i) => started.push(i) });
    expect(ff.stopped).toBeUndefined();
    expect(started).toEqual(stepsBefore(target));
    expect(ff.steps.map((w) => [lesson.steps[w.index]!.id, w.result.status])).toEqual(
      lesson.steps.slice(0, target).map((s) => [s.id, 'done']),
    );
    // The your-turn step ran its solution (a `sleep 600` named `mine`) and its check passed on it.
    const turn = ff.steps.find((w) => w.index === index('find-host-pid'))!;
    expect(turn.check?.ok).toBe(true);
    expect(session.processes.get('mine')).toMatchObject({ container: 'main', innerPid: 3 });
    expect(ff.durationMs).toBeGreaterThan(0);
  });

  it('leaves the state a walk leaves: the target step then shows the same panes', async () => {
    const target = index('sigterm');
    for (let i = 0; i < target; i++) await walkStep(session, i);
    const walked = await session.runStep(target);
    await session.close();
    lab.cleanup();

    lab = new FakeLab();
    session = newSession();
    await fastForward(session, stepsBefore(target));
    const jumped = await session.runStep(target);
    expect(jumped.status).toBe('done');
    expect(rows(jumped.host)).toEqual(rows(walked.host));
    expect(rows(jumped.container)).toEqual(rows(walked.container));
    // How long the lab waited for PID 1 differs between two runs; what it saw does not.
    const untimed = (lines: string[]) => lines.map((l) => l.replace(/^after \d+ ms/, 'after N ms'));
    expect(untimed(jumped.output)).toEqual(untimed(walked.output));
  });

  it('puts a break-it step back, as a walk does', async () => {
    const ff = await fastForward(session, stepsBefore(lesson.steps.length));
    expect(ff.stopped).toBeUndefined();
    const kill = ff.steps.find((w) => w.index === index('sigkill'))!;
    expect(kill.result.reverted?.events.map((e) => e.name)).toContain('pivot_root');
  });

  it('stops at the first step that fails, and says why; nothing after it runs', async () => {
    lab.kernel.failOn('unshare', 'EPERM');
    const ff = await fastForward(session, stepsBefore(index('orphan')));
    expect(ff.stopped).toEqual({ index: index('new-namespace'), reason: 'unshare(CLONE_NEWPID) failed: EPERM (Operation not permitted)' });
    expect(ff.steps.map((w) => w.index)).toEqual([index('your-shell'), index('new-namespace')]);
    expect(fastForwardStoppedLine({ index: 1, stepId: 'new-namespace', reason: 'unshare(CLONE_NEWPID) failed: EPERM.' })).toBe(
      'Fast-forward stopped at step 2 (new-namespace): unshare(CLONE_NEWPID) failed: EPERM.',
    );
  });

  it('a step this host cannot run stays skipped, and the fast-forward goes on', async () => {
    await session.close();
    session = newSession((f) => (f === 'overlay' ? 'no overlay here.' : undefined));
    const ff = await fastForward(session, stepsBefore(3));
    expect(ff.stopped).toBeUndefined();
    expect(ff.steps.map((w) => w.result.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('Esc cancels the running step and starts no other', async () => {
    await session.runStep(index('new-namespace'));
    lab.execDelayMs = 5000;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 30);
    const ff = await fastForward(session, [index('cannot-see-host'), index('orphan')], { signal: abort.signal });
    expect(ff.stopped?.index).toBe(index('cannot-see-host'));
    expect(ff.steps.map((w) => w.result.status)).toEqual(['cancelled']);
    const before = await fastForward(session, [index('orphan')], { signal: abort.signal });
    expect(before).toMatchObject({ steps: [], stopped: { index: index('orphan'), reason: notStarted() } });
  });

  it('the plain runner prints from the jumped-to step only', async () => {
    const from = index('reap');
    await fastForward(session, stepsBefore(from));
    const printed: number[] = [];
    expect(await driveLesson(session, (r) => printed.push(r.index), undefined, true, from)).toBe(true);
    expect(printed).toEqual(lesson.steps.map((_, i) => i).slice(from));
  });
});

describe('what a fast-forward says', () => {
  it('names the steps as the learner counts them, runs as ranges', () => {
    expect(stepRanges([0, 1, 2])).toBe('1–3');
    expect(stepRanges([4])).toBe('5');
    expect(stepRanges([5, 0, 1, 3])).toBe('1–2, 4, 6');
    expect(fastForwardedLine({ indices: [0, 1, 2], durationMs: 412 })).toBe('Fast-forwarded steps 1–3 in 412 ms.');
    expect(fastForwardedLine({ indices: [3], durationMs: 1500 })).toBe('Fast-forwarded step 4 in 1.5 s.');
  });
});
