/**
 * CgroupError: a cgroup file operation the kernel refused, said in the kernel's words and a learner's.
 *
 * cgroups have no syscalls of their own: every change is a mkdir, a write or an rmdir in cgroupfs,
 * and the kernel answers a refused write with an errno, just as a syscall does. The same EBUSY
 * means different things in different files, so the hints are keyed by file and errno.
 */
import path from 'node:path';
import { t } from '../i18n/index.js';
import type { MessageId } from '../i18n/index.js';
import { errnoText } from '../kernel/errors.js';

export type CgroupOp = 'mkdir' | 'write' | 'rmdir' | 'kill';

/** [operation, file name (or `*`), errno, hint]. First match wins. */
/** The catalogue's hints, one per operation, file and errno (`kernel.cgroup.write.cgroup.procs.EBUSY`). */
type Hint = Extract<MessageId, `kernel.cgroup.${string}.E${string}`>;

const HINTS: ReadonlyArray<[op: CgroupOp | '*', file: string, code: string, hint: Hint]> = [
  ['write', 'cgroup.subtree_control', 'EBUSY', 'kernel.cgroup.write.cgroup.subtree_control.EBUSY'],
  ['write', 'cgroup.subtree_control', 'ENOENT', 'kernel.cgroup.write.cgroup.subtree_control.ENOENT'],
  ['write', 'cgroup.subtree_control', 'EINVAL', 'kernel.cgroup.write.cgroup.subtree_control.EINVAL'],
  ['write', 'cgroup.procs', 'ESRCH', 'kernel.cgroup.write.cgroup.procs.ESRCH'],
  ['write', 'cgroup.procs', 'EBUSY', 'kernel.cgroup.write.cgroup.procs.EBUSY'],
  ['write', 'memory.limit_in_bytes', 'EBUSY', 'kernel.cgroup.write.memory.limit_in_bytes.EBUSY'],
  ['write', 'memory.limit_in_bytes', 'EINVAL', 'kernel.cgroup.write.memory.limit_in_bytes.EINVAL'],
  ['write', 'memory.memsw.limit_in_bytes', 'EINVAL', 'kernel.cgroup.write.memory.memsw.limit_in_bytes.EINVAL'],
  ['write', 'cpu.max', 'EINVAL', 'kernel.cgroup.write.cpu.max.EINVAL'],
  ['write', 'cpu.cfs_quota_us', 'EINVAL', 'kernel.cgroup.write.cpu.cfs_quota_us.EINVAL'],
  ['mkdir', '*', 'EEXIST', 'kernel.cgroup.mkdir.any.EEXIST'],
  ['mkdir', '*', 'EROFS', 'kernel.cgroup.mkdir.any.EROFS'],
  ['rmdir', '*', 'EBUSY', 'kernel.cgroup.rmdir.any.EBUSY'],
  ['*', '*', 'EACCES', 'kernel.cgroup.any.any.EACCES'],
  ['*', '*', 'EPERM', 'kernel.cgroup.any.any.EPERM'],
  ['write', '*', 'ENOENT', 'kernel.cgroup.write.any.ENOENT'],
];

/** Returns the learner-facing hint for a refused cgroup operation. */
export function cgroupHint(op: CgroupOp, file: string, code: string): string {
  const name = path.basename(file);
  const match = HINTS.find(([o, f, c]) => (o === op || o === '*') && (f === name || f === '*') && c === code);
  return match ? t(match[3]) : t('kernel.cgroup.other', { code });
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
    super(t('kernel.call-failed', { call: what, code, text }));
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
