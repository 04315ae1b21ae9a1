/**
 * Solving and undoing single steps on the real kernel, through a lesson session as the TUI's `x`
 * and `u` keys drive it: a your-turn solution really writes the limit, `u` writes back the value the
 * file held before (read by this test straight from the cgroup files), a spawned process is really
 * killed, and a step that cannot be undone alone says so and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import { presentLessons, useTier } from '../helpers/lab.js';
import { alive, CLEAN, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('cgroupsLesson');
let rt: OpenRuntime;

const lesson = (id: string) => presentLessons().find((l) => l.id === id)!;
const stepIndex = (id: string, step: string) => lesson(id).steps.findIndex((s) => s.id === step);

/** The memory limit file of a cgroup, as the kernel spells it on this host (v2 or v1). */
function memoryLimit(dirs: readonly string[]): string {
  for (const dir of dirs)
    for (const name of ['memory.max', 'memory.limit_in_bytes'])
      if (fs.existsSync(path.join(dir, name))) return fs.readFileSync(path.join(dir, name), 'utf8').trim();
  throw new Error(`no memory limit file in ${dirs.join(', ')}`);
}

describeTier('solve (x) and undo (u) one step on the real kernel', { root: true, cgroupControllers: ['memory'] }, () => {
  beforeAll(async () => {
    rt = await openRuntime({ paths });
  });
  afterAll(async () => {
    await rt?.close();
    expect(machineState(paths)).toEqual(CLEAN);
  });

  it('cgroups: u writes back the memory limit a step or a solution replaced; start-container and a read-only step say why not', async () => {
    const session = new LessonSession({ lesson: lesson('cgroups'), runtime: rt });
    try {
      const at = (step: string) => stepIndex('cgroups', step);
      expect((await session.runStep(at('where'))).status).toBe('done');
      const dirs = session.context().container()!.cgroup!.dirs;
      const unlimited = memoryLimit(dirs);
      expect((await session.runStep(at('memory-limit'))).status).toBe('done');
      expect(memoryLimit(dirs)).toBe(String(32 * 1024 * 1024));
      const undone = await session.undo(at('memory-limit'));
      expect(undone.undone).toMatchObject({ kind: 'undone', ok: true });
      expect(memoryLimit(dirs)).toBe(unlimited);
      expect((await session.undo(at('memory-limit'))).undone).toEqual({ kind: 'not-run' });

      await session.runStep(at('memory-limit'));
      const solved = await session.solve(at('raise'));
      expect(solved.check?.ok, solved.result.message).toBe(true);
      expect(memoryLimit(dirs)).toBe(String(96 * 1024 * 1024));
      expect((await session.undo(at('raise'))).undone).toMatchObject({ kind: 'undone', ok: true });
      expect(memoryLimit(dirs)).toBe(String(32 * 1024 * 1024));

      expect((await session.undo(at('where'))).undone).toMatchObject({ kind: 'cannot' });
      await session.runStep(at('mode'));
      expect((await session.undo(at('mode'))).undone).toEqual({ kind: 'nothing' });
    } finally {
      await session.close();
    }
  }, 60_000);

  it('pid-namespace: the your-turn solution starts a real process, and u kills it', async () => {
    const session = new LessonSession({ lesson: lesson('pid-namespace'), runtime: rt });
    try {
      await session.runStep(stepIndex('pid-namespace', 'new-namespace'));
      const turn = stepIndex('pid-namespace', 'find-host-pid');
      const solved = await session.solve(turn);
      expect(solved.check?.ok, solved.result.message).toBe(true);
      // The process the solution started (the check accepts the host PID of any process inside).
      const pid = session.processes.get('mine')!.hostPid;
      expect(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).toBe('sleep');
      expect((await session.undo(turn)).undone).toMatchObject({ kind: 'undone', ok: true });
      // Killed, and then reaped by its parent inside the container: gone from the host's /proc.
      await waitUntil(() => !alive(pid));
      expect(alive(pid)).toBe(false);
      expect(session.processes.has('mine')).toBe(false);
    } finally {
      await session.close();
    }
  }, 60_000);
});
