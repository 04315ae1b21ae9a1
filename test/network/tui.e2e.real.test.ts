/**
 * The built lab in tmux (100×30), driven with keys like a learner: open each lesson, run steps,
 * read the panes with capture-pane, measure keypress → panes updated, quit, and check that nothing
 * is left. Each step's latency is measured from the key to the screen showing the kernel's answer.
 */
import { expect, it } from 'vitest';
import { useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from './tmux.js';

const paths = useTier('network');

/** Quits with `q`; the lab still running after 4 s gets SIGHUP from `close()`, which waits for it. */
async function quit(lab: TmuxLab): Promise<void> {
  await lab.quit(4_000);
  await lab.close();
  await waitUntil(() => isClean(machineState(paths)), 2000);
}

describeTier('TUI in tmux (real kernel)', { root: true, cli: true, programs: ['tmux'] }, () => {
  it('veth-bridge: the container starts with only lo, then the bridge appears on the host', async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const lab = new TmuxLab('lessons/06-veth-bridge');
    const ms: Record<string, number> = {};
    try {
      await lab.waitFor((s) => s.includes('veth + bridge'), 'the home screen');
      await lab.press('Enter', (s) => s.includes('A new network namespace has only lo'), 'step 1');
      ms.alone = await lab.press('Enter', (s) => /≠ lo .*│ ≠ lo +\S* +\*?down/.test(s), 'lo, down, in the container pane');
      await lab.press('n', (s) => s.includes('A bridge on the host'), 'step 2');
      ms.bridge = await lab.press('Enter', (s) => /\+ clab60 +\*?#\d+/.test(s) && /subnet: chose/.test(s), 'the bridge in the host pane');
      await lab.press('n', (s) => s.includes('A veth pair, both ends on the host'), 'step 3');
      ms['veth-pair'] = await lab.press('Enter', (s) => /clab6v\w+ +\*?#\d+ peer #\d+/.test(s), 'both veth ends with peer indexes');
    } finally {
      await quit(lab);
    }
    console.log(
      `tmux keypress → panes, veth-bridge: ${Object.entries(ms)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ')}`,
    );
    expect(machineState(paths)).toEqual(CLEAN);
  }, 90_000);

  it('capabilities: the five sets on both sides, then the decoded report', async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const lab = new TmuxLab('lessons/07-capabilities');
    const ms: Record<string, number> = {};
    try {
      await lab.waitFor((s) => s.includes('Capabilities'), 'the home screen');
      await lab.press('Enter', (s) => s.includes('Five sets, outside and inside'), 'step 1');
      ms['five-sets'] = await lab.press('Enter', (s) => /CapBnd.*│.*CapBnd +\*?00000000a80425fb/.test(s), "the container's bounding set");
      await lab.press('n', (s) => s.includes('The 14 capabilities Docker keeps'), 'step 2');
      ms.decode = await lab.press('Enter', (s) => /CAP_NET_BIND_SERVICE/.test(s) && /capsh|kept \(14\)/.test(s), 'the decoded names');
      await lab.press('n', (s) => s.includes('uid 0 without CAP_SYS_ADMIN cannot mount'), 'step 3');
    } finally {
      await quit(lab);
    }
    console.log(
      `tmux keypress → panes, capabilities: ${Object.entries(ms)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ')}`,
    );
    expect(machineState(paths)).toEqual(CLEAN);
  }, 90_000);
});
