/**
 * The capabilities lesson through the built binary, as root. Each refusal is asserted by its errno
 * and each success by what the kernel shows (a LISTEN socket, the process's CapEff), and the
 * decoding is checked against capsh. Then nothing may be left.
 */
import { beforeAll, expect, it } from 'vitest';
import { killLabAt, labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('network');
const env = labEnv(paths);

/** The output of one step, from its heading to its result line. */
function step(out: string, id: string): string {
  const start = out.indexOf(`[${id}]`);
  expect(start, `step ${id} is in the output`).toBeGreaterThan(-1);
  return out.slice(start, out.indexOf('Result:', start) + 40);
}

describeTier('lesson capabilities --plain (real kernel)', { root: true, cli: true }, () => {
  beforeAll(() => {
    expect(machineState(paths), 'leftovers from an earlier run').toEqual(CLEAN);
  });

  it('reads every refusal from the kernel', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'capabilities', '--plain'], { env });
    const out = stdout + stderr;
    expect(out).not.toMatch(/^Result: (FAILED|skipped)/m);
    expect(code, out).toBe(0);
    expect(step(out, 'decode')).toMatch(/capsh --decode=00000000a80425fb: the same names/);
    expect(step(out, 'decode')).toMatch(/exactly Docker's default 14/);
    expect(step(out, 'mount')).toMatch(/the kernel answered EPERM/);
    expect(step(out, 'mount-with-cap')).toMatch(/the kernel allowed it/);
    expect(step(out, 'no-net-raw')).toMatch(/ping_group_range inside \w+: "[0-9 ]+"/);
    expect(step(out, 'no-net-raw')).toMatch(/the kernel answered EPERM/);
    expect(step(out, 'no-chown')).toMatch(/Operation not permitted[\s\S]*the kernel answered EPERM/);
    expect(step(out, 'user-sets')).toMatch(/CapEff:\s+0000000000000000[\s\S]*CapBnd:\s+00000000a80425fb/);
    expect(step(out, 'bind-80')).toMatch(/the kernel answered EACCES/);
    expect(step(out, 'file-cap')).toMatch(/cap_net_bind_service=ep/);
    expect(step(out, 'bind-with-file-cap')).toMatch(/listening on port 80[\s\S]*its CapEff while it ran: CAP_NET_BIND_SERVICE/);
    expect(step(out, 'no-new-privs')).toMatch(/NoNewPrivs\s+1/);
    expect(step(out, 'no-new-privs')).toMatch(/the kernel answered EACCES/);
    expect(step(out, 'bounding')).toMatch(/the kernel answered EPERM[\s\S]*predicts: execve refused with EPERM/);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);

  it('after kill -9 in the middle of the lesson, cleanup leaves nothing', async () => {
    await killLabAt('capabilities', 'Step 6 of', env);
    const clean = await runLab(['cleanup'], { env });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    await waitUntil(() => isClean(machineState(paths)), 1000);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);
});
