/**
 * A failure inside the runtime, at each step of starting a container, for every lesson present:
 *   - injected: CONTAINER_LAB_FAULTS makes the nth call of one primitive fail with an errno
 *     (src/kernel/faults.ts; read by the shim and by the container's init stage);
 *   - real: a rootfs layer made unusable, in a state directory of its own. The layer's `diff` is
 *     replaced by a view of itself through two stacked overlays, so every file is still there (the
 *     cache check passes) but an overlay on top of it would be the third level, and the kernel
 *     refuses the mount with EINVAL ("maximum fs stacking depth exceeded").
 * Each time: the learner sees the failed call, its errno and its hint in the `--plain` output and a
 * FAILED result that repeats the hint; the lab exits 1 by itself; and it leaves nothing behind, so
 * `cleanup` afterwards finds an empty ledger. The decoys stay untouched throughout.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errnoText, hintFor } from '../../src/kernel/errors.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { changedDecoys, decoyNames, plantDecoys, removeDecoys, type Decoys } from '../decoys/decoys.js';
import { describeTier } from '../helpers/tier.js';
import { labEnv, presentLessons, runLab, startLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { ProcessTracker } from './process-tracker.js';

const labPaths = useTier('reliability');

/**
 * One primitive of a container's start, made to fail. `syscall` is the name the lab prints.
 * `inPane: false` for the two calls made outside the traced init sequence, whose failure reaches the
 * learner in the step's result only: the shim's ahead-of-time unshare(CLONE_NEWPID), and execve.
 */
interface Fault {
  plan: string;
  syscall: string;
  errno: string;
  inPane?: false;
}

// In the order a container starts; each hits every container the lessons create. The counts are
// per process: the shim makes unshare calls 1-2, the init stage everything else.
const FAULTS: Fault[] = [
  { plan: 'unshare:EPERM:2', syscall: 'unshare', errno: 'EPERM', inPane: false }, // the shim's CLONE_NEWPID
  { plan: 'mount:EPERM:1', syscall: 'mount', errno: 'EPERM' }, // MS_REC|MS_PRIVATE on /
  { plan: 'mount:ENOENT:2', syscall: 'mount', errno: 'ENOENT' }, // the overlay root
  { plan: 'mount:EBUSY:4', syscall: 'mount', errno: 'EBUSY' }, // a /dev bind
  { plan: 'sethostname:EPERM:1', syscall: 'sethostname', errno: 'EPERM' },
  { plan: 'chdir:ENOENT:1', syscall: 'chdir', errno: 'ENOENT' },
  { plan: 'pivotRoot:EBUSY:1', syscall: 'pivot_root', errno: 'EBUSY' },
  { plan: 'umount2:EBUSY:1', syscall: 'umount2', errno: 'EBUSY' },
  { plan: 'capbsetDrop:EINVAL:1', syscall: 'prctl', errno: 'EINVAL' },
  { plan: 'capset:EPERM:1', syscall: 'capset', errno: 'EPERM' },
  { plan: 'execve:ENOENT:1', syscall: 'execve', errno: 'ENOENT', inPane: false },
];

