/**
 * The Kernel interface: the one doorway between container-lab and the Linux kernel.
 *
 * Every namespace, mount, capability and extended-attribute call the lab makes goes through this
 * interface — and chroot(2), which only the mount-namespace lesson's escape uses.
 * Two implementations exist: {@link LinuxKernel} (real syscalls through koffi, used by the shim) and
 * {@link RecordingKernel} (records every call and can be told to fail one, used by unit tests).
 * Everything here is synchronous on purpose: namespace and mount changes apply to the calling
 * thread only, so they must run on the shim's main thread, never on a libuv pool thread.
 */

/** The three capability sets of one thread, as 64-bit masks. */
export interface CapSets {
  effective: bigint;
  permitted: bigint;
  inheritable: bigint;
}

export interface Kernel {
  /** unshare(2): move the calling thread into new namespaces (CLONE_NEW* flags). */
  unshare(flags: number): void;
  /** setns(2): join the namespace an open `/proc/<pid>/ns/<kind>` fd refers to. */
  setns(fd: number, nstype: number): void;
  /** mount(2). `source`, `fstype` and `data` may be null, as in C. */
  mount(source: string | null, target: string, fstype: string | null, flags: number, data: string | null): void;
  /** umount2(2). */
  umount2(target: string, flags: number): void;
  /** pivot_root(2): make `newRoot` the root of this mount namespace, the old root at `putOld`. */
  pivotRoot(newRoot: string, putOld: string): void;
  /** sethostname(2), in the calling thread's UTS namespace. */
  sethostname(name: string): void;
  /** chdir(2), on the calling thread's fs context. */
  chdir(path: string): void;
  /**
   * chroot(2): change where this process's path lookups start, and nothing else. A runtime never
   * uses it (runc uses pivot_root); the mount-namespace lesson calls it to show how it is escaped.
   */
  chroot(path: string): void;
  /** capget(2) for a thread id (0 = the calling thread). */
  capget(pid: number): CapSets;
  /** capset(2) for the calling thread. */
  capset(sets: CapSets): void;
  /** prctl(PR_SET_PDEATHSIG): the signal this process receives when the thread that started it dies. */
  setPdeathsig(signal: number): void;
  /** prctl(PR_CAPBSET_READ): is `cap` in the calling thread's bounding set? */
  capbsetRead(cap: number): boolean;
  /** prctl(PR_CAPBSET_DROP): remove `cap` from the calling thread's bounding set, for good. */
  capbsetDrop(cap: number): void;
  /** prctl(PR_SET_NO_NEW_PRIVS, 1): execve can never again grant privileges (setuid, file caps). */
  setNoNewPrivs(): void;
  /**
   * setsid(2): a new session and process group led by the caller, with no controlling terminal.
   * Returns the new session's ID: the caller's PID, as its own PID namespace numbers it.
   */
  setsid(): number;
  /**
   * lgetxattr(2): the raw value of extended attribute `name` on `path` (a symlink itself, never
   * its target), or undefined when the file has no such attribute (the kernel's ENODATA).
   */
  lgetxattr(path: string, name: string): Buffer | undefined;
  /** llistxattr(2): the names of every attribute on `path` this process may see. */
  llistxattr(path: string): string[];
  /** lsetxattr(2): sets `name` on `path` (a symlink itself); flags XATTR_CREATE or XATTR_REPLACE, or 0. */
  lsetxattr(path: string, name: string, value: Buffer, flags: number): void;
  /** lremovexattr(2): removes `name` from `path`. */
  lremovexattr(path: string, name: string): void;
  /** execve(2): replace this process with `path`. Returns only by throwing. */
  execve(path: string, argv: readonly string[], env: readonly string[]): never;
  /** chown(2): give `path` to `uid` and `gid` (-1 leaves that id as it is). Follows symbolic links. */
  chown(path: string, uid: number, gid: number): void;
  /** socket(2): a new socket in the calling thread's network namespace; returns its fd. */
  socket(domain: number, type: number, protocol: number): number;
  /** bind(2) an AF_INET socket to `address:port` (address as dotted quad). */
  bindInet(fd: number, address: string, port: number): void;
  /** close(2). */
  close(fd: number): void;
}

/** One primitive the lab performed, as a UI shows it: `unshare(CLONE_NEWPID) = 0  0.04 ms`. */
export interface PrimitiveEvent {
  /**
   * What kind of primitive: a syscall, a write to a kernel file, a host program run to its end
   * (`spawn`, see kernel/host-program.ts), or a program started inside a container (`exec`, as
   * `docker exec` does; it may still be running, so its result is its host PID).
   */
  kind: 'syscall' | 'write' | 'spawn' | 'exec';
  /** The call's name, e.g. `mount`, or the file written. */
  name: string;
  /** Arguments as the learner reads them: symbolic flags, quoted strings. */
  args: string[];
  /**
   * A syscall's `0`, a value, or `-1 EPERM`; a host program's `exit 0`, `exit 1`, `killed by SIGKILL`
   * or `-1 ENOENT`; a container process's `host pid 48213`.
   */
  result: string;
  ok: boolean;
  durationMs: number;
  /** Set when the call failed. */
  error?: { code: string; text: string; hint: string };
  /** Which container the event belongs to, when there is one. */
  container?: string;
}

/** Renders an event the way the primitive pane shows it. */
export function renderEvent(e: PrimitiveEvent): string {
  switch (e.kind) {
    case 'write':
      return `write ${e.name} ${e.args.join(' ')}${e.ok ? '' : ` = ${e.result}`}`;
    case 'spawn':
    case 'exec':
      return `${e.kind} ${[e.name, ...e.args].join(' ')} = ${e.result}`;
    default:
      return `${e.name}(${e.args.join(', ')}) = ${e.result}`;
  }
}
