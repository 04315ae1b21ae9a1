import { describe, expect, it } from 'vitest';
import { ERRNO, SyscallError, hintFor } from '../../src/kernel/errors.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { FaultPlan, withFaults } from '../../src/kernel/faults.js';
import { CLONE } from '../../src/kernel/constants.js';

describe('SyscallError', () => {
  it('carries the syscall, its arguments, errno name and text, and a hint', () => {
    const err = new SyscallError('mount', ['"overlay"', '"/x"'], ERRNO.ENODEV!);
    expect(err.message).toBe('mount("overlay", "/x") failed: ENODEV (No such device)');
    expect(err.code).toBe('ENODEV');
    expect(err.hint).toMatch(/modprobe overlay/);
  });
  it('falls back to the man page for an unexplained combination', () => {
    expect(hintFor('sethostname', 'EFAULT')).toMatch(/man 2 sethostname/);
  });
  it('translates the misleading EINVAL from unshare in a threaded process', () => {
    expect(hintFor('unshare', 'EINVAL')).toMatch(/multithreaded/);
  });
  it("prefers the syscall's own hint to one for any syscall", () => {
    // capset's EPERM means "you may only lower capabilities", not "run as root".
    expect(hintFor('capset', 'EPERM')).toMatch(/can only lower its capabilities/);
    expect(hintFor('mount', 'EBUSY')).toMatch(/already mounted there/);
    expect(hintFor('mount', 'EPERM')).toMatch(/^This needs root with all capabilities/);
  });
});

describe('RecordingKernel', () => {
  it('records calls as a learner reads them', () => {
    const k = new RecordingKernel();
    k.unshare(CLONE.CLONE_NEWPID | CLONE.CLONE_NEWNS);
    k.pivotRoot('.', '.');
    expect(k.texts).toEqual(['unshare(CLONE_NEWNS|CLONE_NEWPID)', 'pivot_root(".", ".")']);
  });
  it('fails exactly the nth call it was told to', () => {
    const k = new RecordingKernel().failOn('mount', 'EPERM', 2);
    k.mount('a', '/a', null, 0, null);
    expect(() => k.mount('b', '/b', null, 0, null)).toThrowError(/mount\("b", "\/b", NULL, 0, NULL\) failed: EPERM/);
    expect(() => k.mount('c', '/c', null, 0, null)).not.toThrow();
  });
});

describe('FaultPlan', () => {
  it('parses method:errno:nth lists and stops the call before the kernel sees it', () => {
    const inner = new RecordingKernel();
    const k = withFaults(inner, FaultPlan.parse('chdir:ENOENT:1,umount2:EBUSY'));
    expect(() => k.chdir('/nope')).toThrowError(SyscallError);
    expect(() => k.umount2('/m', 0)).toThrowError(/EBUSY/);
    expect(inner.calls).toHaveLength(0);
  });
  it('rejects an errno it does not know', () => {
    expect(() => FaultPlan.parse('mount:EWHAT')).toThrowError(/unknown errno EWHAT/);
  });
});
