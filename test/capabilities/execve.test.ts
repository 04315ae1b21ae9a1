import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { capsAfterExecve, parseCapStatus, readCapLastCap, readCapStatus } from '../../src/capabilities/index.js';
import { CAP } from '../../src/kernel/constants.js';
import { describeTier } from '../helpers/tier.js';

const bit = (n: number) => 1n << BigInt(n);

describe('capsAfterExecve (pure)', () => {
  const docker = 0xa80425fbn;
  const before = { inheritable: 0n, permitted: docker, effective: docker, bounding: docker, ambient: 0n };

  it('root regains a capability dropped only from the effective set', () => {
    const after = capsAfterExecve({ before: { ...before, effective: docker & ~bit(CAP.CAP_CHOWN) }, uid: 0, lastCap: 40 });
    expect(after.effective & bit(CAP.CAP_CHOWN)).not.toBe(0n);
  });

  it('nothing brings back a capability outside the bounding set', () => {
    const after = capsAfterExecve({ before, uid: 0, lastCap: 40 });
    expect(after.permitted & bit(CAP.CAP_SYS_ADMIN)).toBe(0n);
    const withFileCap = capsAfterExecve({
      before,
      uid: 1000,
      lastCap: 40,
      file: { permitted: bit(CAP.CAP_SYS_ADMIN), inheritable: 0n, effective: true },
    });
    expect(withFileCap.permitted).toBe(0n);
  });

  it('a non-root user gets a file capability that is in the bounding set', () => {
    const nobody = { ...before, permitted: 0n, effective: 0n };
    const after = capsAfterExecve({
      before: nobody,
      uid: 65534,
      lastCap: 40,
      file: { permitted: bit(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true },
    });
    expect(after.effective).toBe(bit(CAP.CAP_NET_BIND_SERVICE));
    const nnp = capsAfterExecve({
      before: nobody,
      uid: 65534,
      lastCap: 40,
      noNewPrivs: true,
      file: { permitted: bit(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true },
    });
    expect(nnp.effective).toBe(0n);
  });
});

describeTier('capsAfterExecve agrees with the kernel (util-linux setpriv, no shell)', { root: true, programs: ['setpriv'] }, () => {
  const lastCap = readCapLastCap();
  const self = readCapStatus('self').sets;
  const run = (args: string[]) => parseCapStatus(execFileSync('setpriv', [...args, 'cat', '/proc/self/status'], { encoding: 'utf8' })).sets;

  it('root after dropping CAP_NET_RAW from the bounding set', () => {
    const real = run(['--bounding-set', '-net_raw']);
    const predicted = capsAfterExecve({ before: { ...self, bounding: self.bounding & ~bit(CAP.CAP_NET_RAW) }, uid: 0, lastCap });
    expect(real).toEqual(predicted);
  });

  it('a switch to uid 65534 empties permitted and effective, keeps bounding', () => {
    const real = run(['--reuid', '65534', '--regid', '65534', '--clear-groups']);
    expect(real.effective).toBe(0n);
    expect(real.permitted).toBe(0n);
    expect(real.bounding).toBe(self.bounding);
    // setuid() cleared permitted before execve; the model starts from there.
    expect(capsAfterExecve({ before: { ...self, permitted: 0n, effective: 0n }, uid: 65534, lastCap })).toEqual(real);
  });
});

describe('execveRefused (the capability-dumb binary check)', () => {
  it('refuses a file with the effective bit when a file capability is outside the bounding set', async () => {
    const { execveRefused } = await import('../../src/capabilities/index.js');
    const file = { permitted: bit(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true };
    const docker = 0xa80425fbn;
    const user = { inheritable: 0n, permitted: 0n, effective: 0n, bounding: docker, ambient: 0n };
    expect(execveRefused({ before: user, uid: 1000, lastCap: 40, file })).toBe(false);
    expect(execveRefused({ before: { ...user, bounding: docker & ~bit(CAP.CAP_NET_BIND_SERVICE) }, uid: 1000, lastCap: 40, file })).toBe(
      true,
    );
    expect(execveRefused({ before: { ...user, bounding: 0n }, uid: 1000, lastCap: 40, file: { ...file, effective: false } })).toBe(false);
    // no_new_privs does not make execve fail: the program starts without the file's capabilities.
    expect(execveRefused({ before: user, uid: 1000, lastCap: 40, file, noNewPrivs: true })).toBe(false);
  });
});
