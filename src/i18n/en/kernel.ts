/** English messages: syscall-error hints (src/kernel/). Keys start with `kernel.`; see src/i18n/README.md. */
export const kernel = {
  // A failed call: the call and errno as the kernel reports them, then what to check next
  'kernel.call-failed': '{call} failed: {code} ({text})',
  'kernel.hint.unshare.EINVAL':
    'The kernel refuses this namespace change for a multithreaded process (CLONE_NEWUSER always does): launch it from a fresh single-purpose process instead.',
  'kernel.hint.unshare.ENOSPC':
    'The per-user namespace limit is reached: check /proc/sys/user/max_*_namespaces, or run `container-lab cleanup` to remove stale containers.',
  'kernel.hint.unshare.ENOMEM': "The PID namespace's init has exited, so no new process can start in it: reset the lesson (r).",
  'kernel.hint.setns.EINVAL':
    'setns into a mount namespace needs unshare(CLONE_FS) first in a multithreaded process, and the fd must be a namespace file of the given kind.',
  'kernel.hint.mount.ENODEV': 'This kernel does not know that filesystem type: for overlay, load it with `modprobe overlay`.',
  'kernel.hint.mount.EBUSY': 'Something is already mounted there or still in use: run `container-lab cleanup` and try again.',
  'kernel.hint.mount.ENOENT':
    'The mount point or a layer directory does not exist: the rootfs cache may be damaged; `container-lab cleanup` then restart rebuilds it.',
  'kernel.hint.mount.EINVAL':
    'The kernel rejected the mount options: for overlay, upperdir and workdir must be on the same filesystem, and not on another overlay.',
  'kernel.hint.mount.ENOSPC': 'Too many mounts: check /proc/sys/fs/mount-max, or run `container-lab cleanup`.',
  'kernel.hint.umount2.EBUSY': 'A process still uses this mount: stop the container first, or detach with MNT_DETACH.',
  'kernel.hint.umount2.EINVAL': 'This path is not a mount point (it may already be unmounted).',
  'kernel.hint.pivot-root.EINVAL':
    'pivot_root needs the new root to be a mount point in a private mount namespace: bind-mount it onto itself and make / MS_REC|MS_PRIVATE first.',
  'kernel.hint.pivot-root.EBUSY': 'The new root or put_old is busy: it may already be the root of this namespace.',
  'kernel.hint.chdir.ENOENT': "That directory does not exist inside the container's root.",
  'kernel.hint.capset.EPERM': 'A thread can only lower its capabilities, and only raise inheritable ones that are in its bounding set.',
  'kernel.hint.prctl.EINVAL': 'This kernel does not know that capability number or prctl option.',
  'kernel.hint.execve.ENOENT':
    "The program (or its ELF loader) is not in the container's rootfs: rebuild it with `container-lab cleanup` and restart.",
  'kernel.hint.execve.EACCES': 'The file is not executable, or its filesystem is mounted noexec.',
  'kernel.hint.any.EPERM':
    'This needs root with all capabilities: run the lab with sudo, and not inside a container that dropped CAP_SYS_ADMIN.',
  'kernel.hint.any.ENOSPC': 'No space left: check `df -h /var/lib/container-lab` and the kernel limits in /proc/sys.',
  'kernel.hint.any.EBUSY': 'The resource is still in use: run `container-lab cleanup` and try again.',
  'kernel.hint.man-page': 'See the ERRORS section of `man 2 {syscall}` for what {errno} means here.',

  // A host program (`ip`, `nft`, `setcap`…) that failed
  'kernel.run.failed': '`{command}` failed ({result}): {error}',
  'kernel.run.timed-out': 'still running after {seconds} s, so the lab killed it',
  'kernel.run.no-stderr': '{name} printed nothing on stderr',
  'kernel.run.not-installed': '{name} is not installed (or not on PATH): `container-lab doctor` says which package has it.',
  'kernel.run.busy': 'The host may be very busy: try the step again.',
  'kernel.run.by-hand': 'Run `{command}` by hand as root to see its whole message.',
  'kernel.run.no-program': 'runHostProgram needs a program to run.',
  'kernel.syscall-number.unknown-arch':
    'container-lab knows the {name} syscall number for x86_64 and aarch64 only; this machine is {arch}.',
} as const;
