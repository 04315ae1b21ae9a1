import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyscallError } from '../../src/kernel/errors.js';
import { XATTR } from '../../src/kernel/constants.js';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { readXattrs, xattrText } from '../../src/kernel/xattr.js';
import { describeTier } from '../helpers/tier.js';

/** getfattr (attr package) as the independent witness: name → value, hex-encoded. */
function getfattr(file: string): Record<string, string> {
  const out = execFileSync('getfattr', ['--absolute-names', '-h', '-d', '-m', '-', '-e', 'hex', file], { encoding: 'utf8' });
  const attrs: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^#=][^=]*)=(0x[0-9a-f]*)$/.exec(line.trim());
    if (m?.[1] && m[2]) attrs[m[1]] = m[2];
  }
  return attrs;
}

it('renders printable values as text and binary ones as hex', () => {
  expect(xattrText(Buffer.from('y'))).toBe('y');
  expect(xattrText(Buffer.from([0x00, 0xfb, 0x21]))).toBe('0x00fb21');
  expect(xattrText(Buffer.alloc(0))).toBe('0x');
});

describeTier('xattrs on a real filesystem', { root: true, programs: ['getfattr'] }, () => {
  const kernel = new LinuxKernel();
  const lsetxattr = (file: string, name: string, value: string | Buffer, flags = 0) =>
    kernel.lsetxattr(file, name, Buffer.from(value), flags);
  const lgetxattr = (file: string, name: string) => kernel.lgetxattr(file, name);
  const llistxattr = (file: string) => kernel.llistxattr(file);
  const lremovexattr = (file: string, name: string) => kernel.lremovexattr(file, name);
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-xattr-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sets, lists and reads trusted.overlay.opaque as getfattr sees it', () => {
    const d = path.join(dir, 'opaque');
    fs.mkdirSync(d);
    lsetxattr(d, 'trusted.overlay.opaque', 'y');
    expect(lgetxattr(d, 'trusted.overlay.opaque')?.toString()).toBe('y');
    expect(llistxattr(d)).toContain('trusted.overlay.opaque');
    expect(readXattrs(kernel, d, 'trusted.overlay.')).toEqual({ 'trusted.overlay.opaque': 'y' });
    expect(getfattr(d)['trusted.overlay.opaque']).toBe('0x79');
  });

  it('answers undefined for a missing attribute and [] for none', () => {
    const f = path.join(dir, 'plain');
    fs.writeFileSync(f, 'x');
    expect(lgetxattr(f, 'trusted.overlay.opaque')).toBeUndefined();
    expect(llistxattr(f)).toEqual([]);
    expect(getfattr(f)).toEqual({});
  });

  it('reads the link itself, never its target', () => {
    const target = path.join(dir, 'target');
    const link = path.join(dir, 'link');
    fs.mkdirSync(target);
    fs.symlinkSync('target', link);
    lsetxattr(target, 'user.side', 'target');
    lsetxattr(link, 'trusted.side', 'link');
    expect(readXattrs(kernel, link)).toEqual({ 'trusted.side': 'link' });
    expect(readXattrs(kernel, target)).toEqual({ 'user.side': 'target' });
    expect(getfattr(link)).toEqual({ 'trusted.side': `0x${Buffer.from('link').toString('hex')}` });
  });

  it('grows its buffer for a long value, and removes', () => {
    const f = path.join(dir, 'long');
    fs.writeFileSync(f, '');
    const value = Buffer.alloc(3000, 0xab);
    lsetxattr(f, 'user.long', value);
    expect(lgetxattr(f, 'user.long')?.equals(value)).toBe(true);
    expect(getfattr(f)['user.long']).toBe(`0x${value.toString('hex')}`);
    lremovexattr(f, 'user.long');
    expect(lgetxattr(f, 'user.long')).toBeUndefined();
  });

  it('throws a SyscallError naming the call and errno', () => {
    const missing = path.join(dir, 'missing');
    expect(() => lgetxattr(missing, 'user.x')).toThrowError(SyscallError);
    try {
      llistxattr(missing);
    } catch (err) {
      expect(err).toBeInstanceOf(SyscallError);
      expect((err as SyscallError).syscall).toBe('llistxattr');
      expect((err as SyscallError).code).toBe('ENOENT');
    }
    const f = path.join(dir, 'once');
    fs.writeFileSync(f, '');
    lsetxattr(f, 'user.once', '1', XATTR.XATTR_CREATE);
    expect(() => lsetxattr(f, 'user.once', '2', XATTR.XATTR_CREATE)).toThrow(/EEXIST/);
  });
});