const lessons = presentLessons();
let decoys: Decoys | undefined;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs a lesson to its end with `env`, following its processes; returns its output and what it left. */
async function runFailing(lesson: string, env: NodeJS.ProcessEnv, paths: LabPaths, ignoreMounts: string[] = []) {
  const lab = startLab(['lesson', lesson, '--plain', '--solve'], { env });
  const tracker = new ProcessTracker(lab.pid).start(10);
  const timer = setTimeout(() => process.kill(-lab.pid, 'SIGKILL'), 90_000);
  const done = await lab.finished;
  clearTimeout(timer);
  tracker.stop();
  const end = Date.now() + 3000;
  while (tracker.alive().length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  const left = machineState(paths, { ignoreMounts, ignoreNames: decoyNames(decoys) });
  const alive = tracker.alive();
  const again = await runLab(['cleanup'], { env });
  return { done, left, alive, cleanup: again };
}

/** Where a learner sees a failed call in `--plain` output. */
function expectShown(stdout: string, syscall: string, errno: string, inPane = true): void {
  const hint = hintFor(syscall, errno);
  if (inPane) {
    // the primitive pane: `pivot_root(".", ".") = -1 EBUSY  (0.16 ms)` then errno, text and hint
    expect(stdout).toMatch(new RegExp(`^  ${escapeRegExp(syscall)}\\(.*\\) = -1 ${errno}  \\(`, 'm'));
    expect(stdout).toContain(`    ${errno}: ${errnoText(errno)}. ${hint}`);
  }
  // the step's result repeats the failure and the hint
  expect(stdout).toMatch(
    new RegExp(`^Result: FAILED in .* ${escapeRegExp(syscall)}\\(.*\\) failed: ${errno} .*Hint: ${escapeRegExp(hint)}`, 'm'),
  );
}

describeTier('fault injection: a failing primitive at each step of a container start', { root: true, cli: true }, () => {
  beforeAll(async () => {
    expect(lessons.length).toBeGreaterThan(0);
    await runLab(['cleanup'], { env: labEnv(labPaths) });
    const warm = await runLab(['run', '--', 'true'], { env: labEnv(labPaths) });
    expect(warm.code, warm.stderr).toBe(0);
    decoys = plantDecoys(labPaths);
  }, 120_000);
  afterAll(() => {
    if (!decoys) return;
    const changed = changedDecoys(decoys);
    removeDecoys(decoys);
    expect(changed).toEqual({});
  });

  // Every fault runs once, each with the next lesson in turn, so every lesson meets at least one.
  const runs = FAULTS.map((fault, i) => ({ fault, lesson: lessons[i % Math.max(1, lessons.length)]?.id ?? 'none' }));
  for (const lesson of lessons.slice(FAULTS.length)) runs.push({ fault: FAULTS[0]!, lesson: lesson.id });

  for (const { fault, lesson } of runs) {
    it(`${lesson} with ${fault.plan}: shown with its hint, and nothing left behind`, async () => {
      const env = labEnv(labPaths, { CONTAINER_LAB_FAULTS: fault.plan });
      const r = await runFailing(lesson, env, labPaths);
      expect(r.done.code, r.done.stderr).toBe(1);
      expectShown(r.done.stdout, fault.syscall, fault.errno, fault.inPane ?? true);
      expect(r.done.stdout).toMatch(/^Step \d+ \([a-z0-9-]+\) of ".*" failed \(see its FAILED result above\): .+$/m);
      expect(r.left).toEqual(CLEAN);
      expect(r.alive).toEqual([]);
      expect(r.cleanup.stdout).toContain('Nothing to clean up');
      expect(decoys && changedDecoys(decoys)).toEqual({});
    }, 120_000);
  }
});

describeTier('fault injection: a real failing mount (an unusable rootfs layer)', { root: true, cli: true }, () => {
  const paths: LabPaths = { ...labPaths, stateDir: '/var/lib/container-lab-t7-unusable' };
  const fixture = '/var/lib/container-lab-t7-stack';
  const made: string[] = [];

  beforeAll(async () => {
    fs.rmSync(paths.stateDir, { recursive: true, force: true });
    fs.rmSync(fixture, { recursive: true, force: true });
    await runLab(['cleanup'], { env: labEnv(paths) });
    // Build the layers in the temp state dir, then swap each layer's diff for a stacked view of itself.
    const built = await runLab(['run', '--', 'true'], { env: labEnv(paths) });
    expect(built.code, built.stderr).toBe(0);
    const layers = path.join(paths.stateDir, 'layers');
    for (const layer of fs.readdirSync(layers)) {
      const diff = path.join(layers, layer, 'diff');
      const base = path.join(fixture, layer);
      for (const d of ['o1', 'u1', 'w1', 'o2', 'u2', 'w2']) fs.mkdirSync(path.join(base, d), { recursive: true });
      execFileSync('mount', [
        '-t',
        'overlay',
        'clab-t7-stack1',
        '-o',
        `lowerdir=${diff},upperdir=${base}/u1,workdir=${base}/w1`,
        `${base}/o1`,
      ]);
      made.push(`${base}/o1`);
      execFileSync('mount', [
        '-t',
        'overlay',
        'clab-t7-stack2',
        '-o',
        `lowerdir=${base}/o1,upperdir=${base}/u2,workdir=${base}/w2`,
        `${base}/o2`,
      ]);
      made.push(`${base}/o2`);
      execFileSync('mount', ['--bind', `${base}/o2`, diff]);
      made.push(diff);
    }
  }, 120_000);

  afterAll(() => {
    for (const m of made.reverse()) execFileSync('umount', [m]);
    fs.rmSync(fixture, { recursive: true, force: true });
    fs.rmSync(paths.stateDir, { recursive: true, force: true });
  });

  describe.each(lessons.map((l) => l.id))('%s', (lesson) => {
    it('shows the refused overlay mount with its hint, and leaves nothing behind', async () => {
      const r = await runFailing(lesson, labEnv(paths), paths, made);
      expect(r.done.code, r.done.stderr).toBe(1);
      expectShown(r.done.stdout, 'mount', 'EINVAL');
      expect(r.done.stdout).toMatch(/mount\("overlay", .* = -1 EINVAL/);
      expect(r.left).toEqual(CLEAN);
      expect(r.alive).toEqual([]);
      expect(r.cleanup.stdout).toContain('Nothing to clean up');
    }, 120_000);
  });
});
