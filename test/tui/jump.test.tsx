/**
 * Going to a step in the TUI: `g`, digits, Enter fast-forwards the steps before it on fresh
 * containers; → past steps and Enter runs the passed ones first; `r` comes back to the same step.
 * Over the fake runtime, with the real App and controller.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, LESSONS, startApp } from './harness.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const lesson = LESSONS[0]!;
const ids = (n: number) => lesson.steps.slice(0, n).map((s) => s.id);

/** The steps the screen holds a result for: [id, status, run by a fast-forward]. */
function ran(a: NonNullable<typeof app>) {
  const l = a.store.getState().lesson!;
  return Object.entries(l.steps)
    .filter(([, s]) => s.result)
    .map(([i, s]) => [lesson.steps[Number(i)]!.id, s.result!.status, Boolean(s.fastForwarded)]);
}

describe('going to a step', () => {
  it('g 4 Enter: fresh containers, steps 1–3 fast-forwarded and shown as run, the line says so', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter, KEY.enter);
    await app.press('g');
    expect(strip(app.frame())).toContain(`Go to step (1-${lesson.steps.length}) ›`);
    expect(strip(app.frame())).toMatch(/0-9 step number +Enter go +Esc close/);
    await app.press('4', KEY.enter);
    const l = app.store.getState().lesson!;
    expect(l.index).toBe(3);
    expect(l.jump).toBeUndefined();
    expect(ran(app)).toEqual(ids(3).map((id) => [id, 'done', true]));
    expect(strip(app.frame())).toMatch(/Fast-forwarded steps 1–3 in \d+ ms\./);
    // The step itself has not run: the learner runs it.
    expect(strip(app.frame())).toContain(`4/${lesson.steps.length}`);
    expect(app.saved.at(-1)).toMatchObject({ last: { lesson: 'pid-namespace', step: 3 } });
  });

  it('Esc closes the prompt; a number that is no step says which there are', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter, 'g', '5', KEY.esc);
    expect(app.store.getState().lesson!.jump).toBeUndefined();
    expect(app.store.getState().lesson!.index).toBe(0);
    await app.press('g', '9', '9', KEY.enter);
    expect(strip(app.frame())).toContain(`There is no step "99": this lesson has steps 1 to ${lesson.steps.length}.`);
    expect(ran(app)).toEqual([]);
  });

  it('→ past steps, then Enter: the passed steps run first, and the line says which', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter, KEY.enter, KEY.right, KEY.right, KEY.right);
    await app.press(KEY.enter);
    expect(ran(app)).toEqual([
      [ids(4)[0], 'done', false],
      [ids(4)[1], 'done', true],
      [ids(4)[2], 'done', true],
      [ids(4)[3], 'done', false],
    ]);
    expect(strip(app.frame())).toMatch(/Fast-forwarded steps 2–3 in \d+ ms\./);
  });

  it('r resets the lesson and fast-forwards back to the step the learner is on', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter, 'g', '6', KEY.enter, KEY.enter);
    const before = app.lab.execs.length;
    await app.press('r');
    expect(app.store.getState().lesson!.index).toBe(5);
    expect(ran(app)).toEqual(ids(5).map((id) => [id, 'done', true]));
    expect(app.lab.execs.length).toBeGreaterThan(before);
    expect(strip(app.frame())).toMatch(/Reset: the lesson's containers were removed\. Fast-forwarded steps 1–5/);
  });

  it('a fast-forward that fails lands on the failed step and says why', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter);
    app.lab.kernel.failOn('unshare', 'EPERM');
    await app.press('g', '5', KEY.enter);
    expect(app.store.getState().lesson!.index).toBe(1);
    expect(app.store.getState().message).toMatchObject({
      text: expect.stringMatching(/^Fast-forward stopped at step 2 \(new-namespace\): unshare\(CLONE_NEWPID\) failed: EPERM/),
      tone: 'bad',
    });
    expect(strip(app.frame())).toContain('Fast-forward stopped at step 2 (new-namespace)');
  });

  it('x x on a your-turn step passed with →: the steps before it run first, then its solution, checked', async () => {
    app = startApp({ columns: 80, rows: 24 });
    const turn = lesson.steps.findIndex((s) => s.yourTurn);
    await app.press(KEY.enter, ...Array<string>(turn).fill(KEY.right), 'x');
    expect(app.store.getState().lesson!.index).toBe(turn);
    expect(ran(app)).toEqual([]);
    await app.press('x');
    expect(ran(app)).toEqual([...ids(turn).map((id) => [id, 'done', true]), [lesson.steps[turn]!.id, 'done', false]]);
    expect(app.store.getState().lesson!.steps[turn]!.check?.ok).toBe(true);
    expect(strip(app.frame())).toContain('Solved: the solution ran, and the check passed on answer');
  });

  it('the controller opens a lesson at a step (`lesson <id> --step N`), fast-forwarded', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.controller.openAt('pid-namespace', 2);
    expect(app.store.getState().lesson!.index).toBe(2);
    expect(ran(app)).toEqual(ids(2).map((id) => [id, 'done', true]));
  });
});
