import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage, t, translate } from '../../src/i18n/index.js';
import { KEY, LESSONS, startApp } from './harness.js';

// Colour on, as in a terminal: the NO_COLOR test then shows that the theme alone removes it.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
  setLanguage('en');
});
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const lines = (s: string) => strip(s).split('\n');
/** The lesson the harness opens, read from its text file: tests name its prose by step, not by sentence. */
const PID = LESSONS[0]!;
const step = (n: number) => PID.steps[n - 1]!;
/** A step's header: `2/10 · A new PID namespace`. */
const header = (n: number) => `${n}/${PID.steps.length} · ${step(n).title}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The start of a predict step's question, as the screen leads it. */
const predict = (n: number) => `${t('tui.step.predict')}${step(n).predict!.question.slice(0, 20)}`;

describe('the lab, rendered', () => {
  it('home lists the lessons found with progress and the doctor summary', async () => {
    app = startApp();
    const frame = strip(app.frame());
    expect(frame).toContain('container-lab');
    expect(frame).toContain('doctor: 12 ok');
    expect(frame).toMatch(new RegExp(`› +1 +${escapeRegExp(PID.title)} +0/10 +${escapeRegExp(PID.summary.slice(0, 20))}`));
    expect(frame).toContain(`Enter ${t('tui.key.open')}`);
  });

  it('l on the home screen speaks the next language, redraws in it, and keeps the choice with progress', async () => {
    app = startApp();
    await app.press('l');
    const frame = strip(app.frame());
    expect(frame).toContain(translate('zh-CN', 'tui.home.tagline'));
    expect(frame).toContain(`l ${translate('zh-CN', 'tui.key.language', { name: '简体中文' })}`);
    expect(app.saved.at(-1)).toMatchObject({ language: 'zh-CN' });
    await app.press('l', 'l');
    expect(strip(app.frame())).toContain(translate('en', 'tui.home.tagline'));
    expect(app.saved.at(-1)).toMatchObject({ language: 'en' });
  });

  it('says how many steps this host will skip, on the home screen (with the fix) and in the lesson header', async () => {
    app = startApp({ columns: 100, rows: 24, skipped: { count: 2, fix: 'apt install nftables' } });
    const home = lines(app.frame());
    const row = home.findIndex((l) => l.includes(PID.summary.slice(0, 20)));
    expect(home[row + 1]!.trim()).toBe(t('tui.home.skipped', { count: 2, fix: 'apt install nftables' }));
    await app.press(KEY.enter);
    expect(lines(app.frame())[0]).toMatch(
      new RegExp(`^${escapeRegExp(PID.title)} +◆○+ +${t('tui.lesson.skipped-here', { count: 2 })}1/10 · `),
    );
    app.cleanup();
    app = startApp({ skipped: { count: 0 } });
    expect(strip(app.frame())).not.toContain('skipped');
  });

  it('walks into the lesson: step text, then what ran and both panes after Enter (narrow: stacked)', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter);
    expect(strip(app.frame())).toContain(header(1));
    await app.press(KEY.enter);
    let f = lines(app.frame());
    expect(f.some((l) => l.startsWith('Host · ps -o pid,ppid,pidns,args'))).toBe(true);
    expect(f.some((l) => /^ +950 +1 +4026531836 +node dist\/cli\.js/.test(l))).toBe(true);
    // Stacked, a step that reads only the host gives the container's row to the host pane.
    expect(f.some((l) => l.startsWith('Container'))).toBe(false);

    await app.press(KEY.right);
    expect(strip(app.frame())).toContain(predict(2));
    await app.press('2');
    f = lines(app.frame());
    // The verdict, then the reveal on the next line.
    const verdict = f.indexOf(t('tui.step.right', { number: 2, choice: step(2).predict!.choices[1]!, ends: 'open' }));
    expect(verdict).toBeGreaterThan(0);
    expect(f[verdict + 1]!.trim()).not.toBe('');
    expect(step(2).predict!.reveal.startsWith(f[verdict + 1]!.trim())).toBe(true);
    expect(f.some((l) => l.includes('unshare(CLONE_NEWPID) = 0'))).toBe(true);
    const host = f.findIndex((l) => l.startsWith('Host · ps -o pid,ppid,stat,args'));
    const container = f.findIndex((l) => l.startsWith('Container · ps -o pid,ppid,stat,args'));
    expect(host).toBeGreaterThan(0);
    expect(container).toBeGreaterThan(host);
    expect(f[host + 2]).toMatch(/^≠ 4000 +3848 +S +\/bin\/sh -c while/);
    expect(f[container + 2]).toMatch(/^≠ 1 +0 +S +\/bin\/sh -c while/);
    expect(f.length).toBeLessThanOrEqual(23);
  });

  it('Enter runs a step, then goes on; coming back (←) shows the panes it read; the last step says so', async () => {
    app = startApp({ columns: 80, rows: 24 });
    await app.press(KEY.enter, KEY.enter);
    const ranOnce = strip(app.frame());
    expect(ranOnce).toContain(header(1));
    expect(ranOnce).toMatch(/^Host · ps -o pid,ppid,pidns,args/m);
    await app.press(KEY.enter);
    expect(strip(app.frame())).toContain(predict(2));
    await app.press(KEY.left);
    expect(strip(app.frame())).toMatch(/^Host · ps -o pid,ppid,pidns,args/m);
    expect(app.store.getState().lesson!.steps[0]!.result?.status).toBe('done');
    // On the last step, once it has run, Enter has nowhere to go: it says so.
    for (let i = 0; i < 9; i++) await app.press(KEY.right);
    expect(strip(app.frame())).toContain('10/10');
    await app.press(KEY.enter, KEY.enter);
    expect(strip(app.frame())).toContain(t('tui.msg.last-step'));
  });

  it('wide: the panes stand side by side', async () => {
    app = startApp({ columns: 140, rows: 40 });
    await app.press(KEY.enter, KEY.right, KEY.right);
    await app.press(KEY.enter);
    const f = lines(app.frame());
    const titles = f.find((l) => l.startsWith('Host · '));
    expect(titles).toMatch(/^Host · \/.*\/proc\/4000\/status +│ Container · \/proc\/1\/status$/);
    expect(f.find((l) => l.startsWith('≠ NSpid'))).toMatch(/≠ NSpid +4000 1 +│ ≠ NSpid +1/);
  });

  it('highlights differences in colour', async () => {
    app = startApp({ columns: 80, rows: 30 });
    await app.press(KEY.enter, KEY.right, KEY.right, KEY.enter);
    expect(app.frame()).toMatch(/\u001b\[33m\u001b\[1m4000|\u001b\[1m\u001b\[33m4000/);
  });

  it('without colour (NO_COLOR), differences read by their marks alone', async () => {
    app = startApp({ columns: 80, rows: 30, noColor: true });
    await app.press(KEY.enter, KEY.right, KEY.right, KEY.enter);
    const f = app.frame();
    expect(f).not.toMatch(/\u001b\[3[0-9]m/);
    // Narrow: the two key/value panes share one table, host and container values on each row.
    expect(strip(f)).toMatch(/≠ Pid +\*4000\* +\*1\*/);
    expect(strip(f)).toMatch(/≠ NSpid +\*4000 1\* +\*1\*/);
    expect(strip(f)).toMatch(/^ {2}State +S \(sleeping\) +S \(sleeping\)$/m);
  });

  it('a your-turn step: Enter looks, then takes an answer; wrong answers say why; hints come in three levels', async () => {
    app = startApp({ columns: 100, rows: 36 });
    await app.press(KEY.enter);
    for (let i = 0; i < 7; i++) await app.press(KEY.right);
    expect(strip(app.frame())).toContain(header(8));
    // Enter first fast-forwards steps 2–7, passed with →: the orphan they start and reap is host PID 4001.
    await app.press(KEY.enter);
    expect(strip(app.frame())).toContain('host PID › ');
    await app.press('4', '0', '0', '0', KEY.enter);
    expect(strip(app.frame())).toContain("4000 is the container's PID 1");
    app.lab.addProcess('sleep', ['sleep', '600'], 0, 3848);
    await app.press(KEY.esc, 'h', 'h', 'h');
    const f = strip(app.frame());
    expect(f).toContain(`${t('tui.step.hint', { number: 1 })}${step(8).yourTurn!.hints[0]!.slice(0, 30)}`);
    // The third hint fills in the answer, read from the machine (the check's own words); its code
    // spans are drawn as code, without their backticks.
    expect(f).toMatch(new RegExp(`${escapeRegExp(t('tui.step.hint', { number: 3 }))}.*host PID 4002 \\(sleep 600, PID 3 inside\\)`));
    await app.press(KEY.enter);
    await app.press('\u007f', '\u007f', '\u007f', '\u007f', '4', '0', '0', '2', KEY.enter);
    expect(strip(app.frame())).toContain('✓ Right: host PID 4002 is PID 3 inside the container');
  });

  it('a lesson whose files are broken does not open, and says where the problem is', async () => {
    app = startApp({ broken: ['lessons/01-pid-namespace/lesson.yaml:7:20: step "one": `run`: unknown action "exek".', 'text.md:1:1: x'] });
    await app.press(KEY.enter);
    const f = strip(app.frame()).replace(/\s+/g, ' ');
    expect(f).toContain('container-lab');
    expect(f).toContain(
      t('tui.msg.lesson-broken-more', {
        problem: 'lessons/01-pid-namespace/lesson.yaml:7:20: step "one": `run`: unknown action "exek".',
        count: 1,
      }),
    );
  });

  it('too small a terminal gets one sentence that says what to do', async () => {
    app = startApp({ columns: 70, rows: 20 });
    expect(strip(app.frame()).replace(/\s+/g, ' ')).toContain(t('tui.too-small', { columns: 70, rows: 20 }));
  });

  it('follows resizes', async () => {
    app = startApp({ columns: 70, rows: 20 });
    app.store.dispatch({ type: 'resized', columns: 120, rows: 30 });
    await app.press();
    expect(strip(app.frame())).toContain(PID.title);
  });

  it('the shell key hands off and comes back to the same step', async () => {
    let opened = 0;
    app = startApp({ shell: async () => void opened++ });
    await app.press(KEY.enter, KEY.right, '2', 's');
    expect(opened).toBe(1);
    expect(strip(app.frame())).toContain(t('tui.msg.shell-back'));
    expect(strip(app.frame())).toContain(header(2));
  });
});
