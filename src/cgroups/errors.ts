/**
 * CgroupError: a cgroup file operation the kernel refused, said in the kernel's words and a learner's.
 *
 * cgroups have no syscalls of their own: every change is a mkdir, a write or an rmdir in cgroupfs,
 * and the kernel answers a refused write with an errno, just as a syscall does. The same EBUSY
 * means different things in different files, so the hints are keyed by file and errno.
 */
import path from 'node:path';
import { errnoText } from '../kernel/errors.js';

export type CgroupOp = 'mkdir' | 'write' | 'rmdir' | 'kill';

/** [operation, file name (or `*`), errno, hint]. First match wins. */
const HINTS: ReadonlyArray<[op: CgroupOp | '*', file: string, code: string, hint: string]> = [
  [
    'write',
    'cgroup.subtree_control',
    'EBUSY',
    'cgroup v2 hands controllers only from the root or from a cgroup with no processes of its own ' +
      '("no internal processes"). If this is the root of a container\'s cgroup namespace, run the lab on the host.',
  ],
  [
    'write',
    'cgroup.subtree_control',
    'ENOENT',
    'The controller is not available in this cgroup: on a hybrid host it is taken by a v1 hierarchy, ' +
      'or the kernel command line disabled it (cgroup_disable=…).',
  ],
  [
    'write',
    'cgroup.subtree_control',
    'EINVAL',
    'The kernel refused to enable a controller: the cpu controller refuses while realtime ' +
      '(SCHED_FIFO/SCHED_RR) processes run outside the root cgroup.',
  ],
  ['write', 'cgroup.procs', 'ESRCH', 'That process has already exited.'],
  [
    'write',
    'cgroup.procs',
    'EBUSY',
    'cgroup v2 puts processes only in leaf cgroups once controllers are enabled for children ("no internal processes").',
  ],
  [
    'write',
    'memory.limit_in_bytes',
    'EBUSY',
    'The cgroup already uses more memory than the new limit and the kernel could not reclaim it: kill its processes first.',
  ],
  [
    'write',
    'memory.limit_in_bytes',
    'EINVAL',
    'On cgroup v1 memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes: raise memsw first.',
  ],
  [
    'write',
    'memory.memsw.limit_in_bytes',
    'EINVAL',
    'On cgroup v1 memory.memsw.limit_in_bytes may never be below memory.limit_in_bytes: lower the memory limit first.',
  ],
  ['write', 'cpu.max', 'EINVAL', 'A CPU quota must be at least 1000 µs (1 ms) per period: ask for at least 0.01 CPUs.'],
  ['write', 'cpu.cfs_quota_us', 'EINVAL', 'A CPU quota must be at least 1000 µs (1 ms) per period: ask for at least 0.01 CPUs.'],
  ['mkdir', '*', 'EEXIST', 'A cgroup of that name is left from an earlier run: run `container-lab cleanup`.'],
  ['mkdir', '*', 'EROFS', '/sys/fs/cgroup is mounted read-only, as inside most containers: run the lab on the host.'],
  ['rmdir', '*', 'EBUSY', 'Processes (or child cgroups) are still in this cgroup: kill them first, then remove it.'],
  ['*', '*', 'EACCES', 'Changing cgroups needs root: run the lab with sudo.'],
  ['*', '*', 'EPERM', 'Changing cgroups needs root: run the lab with sudo.'],
  [
    'write',
    '*',
    'ENOENT',
    "This cgroup has no such file: its controller is not enabled here (see the parent's cgroup.subtree_control), " +
      'or this kernel is too old for it.',
  ],
];

/** Returns the learner-facing hint for a refused cgroup operation. */
export function cgroupHint(op: CgroupOp, file: string, code: string): string {
  const name = path.basename(file);
  const match = HINTS.find(([o, f, c]) => (o === op || o === '*') && (f === name || f === '*') && c === code);
  return match?.[3] ?? `The kernel answered ${code}: see Documentation/admin-guide/cgroup-v2.rst (or cgroup-v1/) for this file.`;
}

/** A refused mkdir / write / rmdir in cgroupfs, or a signal that could not be sent. */
export class CgroupError extends Error {
  readonly op: CgroupOp;
  /** The directory or file, or the PID for `kill`. */
  readonly target: string;
  /** The value written, for `write`. */
  readonly value: string | undefined;
  /** errno name, e.g. `EBUSY`. */
  readonly code: string;
  /** strerror text. */
  readonly text: string;
  /** What to check or do next. */
  readonly hint: string;

  constructor(op: CgroupOp, target: string, code: string, value?: string) {
    const text = errnoText(code);
    const what = op === 'write' ? `write ${target} ${JSON.stringify(value)}` : `${op} ${target}`;
    super(`${what} failed: ${code} (${text})`);
    this.name = 'CgroupError';
    this.op = op;
    this.target = target;
    this.value = value;
    this.code = code;
    this.text = text;
    this.hint = cgroupHint(op, target, code);
  }
}

/** The errno name of a Node fs error (`EBUSY`), or `EIO` for something that is not one. */
export function codeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
