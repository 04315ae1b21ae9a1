/**
 * `--transcript FILE` on the real kernel: a `--plain` run of the PID lesson, and the lab in tmux at
 * 80×24 with `--presenter`. The transcript holds every step the learner saw as it happened (text,
 * what ran, both panes, the predictions, answers and checks), is owned by the user who ran sudo,
 * and holds nothing of the environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { labEnv, pathVars, runLab, TIERS, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const paths = useTier('e2e');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-transcript-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SECRET = 'clab-not-for-the-transcript';

/** The transcript's step sections, by their `### Step n of N` headings. */
function steps(md: string): string[] {
  return md.split(/^(?=### Step \d+ of \d+: )/m).slice(1);
}

describeTier('--transcript, real kernel', { root: true, cli: true, programs: ['tmux'] }, () => {
  it('a --plain run writes every step, both panes and the checked answer, owned by the sudo user', async () => {
    const file = path.join(dir, 'plain.md');
    const env = labEnv(paths, { SUDO_UID: '65534', SUDO_GID: '65534', CLAB_TEST_SECRET: SECRET });
    const { code, stderr } = await runLab(['lesson', 'pid-namespace', '--plain', '--solve', '--transcript', file], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([65534, 65534]);
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toMatch(/^# container-lab session, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n\n## Lesson 1: The PID namespace\n/);
    const parts = steps(md);
    expect(parts.map((p) => p.split('\n')[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => expect.stringMatching(new RegExp(`^### Step ${i + 1} of 10: `))),
    );
    for (const p of parts) expect(p).toMatch(/^_Result: done in [\d.]+ (ms|s)\._$/m);
    // Step 2: what ran, in a code block, and both panes as tables.
    expect(parts[1]).toMatch(/```text\n[\s\S]*unshare\(CLONE_NEWPID\) = 0[\s\S]*```/);
    expect(parts[1]).toMatch(/\*\*Host:\*\* `ps [^`]*`\n\n```text\nPID +PPID +S +COMMAND\n\d+ +\d+ +S +\/bin\/sh -c while/);
    expect(parts[1]).toMatch(/\*\*Container:\*\* `ps [^`]*`\n\n```text\nPID +PPID +S +COMMAND\n1 +0 +S +\/bin\/sh -c while/);
    expect(parts[1]).toContain('**Answer:** 2) 1.');
    // The your-turn step: the answer --plain gave, and the check's verdict.
    expect(parts[7]).toMatch(/\*\*Your answer:\*\* \d+\. \*\*Check:\*\* passed\. Right: host PID \d+ is PID \d+ inside/);
    // The break-it step: what the lab put back.
    expect(parts[9]).toContain('**Put back by the lab:**');
    expect(md).not.toContain(SECRET);
    expect(machineState(paths)).toEqual(CLEAN);
  });

  it('the lab with --presenter shows the notes, and --transcript records the learner prediction', async () => {
    const file = path.join(dir, 'tui.md');
    const lab = new TmuxLab({
      name: 'clab3-transcript',
      env: { ...pathVars(TIERS.e2e), CLAB_TEST_SECRET: SECRET },
      columns: 80,
      rows: 24,
      args: ['--presenter', '--transcript', file],
    });
    try {
      await lab.waitFor((s) => /› +1 +The PID namespace/.test(s), 'the home screen');
      await lab.press('Enter', (s) => s.includes('1/10 · Every process has a PID') && s.includes('Notes: 2 min.'), 'step 1 with its notes');
      await lab.press('Enter', (s) => /^ {2}\d+ +\d+ +4026531836 +/m.test(s), 'the host pane: the lab and its parents');
      await lab.press('n', (s) => s.includes('Predict: Inside the new PID namespace'), 'the predict question');
      await lab.press('3', (s) => s.includes('You chose 3'), 'the verdict on a wrong prediction');
      expect(await lab.quit()).toBe(true);
    } finally {
      await lab.close();
    }
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toContain('## Lesson 1: The PID namespace');
    const parts = steps(md);
    expect(parts.map((p) => p.split('\n')[0])).toEqual([
      expect.stringMatching(/^### Step 1 of 10: /),
      expect.stringMatching(/^### Step 2 of 10: /),
    ]);
    expect(parts[0]).toMatch(/\*\*Host:\*\* `ps [^`]*`\n\n```text\nPID +PPID +PIDNS +COMMAND\n/);
    expect(parts[1]).toContain('**Your prediction:** 3) 0, because it has no parent (not this time)');
    expect(parts[1]).toMatch(/\*\*Container:\*\*[^\n]*\n\n```text\nPID +PPID +S +COMMAND\n1 +0 +S /);
    // Facilitator notes are for the screen, never for the learner's transcript.
    expect(md).not.toContain('### Notes');
    expect(md).not.toContain('2 min. Point at PIDNS');
    expect(md).not.toContain(SECRET);
    expect(machineState(paths)).toEqual(CLEAN);
  });
});
