/**
 * Bad input the TUI meets, driven in a real terminal (tmux, on a server of its own): a terminal
 * smaller than 80×24, and a corrupt progress file.
 */
import { afterEach, expect, it } from 'vitest';
import { pathVars, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const labPaths = useTier('reliability');
let lab: TmuxLab | undefined;

describeTier('bad input in the TUI', { root: true, cli: true, programs: ['tmux'] }, () => {
  afterEach(async () => {
    await lab?.close(); // a lab still running gets SIGHUP, cleans up on its way out, and is waited for
    lab = undefined;
    await waitUntil(() => isClean(machineState(labPaths)), 15_000);
    expect(machineState(labPaths)).toEqual(CLEAN);
  });

  it('a terminal smaller than 80×24 gets a sentence with two ways out; at 100×30 the lab appears', async () => {
    lab = new TmuxLab({ name: 'clab7-bad-input', env: pathVars(labPaths), columns: 70, rows: 20, timeoutMs: 20_000 });
    const small = await lab.until((s) => s.includes('80×24'), 'the too-small message');
    expect(small.replace(/\s+/g, ' ').trim()).toBe(
      'The terminal is 70×20; the lab needs at least 80×24. Make the window larger, or run `container-lab lesson <id> --plain` for the same lesson as plain text.',
    );
    lab.resize(100, 30);
    await lab.waitFor((s) => s.includes('The PID namespace') && !s.includes('The terminal is 70×20'), 'the home screen after the resize');
    expect(await lab.quit()).toBe(true);
    expect(lab.exitStatus()).toBe(0);
  }, 60_000);

  it('a corrupt progress file is a warning and a fresh start, never a crash', async () => {
    lab = new TmuxLab({
      name: 'clab7-bad-input',
      env: pathVars(labPaths),
      progress: '{"version":1,"lessons":{"pid-namespace":{"step":3,',
      timeoutMs: 20_000,
    });
    const home = await lab.until((s) => s.includes('progress file'), 'the progress warning');
    expect(home.replace(/\s+/g, ' ')).toContain(
      `Your progress file ${lab.progressFile} is damaged, so the lab starts fresh; it will be written again as you go.`,
    );
    expect(home).toMatch(/The PID namespace\s+0\/\d+/); // a fresh start: nothing done
    expect(await lab.quit()).toBe(true);
    expect(lab.exitStatus()).toBe(0);
  }, 60_000);
});
