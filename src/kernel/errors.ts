/**
 * SyscallError: what went wrong, in the kernel's words and in a learner's.
 *
 * The kernel answers a failed call with one small number (errno). The same EINVAL can mean
 * "wrong flags" or "this process has threads"; the hint table below translates the combinations
 * the lab actually meets into the next thing to check.
 */
import { t } from '../i18n/index.js';
import type { MessageId } from '../i18n/index.js';

/** errno numbers → names, for the errnos a container runtime meets (Linux, all architectures). */
export const ERRNO_NAMES: Readonly<Record<number, string>> = {
  1: 'EPERM',
  2: 'ENOENT',
  3: 'ESRCH',
  4: 'EINTR',
  5: 'EIO',
  7: 'E2BIG',
  8: 'ENOEXEC',
  9: 'EBADF',
  10: 'ECHILD',
  11: 'EAGAIN',
  12: 'ENOMEM',
  13: 'EACCES',
  14: 'EFAULT',
  16: 'EBUSY',
  17: 'EEXIST',
  18: 'EXDEV',
  19: 'ENODEV',
  20: 'ENOTDIR',
  21: 'EISDIR',
  22: 'EINVAL',
  23: 'ENFILE',
  24: 'EMFILE',
  26: 'ETXTBSY',
  28: 'ENOSPC',
  30: 'EROFS',
  31: 'EMLINK',
  34: 'ERANGE',
  36: 'ENAMETOOLONG',
  38: 'ENOSYS',
  39: 'ENOTEMPTY',
  40: 'ELOOP',
  61: 'ENODATA',
  95: 'EOPNOTSUPP',
};

/** errno name → number (inverse of {@link ERRNO_NAMES}). */
export const ERRNO: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(ERRNO_NAMES).map(([n, name]) => [name, Number(n)]),
);

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EFAULT: 'Bad address',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  ETXTBSY: 'Text file busy',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EMLINK: 'Too many links',
  ENAMETOOLONG: 'File name too long',
  ENOSYS: 'Function not implemented',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EOPNOTSUPP: 'Operation not supported',
  ERANGE: 'Numerical result out of range',
  ENODATA: 'No data available',
};

/**
 * A hint for one syscall and errno; `*` matches any syscall. A row naming the syscall wins over a
 * `*` row, wherever the two stand in the table.
 */
/** The catalogue's hints: one per syscall and errno the lab meets (`kernel.hint.mount.EBUSY`). */
type Hint = Extract<MessageId, `kernel.hint.${string}.E${string}`>;

const HINTS: ReadonlyArray<[syscall: string, errno: string, hint: Hint]> = [
  ['unshare', 'EINVAL', 'kernel.hint.unshare.EINVAL'],
  ['unshare', 'ENOSPC', 'kernel.hint.unshare.ENOSPC'],
  ['unshare', 'ENOMEM', 'kernel.hint.unshare.ENOMEM'],
  ['setns', 'EINVAL', 'kernel.hint.setns.EINVAL'],
  ['mount', 'ENODEV', 'kernel.hint.mount.ENODEV'],
  ['mount', 'EBUSY', 'kernel.hint.mount.EBUSY'],
  ['mount', 'ENOENT', 'kernel.hint.mount.ENOENT'],
  ['mount', 'EINVAL', 'kernel.hint.mount.EINVAL'],
  ['mount', 'ENOSPC', 'kernel.hint.mount.ENOSPC'],
  ['umount2', 'EBUSY', 'kernel.hint.umount2.EBUSY'],
  ['umount2', 'EINVAL', 'kernel.hint.umount2.EINVAL'],
  ['pivot_root', 'EINVAL', 'kernel.hint.pivot-root.EINVAL'],
  ['pivot_root', 'EBUSY', 'kernel.hint.pivot-root.EBUSY'],
  ['chdir', 'ENOENT', 'kernel.hint.chdir.ENOENT'],
  ['capset', 'EPERM', 'kernel.hint.capset.EPERM'],
  ['prctl', 'EINVAL', 'kernel.hint.prctl.EINVAL'],
  ['execve', 'ENOENT', 'kernel.hint.execve.ENOENT'],
  ['execve', 'EACCES', 'kernel.hint.execve.EACCES'],
  ['*', 'EPERM', 'kernel.hint.any.EPERM'],
  ['*', 'ENOSPC', 'kernel.hint.any.ENOSPC'],
  ['*', 'EBUSY', 'kernel.hint.any.EBUSY'],
];

/** Returns the errno name for a number (`E123` when unknown). */
export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `E${errno}`;
}

/** Returns the strerror text for an errno name. */
export function errnoText(name: string): string {
  return ERRNO_TEXT[name] ?? 'Unknown error';
}

/** Returns the learner-facing hint for a failed syscall. */
export function hintFor(syscall: string, errno: string): string {
  const own = HINTS.find(([s, e]) => s === syscall && e === errno);
  const any = HINTS.find(([s, e]) => s === '*' && e === errno);
  const id = (own ?? any)?.[2];
  return id ? t(id) : t('kernel.hint.man-page', { syscall, errno });
}

/** A failed syscall, carrying everything a learner needs to understand it. */
export class SyscallError extends Error {
  /** The syscall's name, e.g. `mount`. */
  readonly syscall: string;
  /** The arguments as shown to the learner (symbolic flags, quoted strings). */
  readonly args: readonly string[];
  /** errno as a number. */
  readonly errno: number;
  /** errno as a name, e.g. `EPERM`. */
  readonly code: string;
  /** strerror text. */
  readonly text: string;
  /** What to check or do next. */
  readonly hint: string;

  constructor(syscall: string, args: readonly string[], errno: number) {
    const code = errnoName(errno);
    const text = errnoText(code);
    super(t('kernel.call-failed', { call: `${syscall}(${args.join(', ')})`, code, text }));
    this.name = 'SyscallError';
    this.syscall = syscall;
    this.args = args;
    this.errno = errno;
    this.code = code;
    this.text = text;
    this.hint = hintFor(syscall, code);
  }
}
