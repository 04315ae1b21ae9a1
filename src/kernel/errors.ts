/**
 * SyscallError: what went wrong, in the kernel's words and in a learner's.
 *
 * The kernel answers a failed call with one small number (errno). The same EINVAL can mean
 * "wrong flags" or "this process has threads"; the hint table below translates the combinations
 * the lab actually meets into the next thing to check.
 */

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
const HINTS: ReadonlyArray<[syscall: string, errno: string, hint: string]> = [
  [
    'unshare',
    'EINVAL',
    'The kernel refuses this namespace change for a multithreaded process (CLONE_NEWUSER always does): launch it from a fresh single-purpose process instead.',
  ],
  [
    'unshare',
    'ENOSPC',
    'The per-user namespace limit is reached: check /proc/sys/user/max_*_namespaces, or run `container-lab cleanup` to remove stale containers.',
  ],
  ['unshare', 'ENOMEM', "The PID namespace's init has exited, so no new process can start in it: reset the lesson (r)."],
  [
    'setns',
    'EINVAL',
    'setns into a mount namespace needs unshare(CLONE_FS) first in a multithreaded process, and the fd must be a namespace file of the given kind.',
  ],
  ['mount', 'ENODEV', 'This kernel does not know that filesystem type: for overlay, load it with `modprobe overlay`.'],
  ['mount', 'EBUSY', 'Something is already mounted there or still in use: run `container-lab cleanup` and try again.'],
  [
    'mount',
    'ENOENT',
    'The mount point or a layer directory does not exist: the rootfs cache may be damaged; `container-lab cleanup` then restart rebuilds it.',
  ],
  [
    'mount',
    'EINVAL',
    'The kernel rejected the mount options: for overlay, upperdir and workdir must be on the same filesystem, and not on another overlay.',
  ],
  ['mount', 'ENOSPC', 'Too many mounts: check /proc/sys/fs/mount-max, or run `container-lab cleanup`.'],
  ['umount2', 'EBUSY', 'A process still uses this mount: stop the container first, or detach with MNT_DETACH.'],
  ['umount2', 'EINVAL', 'This path is not a mount point (it may already be unmounted).'],
  [
    'pivot_root',
    'EINVAL',
    'pivot_root needs the new root to be a mount point in a private mount namespace: bind-mount it onto itself and make / MS_REC|MS_PRIVATE first.',
  ],
  ['pivot_root', 'EBUSY', 'The new root or put_old is busy: it may already be the root of this namespace.'],
  ['chdir', 'ENOENT', "That directory does not exist inside the container's root."],
  ['capset', 'EPERM', 'A thread can only lower its capabilities, and only raise inheritable ones that are in its bounding set.'],
  ['prctl', 'EINVAL', 'This kernel does not know that capability number or prctl option.'],
  [
    'execve',
    'ENOENT',
    "The program (or its ELF loader) is not in the container's rootfs: rebuild it with `container-lab cleanup` and restart.",
  ],
  ['execve', 'EACCES', 'The file is not executable, or its filesystem is mounted noexec.'],
  ['*', 'EPERM', 'This needs root with all capabilities: run the lab with sudo, and not inside a container that dropped CAP_SYS_ADMIN.'],
  ['*', 'ENOSPC', 'No space left: check `df -h /var/lib/container-lab` and the kernel limits in /proc/sys.'],
  ['*', 'EBUSY', 'The resource is still in use: run `container-lab cleanup` and try again.'],
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
  return (own ?? any)?.[2] ?? `See the ERRORS section of \`man 2 ${syscall}\` for what ${errno} means here.`;
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
    super(`${syscall}(${args.join(', ')}) failed: ${code} (${text})`);
    this.name = 'SyscallError';
    this.syscall = syscall;
    this.args = args;
    this.errno = errno;
    this.code = code;
    this.text = text;
    this.hint = hintFor(syscall, code);
  }
}
