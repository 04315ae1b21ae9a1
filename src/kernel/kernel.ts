/**
 * The Kernel interface: the one doorway between container-lab and the Linux kernel.
 *
 * Every namespace, mount and capability change the runtime makes goes through this interface.
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
  /** What kind of primitive: a syscall, a write to a kernel file, or a program run. */
  kind: 'syscall' | 'write' | 'spawn' | 'exec';
  /** The call's name, e.g. `mount`, or the file written. */
  name: string;
  /** Arguments as the learner reads them: symbolic flags, quoted strings. */
  args: string[];
  /** `0`, a value, or `-1 EPERM`. */
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
