/**
 * The learner's shell, the commands a lesson names, and the learner's answers: checked on the real
 * kernel that each runs only inside a container (its namespaces and its cgroup), and that words
 * with shell syntax in them stay words.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { labEnv, presentLessons, runLab, startLab, useTier, waitForOutput } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { ProcessTracker } from '../faults/process-tracker.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');

const MARKERS = [
  '/tmp/clab7-pwned-1',
  '/tmp/clab7-pwned-2',
  '/tmp/clab7-pwned-3',
  '/tmp/clab7-pwned-4',
  '/tmp/clab7-pwned-5',
  '/tmp/clab7-lesson-marker',
];
const ns = (pid: number | 'self', kind: string) => fs.readlinkSync(`/proc/${pid}/ns/${kind}`);
let rt: OpenRuntime;
// The in-process runtime holds its own lock, so the built lab can run beside it in the last test.
const rtPaths: LabPaths = { ...labPaths, runDir: `${labPaths.runDir}-inside` };

describeTier('only inside a container', { root: true, cli: true }, () => {
  beforeAll(async () => {
    await runLab(['cleanup'], { env: labEnv(labPaths) });
    rt = await openRuntime({ paths: rtPaths });
  });
  afterEach(() => {
    expect(MARKERS.filter((m) => fs.existsSync(m))).toEqual([]);
  });
  afterAll(async () => {
    await rt?.close();
    for (const m of MARKERS) fs.rmSync(m, { force: true });
    expect(machineState(labPaths)).toEqual(CLEAN);
    expect(machineState(rtPaths)).toEqual(CLEAN);
    fs.rmSync(rtPaths.runDir, { recursive: true, force: true });
  });

  it("the learner's shell (`s`) lands in the container's namespaces and cgroup", async () => {
    const c = await rt.create({ hostname: 'inside7' });
    try {
      const cmd = rt.shellCommand(c, ['sleep', '30']);
      const shell = spawn(cmd.file, cmd.args, { stdio: 'ignore' });
      const tracker = new ProcessTracker(shell.pid!);
      let sleeper = 0;
      for (let i = 0; i < 300 && !sleeper; i++) {
        tracker.look();
        sleeper =
          [shell.pid!, ...tracker.alive().map((p) => p.pid)].find(
            (pid) => fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sleep',
          ) ?? 0;
        if (!sleeper) await new Promise((r) => setTimeout(r, 10));
      }
      expect(sleeper).toBeGreaterThan(0);
      for (const kind of ['mnt', 'pid', 'net', 'uts', 'ipc']) {
        expect(ns(sleeper, kind), kind).toBe(ns(c.pid, kind));
        expect(ns(sleeper, kind), kind).not.toBe(ns('self', kind));
      }
      expect(fs.readFileSync(`/proc/${sleeper}/cgroup`, 'utf8')).toContain(`/${labPaths.cgroupParent}/${c.id}\n`);
      expect(fs.readFileSync(`/proc/${sleeper}/status`, 'utf8')).toMatch(/^NSpid:\s+\d+\s+\d+$/m); // two PIDs: host and inside
      process.kill(sleeper, 'SIGKILL');
      await new Promise((r) => shell.once('exit', r));
    } finally {
      await rt.delete(c);
    }
  });

  it("the learner's words are arguments, never shell code, on the way in", async () => {
    const c = await rt.create({});
    try {
      const words = ['$(touch /tmp/clab7-pwned-1)', '`touch /tmp/clab7-pwned-2`', ';', 'touch', '/tmp/clab7-pwned-3'];
      const cmd = rt.shellCommand(c, ['echo', ...words]);
      const out = execFileSync(cmd.file, cmd.args, { encoding: 'utf8' });
      expect(out).toBe(`${words.join(' ')}\n`);
      expect((await rt.exec(c, ['ls', '/tmp'])).stdout.trim()).toBe('');
    } finally {
      await rt.delete(c);
    }
  });

  it('a your-turn answer is read and compared, never run', async () => {
    const lesson = presentLessons().find((l) => l.steps.some((s) => s.yourTurn));
    if (!lesson) return; // no lesson with a your-turn task yet
    const session = new LessonSession({ lesson, runtime: rt });
    try {
      const index = lesson.steps.findIndex((s) => s.yourTurn);
      const solved = await session.solve(index); // starts what the task needs, as --plain does
      expect(solved.check?.ok, solved.result.message).toBe(true);
      for (const answer of ['$(touch /tmp/clab7-pwned-4)', '1; touch /tmp/clab7-pwned-5']) {
        const verdict = await session.check(index, answer);
        expect(verdict.ok).toBe(false);
        expect(verdict.message).toMatch(/\S/);
      }
    } finally {
      await session.close();
    }
  });

  it("a lesson's argv runs inside the container, never on the host", async () => {
    const lab = startLab(['lesson', 'inside', '--plain', '--lessons', path.resolve('test/security/fixtures/inside')], {
      env: labEnv(labPaths),
    });
    await waitForOutput(lab, (out) => /Every step|Step \d+ \([a-z0-9-]+\) of .* failed/.test(out), 60_000);
    const done = await lab.finished;
    expect(done.code, done.stdout + done.stderr).toBe(0);
    // inside: the file is there, the hostname and the os-release are the container's
    expect(done.stdout).toContain('  | /tmp/clab7-lesson-marker\n  | inside7\n  | NAME="container-lab"\n');
  }, 60_000);
});
