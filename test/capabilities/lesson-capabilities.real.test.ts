/**
 * The capabilities lesson through the built binary, as root. Each refusal is asserted by its errno
 * and each success by what the kernel shows (a LISTEN socket, the process's CapEff), and the
 * decoding is checked against capsh. Then nothing may be left.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireRootOrSkip } from '../network/helpers.js';
import { killLabAt, requireBuilt, residue, runLab } from '../network/lab-env.js';

const run = requireRootOrSkip();

/** The output of one step, from its heading to its result line. */
function step(out: string, id: string): string {
  const start = out.indexOf(`[${id}]`);
  expect(start, `step ${id} is in the output`).toBeGreaterThan(-1);
  return out.slice(start, out.indexOf('Result:', start) + 40);
}

describe.skipIf(!run)('lesson capabilities --plain (real kernel)', () => {
  beforeAll(() => {
    requireBuilt();
    expect(residue(), 'leftovers from an earlier run').toEqual([]);
  });

  it('reads every refusal from the kernel', () => {
    const { code, out } = runLab(['lesson', 'capabilities', '--plain']);
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
    expect(residue()).toEqual([]);
  }, 120_000);

  it('after kill -9 in the middle of the lesson, cleanup leaves nothing', async () => {
    await killLabAt('capabilities', 'Step 6 of');
    const clean = runLab(['cleanup']);
    expect(clean.code, clean.out).toBe(0);
    for (let i = 0; i < 50 && residue().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(residue()).toEqual([]);
  }, 120_000);
});
