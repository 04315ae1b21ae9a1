/**
 * Putting a process into the container's cgroup: write its PID into `cgroup.procs` (one file on
 * cgroup v2, one per controller tree on v1). The shim does this from the host side for PID 1 and
 * for every `exec`, as runc's parent process does for `runc init`: the process itself never needs
 * to see the host's cgroup filesystem.
 *
 * The first such write can take ~10 ms: the kernel waits for an RCU grace period before it moves a
 * thread group between cgroups. The shim overlaps that wait with PID 1's mount work.
 */
import fs from 'node:fs';
import type { PrimitiveEvent } from '../../kernel/kernel.js';

export function joinCgroup(files: readonly string[], pid: number, emit: (e: PrimitiveEvent) => void): void {
  for (const file of files) {
    const start = performance.now();
    const fd = fs.openSync(file, fs.constants.O_WRONLY);
    try {
      fs.writeSync(fd, String(pid));
    } finally {
      fs.closeSync(fd);
    }
    emit({ kind: 'write', name: file, args: [JSON.stringify(String(pid))], result: '0', ok: true, durationMs: performance.now() - start });
  }
}
