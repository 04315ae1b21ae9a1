/**
 * One doorway to the kernel: only src/kernel/linux.ts loads koffi, and the calls that used to go
 * around it (chroot, the xattr calls) are Kernel methods that the recording kernel sees, can fail
 * on purpose, and that traced() reports as events.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XATTR } from '../../src/kernel/constants.js';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { traced } from '../../src/kernel/traced.js';
import { readXattrs } from '../../src/kernel/xattr.js';
import { walkTree } from '../../src/overlay/tree.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const KOFFI = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]koffi['"]/;

describe('the kernel doorway', () => {
  it('the pattern finds every way of loading koffi (so a pass means something)', () => {
    for (const line of ["import koffi from 'koffi';", 'import { load } from "koffi";', "await import('koffi')", "require('koffi')"]) {
      expect(line).toMatch(KOFFI);
    }
    expect('// koffi is loaded in linux.ts').not.toMatch(KOFFI);
  });

  it('only src/kernel/linux.ts imports koffi', () => {
    const importers = sources('src').filter((f) => KOFFI.test(fs.readFileSync(f, 'utf8')));
    expect(importers).toEqual(['src/kernel/linux.ts']);
  });
});

describe('chroot and xattrs through the Kernel interface', () => {
  it('the recording kernel records chroot and fails it when told to', () => {
    const k = new RecordingKernel().failOn('chroot', 'EPERM', 2);
    k.chroot('/merged');
    expect(() => k.chroot('.')).toThrowError(/chroot\("\."\) failed: EPERM/);
    expect(k.texts).toEqual(['chroot("/merged")', 'chroot(".")']);
  });

  it('the recording kernel keeps xattrs in memory and refuses as the kernel does', () => {
    const k = new RecordingKernel();
    k.lsetxattr('/up/dir', 'trusted.overlay.opaque', Buffer.from('y'), XATTR.XATTR_CREATE);
    expect(() => k.lsetxattr('/up/dir', 'trusted.overlay.opaque', Buffer.from('y'), XATTR.XATTR_CREATE)).toThrowError(/EEXIST/);
    expect(() => k.lsetxattr('/up/dir', 'user.new', Buffer.from('1'), XATTR.XATTR_REPLACE)).toThrowError(/ENODATA/);
    expect(readXattrs(k, '/up/dir', 'trusted.overlay.')).toEqual({ 'trusted.overlay.opaque': 'y' });
    k.lremovexattr('/up/dir', 'trusted.overlay.opaque');
    expect(k.lgetxattr('/up/dir', 'trusted.overlay.opaque')).toBeUndefined();
    expect(() => k.lremovexattr('/up/dir', 'trusted.overlay.opaque')).toThrowError(
      /lremovexattr\("\/up\/dir", "trusted.overlay.opaque"\) failed: ENODATA/,
    );
    expect(k.texts[0]).toBe('lsetxattr("/up/dir", "trusted.overlay.opaque", "y", 1, XATTR_CREATE)');
  });

  it("traced() reports each call with the syscall's own return value", () => {
    const events: PrimitiveEvent[] = [];
    const inner = new RecordingKernel().failOn('lgetxattr', 'EACCES', 2);
    const k = traced(inner, (e) => events.push(e));
    k.lsetxattr('/f', 'user.a', Buffer.from([0, 0xfb]), 0);
    k.lgetxattr('/f', 'user.a');
    expect(() => k.lgetxattr('/f', 'user.b')).toThrow(/EACCES/);
    k.lgetxattr('/f', 'user.missing');
    k.llistxattr('/f');
    k.chroot('/r');
    expect(events.map((e) => `${e.name}(${e.args.join(', ')}) = ${e.result}`)).toEqual([
      'lsetxattr("/f", "user.a", 0x00fb, 2, 0) = 0',
      'lgetxattr("/f", "user.a") = 2',
      'lgetxattr("/f", "user.b") = -1 EACCES',
      'lgetxattr("/f", "user.missing") = -1 ENODATA',
      // "user.a\0": the size of the name list the kernel filled in.
      'llistxattr("/f") = 7',
      'chroot("/r") = 0',
    ]);
    expect(events[2]).toMatchObject({ ok: false, error: { code: 'EACCES' } });
  });

  it('a tree walk reads overlay marks through the kernel it is given', () => {
    const root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'cldw-tree-'));
    try {
      fs.mkdirSync(path.join(root, 'cache'));
      fs.writeFileSync(path.join(root, 'file'), 'x');
      const k = new RecordingKernel();
      k.lsetxattr(path.join(root, 'cache'), 'trusted.overlay.opaque', Buffer.from('y'), 0);
      const nodes = walkTree(root, k);
      expect(nodes.find((n) => n.path === 'cache')?.overlay).toEqual({ opaque: true });
      expect(k.calls.filter((c) => c.method === 'lgetxattr').map((c) => c.params[1])).toEqual([
        'trusted.overlay.opaque',
        'trusted.overlay.redirect',
        'trusted.overlay.metacopy',
        'trusted.overlay.whiteout',
      ]);
      expect(walkTree(root, null).find((n) => n.path === 'cache')?.overlay).toEqual({});
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
