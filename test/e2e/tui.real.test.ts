/**
 * The built lab in tmux on the real kernel, driven with keys like a learner: the whole PID lesson
 * at 80×24, the container shell opened and left, the your-turn answer found from the host's /proc,
 * a resize to a wide terminal, quit, and zero residue. A second run checks NO_COLOR.
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { presentLessons, useTier } from '../helpers/lab.js';
import { CLEAN, machineState, strayProcesses } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from './tmux.js';

const paths = useTier('e2e');
/** The lesson walked here, read from its text file: steps are named by their titles, not by sentences. */
const PID = presentLessons().find((l) => l.id === 'pid-namespace')!;
const header = (n: number) => `${n}/${PID.steps.length} · ${PID.steps[n - 1]!.title}`;
const question = (n: number) => `${t('tui.step.predict')}${PID.steps[n - 1]!.predict!.question.slice(0, 20)}`;
/** The verdict on a right prediction of step `n`. */
const right = (n: number) => {
  const p = PID.steps[n - 1]!.predict!;
  const choice = p.choices[p.answer]!;
  return t('tui.step.right', { number: p.answer + 1, choice, ends: /[.!?]$/.test(choice) ? 'sentence' : 'open' });
};

/** The host PID of the process that is PID `inner` in the PID namespace of host PID `pid1`. */
function hostPidOf(pid1: number, inner: number): number | undefined {
  const ns = fs.readlinkSync(`/proc/${pid1}/ns/pid`);
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/ns/pid`) !== ns) continue;
      const nspid = fs
        .readFileSync(`/proc/${pid}/status`, 'utf8')
        .match(/^NSpid:\s+(.*)$/m)?.[1]
        ?.split(/\s+/);
      if (nspid?.at(-1) === String(inner)) return Number(pid);
    } catch {
      // exited meanwhile
    }
  }
  return undefined;
}

describeTier('the lab in tmux, real kernel', { root: true, cli: true, programs: ['tmux'] }, () => {
  it('walks the PID lesson at 80×24 with keys, uses the shell, resizes, quits, and leaves nothing', async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const lab = new TmuxLab({ columns: 80, rows: 24 });
    try {
      await lab.waitFor((s) => new RegExp(`› +1 +${PID.title} +0/10`).test(s), 'the home screen');
      await lab.press('Enter', (s) => s.includes(header(1)), 'step 1');
      await lab.press('Enter', (s) => /^ {2}\d+ +\d+ +4026531836 +/m.test(s), 'the host pane: the lab and its parents');
      await lab.press('n', (s) => s.includes(question(2)), 'the predict question');
      lab.keys('2');
      // One screen with both rows: a screen read again later can be one Ink is redrawing.
      const both = await lab.until(
        (s) => /^≠ \d{2,} +\d+ +S +\/bin\/sh -c while[\s\S]*^≠ 1 +0 +S +\/bin\/sh -c while/m.test(s),
        'PID 1, on the host and inside',
      );
      const pid1 = Number(both.match(/^≠ (\d+) +\d+ +S +\/bin\/sh -c while/m)?.[1]);
      expect(both).toContain(right(2));
      expect(pid1).toBeGreaterThan(1);
      await lab.press('n', (s) => s.includes('3/10'), 'step 3');
      await lab.press('Enter', (s) => new RegExp(`≠ NSpid +${pid1} 1 +1$`, 'm').test(s), 'NSpid, host and container on one row');
      await lab.press('n', (s) => s.includes('4/10'), 'step 4');
      await lab.press(
        'Enter',
        (s) => (s.match(/^≠ (ipc|mnt|net|pid|uts) /gm) ?? []).length === 5 && /^ {2}user +user:\[\d+\] +user:\[\d+\]$/m.test(s),
        'five namespace kinds differ, user does not',
      );
      await lab.press('n', (s) => s.includes('5/10'), 'step 5');
      await lab.press('Enter', (s) => s.includes('(refused, as expected)'), 'kill -0 refused inside');
      await lab.press('n', (s) => s.includes('6/10'), 'step 6');
      await lab.press('Enter', (s) => /^≠ \d+ +1 +S +sleep 1000/m.test(s), 'the orphan, parent 1 inside');
      await lab.press('n', (s) => s.includes('7/10'), 'step 7');
      await lab.press('Enter', (s) => s.includes('is gone (ended and reaped)') && !s.includes('sleep 1000'), 'the orphan reaped');

      await lab.press('n', (s) => s.includes('8/10 · Your turn'), 'the your-turn step');
      await lab.press('s', (s) => s.includes('pidlab:/#'), 'a shell inside the container');
      lab.type('sleep 600 & echo inner=$!');
      const inner = await lab
        .press('Enter', (s) => /inner=\d+/.test(s), 'the background PID')
        .then(() => Number(lab.screen().match(/inner=(\d+)/)?.[1]));
      lab.type('exit');
      await lab.press('Enter', (s) => s.includes(t('tui.msg.shell-back')), 'back in the lab');
      const answer = hostPidOf(pid1, inner);
      expect(answer).toBeGreaterThan(1);
      await lab.press('Enter', (s) => s.includes('host PID › '), 'the answer prompt');
      lab.type(String(answer));
      await lab.press('Enter', (s) => s.includes(`✓ Right: host PID ${answer} is PID ${inner} inside the container`), 'the check passing');

      await lab.press('n', (s) => s.includes(question(9)), 'the SIGTERM question');
      await lab.press('2', (s) => s.includes(right(9)) && /SigCgt +SIGINT SIGCHLD/.test(s), 'PID 1 survives SIGTERM');
      await lab.press('n', (s) => s.includes('10/10'), 'step 10');
      await lab.press(
        'Enter',
        (s) => s.includes('No such file or directory (ENOENT)') && s.includes('The lab put things back'),
        'PID 1 killed, and a fresh container',
      );

      lab.resize(140, 40);
      await lab.press(
        'p',
        (s) => s.includes('9/10') && /^Host · \/proc\/\d+\/status +│ Container · \/proc\/1\/status/m.test(s),
        'back to step 9, wide: its panes side by side',
      );
      await lab.press('Enter', (s) => s.includes('10/10'), 'Enter on a step that has run goes on');
      await lab.press('Enter', (s) => s.includes(t('tui.msg.last-step')), 'and says when there is no next step');

      await lab.press('q', (s) => !s.includes('9/10'), 'quitting');
      expect(await lab.exited()).toBe(true);
      const progress = JSON.parse(fs.readFileSync(`${lab.stateHome}/container-lab/progress.json`, 'utf8'));
      expect(progress.lessons['pid-namespace'].done).toEqual(
        expect.arrayContaining(['your-shell', 'new-namespace', 'find-host-pid', 'sigkill']),
      );
    } finally {
      await lab.close();
    }
    expect(machineState(paths)).toEqual(CLEAN);
    expect(strayProcesses(paths)).toEqual([]);
  }, 180_000);

  it('NO_COLOR: no colour at all, and the differences still marked', async () => {
    const lab = new TmuxLab({ columns: 100, rows: 30 }, { NO_COLOR: '1' });
    try {
      await lab.waitFor((s) => s.includes(PID.title), 'the home screen');
      await lab.press('Enter', (s) => s.includes('1/10'), 'step 1');
      lab.keys('n');
      await lab.press('n', (s) => s.includes('3/10'), 'step 3');
      await lab.press('Enter', (s) => /≠ Pid +\*\d+\* +│ ≠ Pid +\*1\*/.test(s), 'starred differences, side by side');
      const ansi = lab.screenWithEscapes();
      // Any foreground or background colour (the resets 39 and 49 are not colours).
      expect(ansi).not.toMatch(/\u001b\[(?:[0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/);
      await lab.press('q', (s) => !s.includes('3/10'), 'quitting');
      expect(await lab.exited()).toBe(true);
    } finally {
      await lab.close();
    }
    expect(machineState(paths)).toEqual(CLEAN);
  }, 60_000);
});
