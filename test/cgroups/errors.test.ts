import { describe, expect, it } from 'vitest';
import { CgroupError, cgroupHint } from '../../src/cgroups/errors.js';

describe('cgroup error hints', () => {
  it('the same errno means different things in different files', () => {
    expect(cgroupHint('write', '/sys/fs/cgroup/cgroup.subtree_control', 'EBUSY')).toMatch(/no internal processes/);
    expect(cgroupHint('write', '/sys/fs/cgroup/memory/x/memory.limit_in_bytes', 'EBUSY')).toMatch(/could not reclaim/);
    expect(cgroupHint('rmdir', '/sys/fs/cgroup/x', 'EBUSY')).toMatch(/still in this cgroup/);
    expect(cgroupHint('write', '/sys/fs/cgroup/memory/x/memory.limit_in_bytes', 'EINVAL')).toMatch(/raise memsw first/);
    expect(cgroupHint('write', '/sys/fs/cgroup/x/cgroup.procs', 'ESRCH')).toMatch(/already exited/);
  });

  it('falls back from file to operation to a pointer at the documentation', () => {
    expect(cgroupHint('mkdir', '/sys/fs/cgroup/container-lab', 'EROFS')).toMatch(/read-only/);
    expect(cgroupHint('write', '/x/io.max', 'EACCES')).toMatch(/sudo/);
    expect(cgroupHint('write', '/x/memory.high', 'ENOENT')).toMatch(/not enabled here/);
    expect(cgroupHint('write', '/x/memory.high', 'E2BIG')).toMatch(/cgroup-v2\.rst/);
  });

  it('a CgroupError says what was written where, and what the kernel answered', () => {
    const err = new CgroupError('write', '/sys/fs/cgroup/x/cpu.max', 'EINVAL', '500 100000');
    expect(err.message).toBe('write /sys/fs/cgroup/x/cpu.max "500 100000" failed: EINVAL (Invalid argument)');
    expect(err.hint).toMatch(/at least 0.01 CPUs/);
    expect(new CgroupError('rmdir', '/sys/fs/cgroup/x', 'EBUSY').message).toBe(
      'rmdir /sys/fs/cgroup/x failed: EBUSY (Device or resource busy)',
    );
  });
});
