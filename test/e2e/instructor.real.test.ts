/**
 * The instructor's path through the lab in tmux at 80×24, on the real kernel (issue 13): rehearse
 * the cgroups your-turn step with x (the solution in words) and x again (run and checked), undo it
 * with u; quit, start the lab again and Continue (step 7, past the solved step), then go to step 4
 * with g; reset with r. After each, the container's memory limit is read from the cgroup
 * filesystem directly, not from the lab's panes: the number a walk to that step leaves. At the end
 * nothing of the lab is left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { pathVars, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const paths = useTier('instructor');
const env = { ...pathVars(paths), CONTAINER_LAB_LANG: 'en' };
const LESSON = path.resolve(import.meta.dirname, '../../lessons/03-cgroups');
const MiB = 1024 * 1024;

/**
 * The memory limit of each cgroup under the lab's parent, by directory, read from the filesystem:
 * the v1 memory hierarchy's `memory.limit_in_bytes`, or v2's `memory.max`. No limit reads as
 * `max` either way (v1 says LONG_MAX rounded down to a page).
 */
function memoryLimits(): Record<string, number | 'max'> {
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length > 4);
  const fields = (f: string[]) => ({ target: f[4]!, type: f[f.indexOf('-') + 1], options: f[f.indexOf('-') + 3] ?? '' });
  const v1 = mounts.map(fields).find((m) => m.type === 'cgroup' && m.options.split(',').includes('memory'));
  const v2 = mounts.map(fields).find((m) => m.type === 'cgroup2');
  const [root, file] = v1 ? [v1.target, 'memory.limit_in_bytes'] : [v2!.target, 'memory.max'];
  const parent = path.join(root, paths.cgroupParent);
  const limits: Record<string, number | 'max'> = {};
  const dirs = fs.existsSync(parent) ? fs.readdirSync(parent, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  for (const dir of dirs) {
    const text = fs.readFileSync(path.join(parent, dir.name, file), 'utf8').trim();
    limits[dir.name] = text === 'max' || Number(text) >= 2 ** 62 ? 'max' : Number(text);
  }
  return limits;
}

/** The one container cgroup the lesson has, and its memory limit. */
function theContainer(): { cgroup: string; limit: number | 'max' } {
  const limits = Object.entries(memoryLimits());
  expect(limits, 'one container cgroup under the lab parent').toHaveLength(1);
  return { cgroup: limits[0]![0], limit: limits[0]![1] };
}

const onStep = (n: number) => (s: string) => s.includes(` ${n}/10 · `);
const said = (re: RegExp) => (s: string) => re.test(s);

describeTier(
  'the instructor in tmux: x x, a restart and g 4, r',
  { root: true, cli: true, programs: ['tmux'], cgroupControllers: ['memory'] },
  () => {
    it('each leaves the memory limit a walk to that step leaves, and quitting leaves nothing', { timeout: 90_000 }, async () => {
      const t0 = performance.now();
      let progress = '';
      const first = new TmuxLab({ name: 'clabi-rehearse', env, columns: 80, rows: 24, lessonDir: LESSON, timeoutMs: 20_000 });
      try {
        await first.waitFor((s) => /› +\d+ +/.test(s), 'the home screen');
        await first.press('Enter', onStep(1), 'step 1 of cgroups');
        // Rehearse the your-turn step: go there (steps 1–5 fast-forwarded: the 32M limit, the OOM).
        first.keys('g', '6');
        await first.press('Enter', (s) => onStep(6)(s) && said(/Fast-forwarded\s+steps\s+1–5\s+in/)(s), 'steps 1–5 fast-forwarded');
        expect(theContainer().limit).toBe(32 * MiB);
        await first.press('x', said(/Solution: `cgroup-limit` \(memory: 96M\)[\s\S]*Press\s+x\s+again/), 'the solution in words');
        expect(theContainer().limit).toBe(32 * MiB);
        await first.press('x', said(/Solved: the solution ran, and the check\s+passed/), 'the solution run and checked');
        expect(theContainer().limit).toBe(96 * MiB);
        await first.press('u', said(/Undone: /), 'the step undone');
        expect(theContainer().limit).toBe(32 * MiB);
        // Undone is not done: the saved progress no longer counts the your-turn step.
        expect(JSON.parse(fs.readFileSync(first.progressFile, 'utf8')).lessons.cgroups.done).not.toContain('raise');
        // Solved again, so the restart below continues after it.
        await first.press('x', said(/Press\s+x\s+again/), 'the solution in words, again');
        await first.press('x', said(/Solved: the solution ran, and the check\s+passed/), 'solved again');
        expect(theContainer().limit).toBe(96 * MiB);
        expect(JSON.parse(fs.readFileSync(first.progressFile, 'utf8')).lessons.cgroups.done).toContain('raise');
        expect(await first.quit()).toBe(true);
        progress = fs.readFileSync(first.progressFile, 'utf8');
      } finally {
        await first.close();
      }
      expect(machineState(paths)).toEqual(CLEAN);

      // A restart: the learner's progress as the first lab saved it, and Continue on the home screen.
      const second = new TmuxLab({ name: 'clabi-restart', env, columns: 80, rows: 24, lessonDir: LESSON, progress, timeoutMs: 20_000 });
      try {
        // Step 6 was solved (its check passed), so Continue goes on to step 7: steps 1–6 are
        // fast-forwarded, the your-turn one by its solution, and the limit is the raised one.
        await second.waitFor((s) => /› Continue: cgroups, step 7 of 10/.test(s), 'Continue at step 7');
        await second.press('Enter', (s) => onStep(7)(s) && said(/Fast-forwarded\s+steps\s+1–6\s+in/)(s), 'Continue fast-forwarded');
        expect(theContainer().limit).toBe(96 * MiB);
        // Everyone on step 4: fresh containers, steps 1–3 fast-forwarded, the limit not yet written.
        const before = theContainer().cgroup;
        second.keys('g', '4');
        await second.press('Enter', (s) => onStep(4)(s) && said(/Fast-forwarded\s+steps\s+1–3\s+in/)(s), 'g 4: steps 1–3 fast-forwarded');
        const jumped = theContainer();
        expect(jumped.cgroup).not.toBe(before);
        expect(jumped.limit).toBe('max');
        await second.press('Enter', said(/\b33554432 \(32\.0 MiB\)/), 'step 4 run: the 32M limit in the panes');
        expect(theContainer().limit).toBe(32 * MiB);
        // r: fresh containers again, and back to step 4 as a walk leaves it (before it runs).
        await second.press('r', said(/Reset: the lesson's containers were removed\.\s+Fast-forwarded\s+steps\s+1–3/), 'r');
        const reset = theContainer();
        expect(reset.cgroup).not.toBe(jumped.cgroup);
        expect(reset.limit).toBe('max');
        expect(onStep(4)(second.screen())).toBe(true);
        expect(await second.quit()).toBe(true);
      } finally {
        await second.close();
      }
      expect(machineState(paths)).toEqual(CLEAN);
      expect(performance.now() - t0).toBeLessThan(60_000);
    });
  },
);
