/**
 * The security.capability bytes the lab writes and reads itself, held against libcap: what `setcap`
 * writes for the same text must be the same bytes, and the lab's text must mean the same to setcap.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFileCaps, encodeFileCaps, fileCapsText, SECURITY_CAPABILITY } from '../../src/capabilities/file-caps.js';
import { CAP } from '../../src/kernel/constants.js';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { describeTier } from '../helpers/tier.js';

const linux = new LinuxKernel();
const lgetxattr = (path: string, name: string) => linux.lgetxattr(path, name);
const lsetxattr = (path: string, name: string, value: Buffer) => linux.lsetxattr(path, name, value, 0);

const bit = (n: number) => 1n << BigInt(n);

describe('security.capability (vfs_cap_data)', () => {
  it('encodes revision 2 with the effective flag, low words then high words', () => {
    const caps = {
      permitted: bit(CAP.CAP_NET_BIND_SERVICE) | bit(CAP.CAP_CHECKPOINT_RESTORE),
      inheritable: bit(CAP.CAP_CHOWN),
      effective: true,
    };
    const b = encodeFileCaps(caps);
    expect(b.toString('hex')).toBe('01000002' + '00040000' + '01000000' + '00010000' + '00000000');
    expect(decodeFileCaps(b)).toEqual({ revision: 2, ...caps });
  });

  it('reads revision 3 (a user namespace root id) and refuses sizes no kernel writes', () => {
    const v3 = Buffer.concat([
      encodeFileCaps({ permitted: bit(CAP.CAP_NET_RAW), inheritable: 0n, effective: false }),
      Buffer.from([0xe8, 0x03, 0, 0]),
    ]);
    v3.writeUInt32LE(0x03000000, 0);
    expect(decodeFileCaps(v3)).toEqual({ revision: 3, permitted: bit(CAP.CAP_NET_RAW), inheritable: 0n, effective: false, rootid: 1000 });
    expect(() => decodeFileCaps(Buffer.alloc(2))).toThrow(/too short/);
    expect(() => decodeFileCaps(encodeFileCaps({ permitted: 0n, inheritable: 0n, effective: false }).subarray(0, 16))).toThrow(
      /revision 2 and 16 bytes/,
    );
  });

  it('writes text in setcap notation, one group per set of flags', () => {
    expect(fileCapsText({ permitted: bit(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true })).toBe('cap_net_bind_service=ep');
    expect(fileCapsText({ permitted: bit(CAP.CAP_CHOWN) | bit(CAP.CAP_SETUID), inheritable: bit(CAP.CAP_SETUID), effective: false })).toBe(
      'cap_chown=p cap_setuid=ip',
    );
    expect(fileCapsText({ permitted: 0n, inheritable: 0n, effective: false })).toBe('(none)');
  });
});

// Root writes security.* xattrs; libcap's setcap and getcap are the oracle.
describeTier("against libcap's setcap and getcap", { root: true, programs: ['setcap', 'getcap'] }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-filecaps-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const copy = (name: string) => {
    const file = path.join(dir, name);
    fs.copyFileSync('/bin/true', file);
    return file;
  };

  it.each([
    'cap_net_bind_service=ep',
    'cap_chown,cap_setuid=eip cap_net_raw=ep',
    'cap_chown=p cap_setuid=ip',
    'cap_sys_admin,cap_bpf=i',
    'cap_chown,cap_checkpoint_restore=ep',
  ])('setcap %s: the same bytes, and the lab text means the same to setcap', (text) => {
    const bySetcap = copy('by-setcap');
    execFileSync('setcap', [text, bySetcap]);
    const written = lgetxattr(bySetcap, SECURITY_CAPABILITY)!;
    const caps = decodeFileCaps(written);
    expect(caps.revision).toBe(2);
    const byLab = copy('by-lab');
    lsetxattr(byLab, SECURITY_CAPABILITY, encodeFileCaps(caps));
    expect(lgetxattr(byLab, SECURITY_CAPABILITY)!.equals(written)).toBe(true);
    execFileSync('setcap', [fileCapsText(caps), bySetcap]);
    expect(lgetxattr(bySetcap, SECURITY_CAPABILITY)!.equals(written)).toBe(true);
    if (!text.includes(' ')) expect(execFileSync('getcap', [byLab], { encoding: 'utf8' }).trim()).toBe(`${byLab} ${fileCapsText(caps)}`);
  });
});
