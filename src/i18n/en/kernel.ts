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

  // A refused write, mkdir or rmdir in cgroupfs: what to check next (src/cgroups/errors.ts)
  'kernel.cgroup.write.cgroup.subtree_control.EBUSY':
    'cgroup v2 hands controllers only from the root or from a cgroup with no processes of its own ("no internal processes"). If this is the root of a container\'s cgroup namespace, run the lab on the host.',
  'kernel.cgroup.write.cgroup.subtree_control.ENOENT':
    'The controller is not available in this cgroup: on a hybrid host it is taken by a v1 hierarchy, or the kernel command line disabled it (cgroup_disable=…).',
  'kernel.cgroup.write.cgroup.subtree_control.EINVAL':
    'The kernel refused to enable a controller: the cpu controller refuses while realtime (SCHED_FIFO/SCHED_RR) processes run outside the root cgroup.',
  'kernel.cgroup.write.cgroup.procs.ESRCH': 'That process has already exited.',
  'kernel.cgroup.write.cgroup.procs.EBUSY':
    'cgroup v2 puts processes only in leaf cgroups once controllers are enabled for children ("no internal processes").',
  'kernel.cgroup.write.memory.limit_in_bytes.EBUSY':
    'The cgroup already uses more memory than the new limit and the kernel could not reclaim it: kill its processes first.',
  'kernel.cgroup.write.memory.limit_in_bytes.EINVAL':
    'On cgroup v1 memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes: raise memsw first.',
  'kernel.cgroup.write.memory.memsw.limit_in_bytes.EINVAL':
    'On cgroup v1 memory.memsw.limit_in_bytes may never be below memory.limit_in_bytes: lower the memory limit first.',
  'kernel.cgroup.write.cpu.max.EINVAL': 'A CPU quota must be at least 1000 µs (1 ms) per period: ask for at least 0.01 CPUs.',
  'kernel.cgroup.write.cpu.cfs_quota_us.EINVAL': 'A CPU quota must be at least 1000 µs (1 ms) per period: ask for at least 0.01 CPUs.',
  'kernel.cgroup.mkdir.any.EEXIST': 'A cgroup of that name is left from an earlier run: run `container-lab cleanup`.',
  'kernel.cgroup.mkdir.any.EROFS': '/sys/fs/cgroup is mounted read-only, as inside most containers: run the lab on the host.',
  'kernel.cgroup.rmdir.any.EBUSY': 'Processes (or child cgroups) are still in this cgroup: kill them first, then remove it.',
  'kernel.cgroup.any.any.EACCES': 'Changing cgroups needs root: run the lab with sudo.',
  'kernel.cgroup.any.any.EPERM': 'Changing cgroups needs root: run the lab with sudo.',
  'kernel.cgroup.write.any.ENOENT':
    "This cgroup has no such file: its controller is not enabled here (see the parent's cgroup.subtree_control), or this kernel is too old for it.",
  'kernel.cgroup.other': 'The kernel answered {code}: see Documentation/admin-guide/cgroup-v2.rst (or cgroup-v1/) for this file.',
} as const;
