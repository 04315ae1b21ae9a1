/**
 * The built lab in tmux at 100×30, driven with keys: the cgroups lesson up to the OOM kill. The test
 * sees the live bar of memory in use against the 32 MiB limit while the allocator runs, then the
 * kernel's OOM-kill counter and the exit status on screen; it quits with `q` and checks that nothing
 * is left. Keypress → panes is measured for each step that does not wait on purpose.
 */
import { expect, it } from 'vitest';
import { useTier } from '../helpers/lab.js';
import { alive, CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from './tmux.js';

const paths = useTier('cgroupsLesson');

describeTier('the cgroups lesson in tmux (real kernel)', { root: true, cli: true, programs: ['tmux'] }, () => {
  it('walks to the memory step: a live bar, then the OOM kill and exit status 137', async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const lab = new TmuxLab('lessons/03-cgroups');
    const ms: Record<string, number> = {};
    let pid1 = 0;
    try {
      await lab.waitFor((s) => /› +1 +cgroups +0\/10/.test(s), 'the home screen');
      await lab.press('Enter', (s) => s.includes('1/10 · Which cgroups does this host run?'), 'step 1');
      ms.mode = await lab.press('Enter', (s) => /^(cgroup v2:|cgroup v1:|hybrid:)/m.test(s), 'the mode under the mount list');

      await lab.next((s) => s.includes("2/10 · The container's cgroup"), 'step 2');
      ms.where = await lab.press(
        'Enter',
        (s) => new RegExp(`/${paths.cgroupParent}/\\w+`).test(s) && /│ ≠ \S+ +\*\/\*/.test(s),
        'the full path on the host, / inside',
      );
      pid1 = Number(lab.screen().match(/Host · \/proc\/(\d+)\/cgroup/)?.[1]);
      expect(pid1).toBeGreaterThan(1);

      await lab.next((s) => s.includes('3/10 · A cgroup is a directory of files'), 'step 3');
      ms.files = await lab.press(
        'Enter',
        (s) => /│ Container · (\/sys\/fs|…)\/cgroup\//.test(s) && /pids\.max +max .*│ +pids\.max +max/.test(s),
        'the same limit files inside',
      );

      await lab.next((s) => s.includes('4/10 · A memory limit is a number in a file'), 'step 4');
      ms['memory-limit'] = await lab.press(
        'Enter',
        (s) => /(memory\.max|memory\.limit_in_bytes) +33554432 .*│ +(memory\.max|memory\.limit_in_bytes) +33554432/.test(s),
        '32 MiB on both sides',
      );

      await lab.next((s) => s.includes('Predict: The limit is 32 MiB'), 'the predict question');
      // While the allocator runs, the Host pane draws memory in use against the limit, read by read.
      await lab.press(
        '3',
        (s) => /Host · live, every 100 ms/.test(s) && /Esc cancel/.test(s) && /█+░* [\d.]+ (KiB|MiB) of 32\.0 MiB/.test(s),
        'the live bar',
      );
      // The live reads show the kill as it is counted; the step has ended when the verdict shows.
      await lab.waitFor(
        (s) =>
          /Right: you chose 3, “The kernel kills it with SIGKILL/.test(s) &&
          // One kill, or two when the kernel picked again before tail's memory was given back.
          /█[▁-█]* ([12]) \(\+\1\)/.test(s) &&
          /highest [\d.]+ MiB/.test(s) &&
          /[\d.]+ MiB, kept by the kernel/.test(s),
        "the OOM kill counted, the highest read and the kernel's peak",
      );
      const after = lab.screen();
      expect(after).toMatch(/memory\.(events|oom_control) oom_kill +[12]\b/);
      // The full list scrolls: the exit status is the step's last line.
      const exitStatus = /exit status 137 \(128 \+ 9: the shell's child was killed by SIGKILL\)/;
      await lab.press('e', (s) => /↑↓ scroll|e or Esc: back/.test(s), 'the primitives in full');
      for (let i = 0; i < 40 && !exitStatus.test(lab.screen()); i++) await lab.press('Down', () => true, 'a line further');
      expect(lab.screen()).toMatch(exitStatus);
      lab.keys('e');
    } finally {
      await lab.quit();
      await lab.close();
    }
    await waitUntil(() => isClean(machineState(paths)) && !alive(pid1), 10_000);
    expect(machineState(paths)).toEqual(CLEAN);
    expect(alive(pid1)).toBe(false);
    console.log(
      `tmux keypress → panes, cgroups: ${Object.entries(ms)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ')}`,
    );
  }, 180_000);
});
