/**
 * `container-lab lesson <id> --step <n|step-id> --plain|--json` through the built binary: the steps
 * before it are fast-forwarded (one line says which, and how long), only the steps from it on are
 * printed, and a step that is not in the lesson is one sentence naming what is, with exit status 2.
 */
import { expect, it } from 'vitest';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('jump');
const env = labEnv(paths);

describeTier('lesson --step (real kernel, the built CLI)', { root: true, cli: true }, () => {
  it('--plain from step 8 of whiteouts: steps 1–7 fast-forwarded, 8 and 9 printed and done', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'whiteouts', '--step', '8', '--plain'], { env });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Fast-forwarded steps 1–7 in [\d.]+ m?s\.$/m);
    const printed = [...stdout.matchAll(/^Step (\d+) of 9: .*\[([a-z-]+)\]$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(printed).toEqual([
      [8, 'export'],
      [9, 'rename-dir'],
    ]);
    // Step 8 exports the upper layer the fast-forwarded steps made: their three whiteouts and the opaque directory.
    expect(stdout).toMatch(/applied 4 entries from upper\.layer\.tar, 3 deleted, 1 opaque dir cleared/);
    expect(stdout).toMatch(/^ {2}\| compared .*\/applied with .*\/merged: every path, type, mode, owner and sha256 is the same$/m);
    expect(stdout.match(/^Result: done/gm)).toHaveLength(2);
  }, 120_000);

  it('--json by step id: a fast-forward event with each step run and its status, then the steps from there', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'cgroups', '--step', 'raise', '--json'], { env, timeoutMs: 120_000 });
    expect(code, stderr).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const ff = events.find((e) => e.type === 'fast-forward')!;
    expect((ff.steps as { step: string; status: string }[]).map((s) => s.step)).toEqual(['mode', 'where', 'files', 'memory-limit', 'oom']);
    expect((ff.steps as { status: string }[]).every((s) => s.status === 'done')).toBe(true);
    expect(ff.stopped).toBeUndefined();
    expect(events.filter((e) => e.type === 'step').map((e) => e.step)[0]).toBe('raise');
    expect(events.at(-1)).toMatchObject({ type: 'summary', ok: true });
  }, 150_000);

  it('a step that is not there: one sentence with the range and the ids, exit status 2, nothing started', async () => {
    for (const bad of ['0', '13', 'nope']) {
      const { code, stdout, stderr } = await runLab(['lesson', 'capabilities', '--step', bad, '--plain'], { env });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(
          `^container-lab: --step "${bad}" is not a step of capabilities: give a number from 1 to 12, or a step id \\(five-sets, decode, .*bounding\\)\\.\\n`,
        ),
      );
    }
    await waitUntil(() => isClean(machineState(paths)));
    expect(machineState(paths)).toEqual(CLEAN);
  });
});
