/**
 * The filesystem lessons in the real TUI, driven through tmux as a learner would: open the lesson,
 * press the key that runs each step, and time how long until the panes show the step's result
 * (keypress → panes, read back with `capture-pane`). Each step is answered by its own key: Enter,
 * or the right digit for a predict question, or the inode typed for the your-turn task.
 * Between steps the driver waits 300 ms, as a (very quick) reader would.
 * CLAB4_E2E_ROUNDS sets how many times each lesson is walked (default 1). The p50 per step is always
 * printed; with 5 rounds or more (a measurement, on an otherwise idle machine) it is also checked
 * against 100 ms for the steps that do not copy a large file on purpose. One sample is no p50.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const rounds = Number(process.env.CLAB4_E2E_ROUNDS ?? 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when the step is done and both panes show what it read. */
const settled = (s: string) => !/Running…|Press Enter to|Answer the question above|Not read yet/.test(s);

describeTier('filesystem lessons in the TUI, through tmux', { root: true, cli: true, programs: ['tmux'] }, () => {
  let root = '';
  let lab: TmuxLab;
  let lessons: Lesson[] = [];
  /** Waits for the screen to pass `ok`, and returns that screen. */
  const waitFor = (what: string, ok: (s: string) => boolean, timeoutMs = 20_000): Promise<string> => lab.until(ok, what, timeoutMs);
  const latencies = new Map<string, number[]>();
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-e2e-'));
    lessons = loadLessons('lessons').lessons;
    lab = new TmuxLab({
      name: 'clab4-e2e',
      columns: 160,
      rows: 50,
      env: {
        CONTAINER_LAB_STATE_DIR: `${root}/state`,
        CONTAINER_LAB_RUN_DIR: `${root}/run`,
        CONTAINER_LAB_CGROUP_PARENT: 'container-lab-t4',
        CONTAINER_LAB_LINK_PREFIX: 'clab4',
      },
    });
  });
  afterAll(async () => {
    // Esc closes an answer prompt or leaves the lesson; q quits the lab, which tears everything down.
    for (const key of ['Escape', 'Escape']) {
      if (lab.alive()) lab.keys(key);
      await sleep(300);
    }
    const stillAlive = !(await lab.quit(10_000));
    await lab.close(); // a lab still running gets SIGHUP with its tmux server, and cleans up on its way out
    const mountedUnder = () => fs.readFileSync('/proc/self/mountinfo', 'utf8').includes(root);
    for (let i = 0; i < 200 && mountedUnder(); i++) await sleep(50);
    expect(stillAlive, 'the lab did not quit on q').toBe(false);
    expect(mountedUnder(), 'lab mounts left behind').toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
    // Steps the lesson marks `slow:` (they copy a large file on purpose): named, not held to the bar.
    const slowOnPurpose = new Map(
      lessons.flatMap((l) => l.steps.filter((s) => s.slow).map((s): [string, string] => [`${l.id}/${s.id}`, s.slow!])),
    );
    const rows = [...latencies].map(([step, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return { step, p50: sorted[Math.floor(sorted.length / 2)]!, n: ms.length };
    });
    console.log(
      rows
        .map(
          (r) =>
            `${r.step.padEnd(36)} p50 ${r.p50.toFixed(0).padStart(4)} ms  (n=${r.n})${slowOnPurpose.has(r.step) ? `  slow on purpose: ${slowOnPurpose.get(r.step)}` : ''}`,
        )
        .join('\n'),
    );
    if (rounds >= 5) {
      const slow = rows.filter((r) => !slowOnPurpose.has(r.step) && r.p50 > 100);
      expect(slow.map((r) => `${r.step} ${r.p50.toFixed(0)} ms`)).toEqual([]);
    }
  });

  async function walk(id: string): Promise<void> {
    const lesson = lessons.find((l) => l.id === id)!;
    const n = lesson.steps.length;
    await lab.chooseLesson(lesson.title);
    lab.keys('Enter');
    await waitFor(`lesson ${id}`, (s) => s.includes(`${lesson.title}`) && / \d+\/\d+ · /.test(s));
    // A lesson opened again continues where it was left: go back to its first step.
    for (let i = 0; i < n; i++) lab.keys('Left');
    await waitFor(`step 1 of ${id}`, (s) => s.includes(` 1/${n} · `));
    for (const [i, step] of lesson.steps.entries()) {
      if (i > 0) {
        lab.keys('Right');
        await waitFor(`step ${i + 1}`, (s) => s.includes(` ${i + 1}/${n} · `));
      }
      await sleep(300);
      const key = step.predict ? String(step.predict.answer + 1) : 'Enter';
      const t0 = performance.now();
      lab.keys(key);
      const s = await waitFor(`step ${step.id} to finish`, (x) => x.includes(` ${i + 1}/${n} · `) && settled(x));
      const ms = performance.now() - t0;
      const name = `${id}/${step.id}`;
      latencies.set(name, [...(latencies.get(name) ?? []), ms]);
      // A failed step shows its message after ✗; a syscall refused on purpose shows `✗ name(…)`.
      expect(s, `${name} failed on screen`).not.toMatch(/^\s*✗ (?![a-z0-9_]+\()/m);
      if (step.yourTurn) await answerYourTurn(id, step.id);
    }
    lab.keys('Escape');
  }

  async function answerYourTurn(id: string, stepId: string): Promise<void> {
    // The learner's part, from "another terminal": delete the file through merged, read the inode.
    expect(`${id}/${stepId}`).toBe('whiteouts/your-whiteout');
    const overlay = path.join(root, 'state/containers/overlay-w');
    fs.rmSync(path.join(overlay, 'merged/app/data/notes.txt'));
    const inode = execFileSync('stat', ['-c', '%i', path.join(overlay, 'upper/app/data/notes.txt')], { encoding: 'utf8' }).trim();
    await waitFor('the answer prompt', (s) => /inode number of the whiteout/i.test(s));
    lab.type(inode);
    lab.keys('Enter');
    await waitFor('the check', (s) => s.includes(`Right: ${path.join(overlay, 'upper/app/data/notes.txt')} is inode ${inode}`));
  }

  for (const id of ['mount-namespace', 'overlay', 'whiteouts']) {
    it(
      `walks every step of ${id}`,
      async () => {
        for (let r = 0; r < rounds; r++) {
          await walk(id);
          if (r < rounds - 1) {
            // Open it again from the start: reset tears its state down and rebuilds it.
            await waitFor('the home screen', (s) => s.includes('Enter open'));
          }
        }
      },
      120_000 * rounds,
    );
  }
});
