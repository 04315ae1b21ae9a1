import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStaticExecutable, parseElf, readElf } from '../../src/rootfs/elf.js';
import { fakeElf } from './fake-elf.js';
import { describeTier } from '../helpers/tier.js';

const fromBuffer = (buf: Buffer) => (offset: number, length: number) =>
  offset + length <= buf.length ? buf.subarray(offset, offset + length) : undefined;

describe('parseElf on constructed files', () => {
  it('reads the loader, DT_NEEDED and DT_RUNPATH of a 64-bit little-endian program', () => {
    const elf = parseElf(
      fromBuffer(
        fakeElf({
          bits: 64,
          littleEndian: true,
          machine: 62,
          interpreter: '/lib64/ld-linux-x86-64.so.2',
          needed: ['libselinux.so.1', 'libc.so.6'],
          runpath: '$ORIGIN/../lib:/opt/lib',
        }),
      ),
    );
    expect(elf).toMatchObject({ bits: 64, littleEndian: true, machine: 62, type: 2, interpreter: '/lib64/ld-linux-x86-64.so.2' });
    expect(elf?.needed).toEqual(['libselinux.so.1', 'libc.so.6']);
    expect(elf?.runpath).toEqual(['$ORIGIN/../lib', '/opt/lib']);
    expect(isStaticExecutable(elf!)).toBe(false);
  });

  it('reads a 32-bit big-endian static program as static', () => {
    const elf = parseElf(fromBuffer(fakeElf({ bits: 32, littleEndian: false, machine: 8 })));
    expect(elf).toMatchObject({ bits: 32, littleEndian: false, machine: 8, needed: [] });
    expect(elf?.interpreter).toBeUndefined();
    expect(isStaticExecutable(elf!)).toBe(true);
  });

  it('treats a program with a dynamic section but no loader (static-pie) as static', () => {
    const elf = parseElf(fromBuffer(fakeElf({ bits: 64, littleEndian: true, machine: 183, needed: ['libc.so.6'] })));
    expect(elf?.needed).toEqual(['libc.so.6']);
    expect(isStaticExecutable(elf!)).toBe(true);
  });

  it('rejects what is not ELF, and ELF cut short', () => {
    expect(parseElf(fromBuffer(Buffer.from('#!/bin/sh\necho hi\n')))).toBeUndefined();
    const whole = fakeElf({ bits: 64, littleEndian: true, machine: 62, interpreter: '/lib/ld.so', needed: ['libc.so.6'] });
    for (const cut of [10, 63, 100, whole.length - 1]) {
      expect(parseElf(fromBuffer(whole.subarray(0, cut))), `cut at ${cut}`).toBeUndefined();
    }
  });
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clab-elf-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describeTier("readElf on this host's programs", { files: ['/usr/bin/busybox', '/bin/ls'] }, () => {
  it("finds Debian's busybox-static static and ls dynamic", () => {
    const busybox = readElf('/usr/bin/busybox')!;
    expect(busybox.interpreter).toBeUndefined();
    expect(isStaticExecutable(busybox)).toBe(true);
    const ls = readElf('/bin/ls')!;
    expect(ls.interpreter).toMatch(/^\/lib.*\/ld-/);
    expect(ls.needed).toContain('libc.so.6');
    expect(isStaticExecutable(ls)).toBe(false);
  });

  it('gives undefined for a script and for a truncated copy of a real program', () => {
    writeFileSync(path.join(tmp, 'script'), '#!/bin/sh\n');
    expect(readElf(path.join(tmp, 'script'))).toBeUndefined();
    writeFileSync(path.join(tmp, 'cut'), readFileSync('/bin/ls').subarray(0, 200));
    expect(readElf(path.join(tmp, 'cut'))).toBeUndefined();
    copyFileSync('/bin/ls', path.join(tmp, 'ls'));
    expect(readElf(path.join(tmp, 'ls'))?.needed).toContain('libc.so.6');
  });
});
