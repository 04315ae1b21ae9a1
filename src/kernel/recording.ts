/**
 * RecordingKernel: a Kernel that performs nothing and remembers everything.
 *
 * Unit tests run the runtime against it to check which syscalls it makes, in what order, and what
 * it does when one fails: `kernel.failOn('mount', 'EPERM', 3)` makes the third mount fail.
 * Extended attributes are kept in memory, so code that sets and reads them runs without root.
 */
import { XATTR } from './constants.js';
import { describeCall } from './describe.js';
import { ERRNO, SyscallError } from './errors.js';
import { FaultPlan } from './faults.js';
import type { CapSets, Kernel } from './kernel.js';

export interface RecordedCall {
  /** The Kernel method called, e.g. `pivotRoot`. */
  method: string;
  /** The raw parameters. */
  params: unknown[];
  /** How the learner would read it, e.g. `pivot_root(".", ".")`. */
  text: string;
}

const ALL_CAPS = (1n << 41n) - 1n;

export class RecordingKernel implements Kernel {
  readonly calls: RecordedCall[] = [];
  private readonly faults = new FaultPlan();
  private caps: CapSets = { effective: ALL_CAPS, permitted: ALL_CAPS, inheritable: 0n };
  private bounding = ALL_CAPS;
  hostname = 'host';
  /** Extended attributes set through this kernel: path → name → value. Nothing reaches a disk. */
  readonly xattrs = new Map<string, Map<string, Buffer>>();

  /** Makes the `nth` call (1-based) of `method` fail with `errno` (a name such as `EPERM`). */
  failOn(method: string, errno: string, nth = 1): this {
    this.faults.add(method, errno, nth);
    return this;
  }

  /** The calls as the learner reads them, e.g. `unshare(CLONE_NEWNS)`. */
  get texts(): string[] {
    return this.calls.map((call) => call.text);
  }

  private refuse(method: string, params: unknown[], errno: string): never {
    const { name, args } = describeCall(method, params);
    throw new SyscallError(name, args, ERRNO[errno]!);
  }

  private record(method: string, params: unknown[]): void {
    const { name, args } = describeCall(method, params);
    this.calls.push({ method, params, text: `${name}(${args.join(', ')})` });
    this.faults.check(method, params);
  }

  unshare(flags: number): void {
    this.record('unshare', [flags]);
  }
  setns(fd: number, nstype: number): void {
    this.record('setns', [fd, nstype]);
  }
  mount(source: string | null, target: string, fstype: string | null, flags: number, data: string | null): void {
    this.record('mount', [source, target, fstype, flags, data]);
  }
  umount2(target: string, flags: number): void {
    this.record('umount2', [target, flags]);
  }
  pivotRoot(newRoot: string, putOld: string): void {
    this.record('pivotRoot', [newRoot, putOld]);
  }
  sethostname(name: string): void {
    this.record('sethostname', [name]);
    this.hostname = name;
  }
  chdir(path: string): void {
    this.record('chdir', [path]);
  }
  chroot(path: string): void {
    this.record('chroot', [path]);
  }
  capget(pid: number): CapSets {
    this.record('capget', [pid]);
    return { ...this.caps };
  }
  capset(sets: CapSets): void {
    this.record('capset', [sets]);
    this.caps = { ...sets };
  }
  setPdeathsig(signal: number): void {
    this.record('setPdeathsig', [signal]);
  }
  capbsetRead(cap: number): boolean {
    this.record('capbsetRead', [cap]);
    return ((this.bounding >> BigInt(cap)) & 1n) === 1n;
  }
  capbsetDrop(cap: number): void {
    this.record('capbsetDrop', [cap]);
    this.bounding &= ~(1n << BigInt(cap));
  }
  setNoNewPrivs(): void {
    this.record('setNoNewPrivs', []);
  }
  /** As PID 1 of a new PID namespace would: its session is numbered 1. */
  setsid(): number {
    this.record('setsid', []);
    return 1;
  }
  lgetxattr(path: string, name: string): Buffer | undefined {
    this.record('lgetxattr', [path, name]);
    return this.xattrs.get(path)?.get(name);
  }
  llistxattr(path: string): string[] {
    this.record('llistxattr', [path]);
    return [...(this.xattrs.get(path)?.keys() ?? [])];
  }
  lsetxattr(path: string, name: string, value: Buffer, flags: number): void {
    this.record('lsetxattr', [path, name, value, flags]);
    const attrs = this.xattrs.get(path) ?? new Map<string, Buffer>();
    // The same two refusals the kernel makes for these flags.
    if (flags & XATTR.XATTR_CREATE && attrs.has(name)) this.refuse('lsetxattr', [path, name, value, flags], 'EEXIST');
    if (flags & XATTR.XATTR_REPLACE && !attrs.has(name)) this.refuse('lsetxattr', [path, name, value, flags], 'ENODATA');
    this.xattrs.set(path, attrs.set(name, Buffer.from(value)));
  }
  lremovexattr(path: string, name: string): void {
    this.record('lremovexattr', [path, name]);
    if (!this.xattrs.get(path)?.delete(name)) this.refuse('lremovexattr', [path, name], 'ENODATA');
  }
  execve(path: string, argv: readonly string[], env: readonly string[]): never {
    this.record('execve', [path, argv, env]);
    throw new Error('RecordingKernel: execve recorded (a real execve would not return)');
  }
  chown(path: string, uid: number, gid: number): void {
    this.record('chown', [path, uid, gid]);
  }
  socket(domain: number, type: number, protocol: number): number {
    this.record('socket', [domain, type, protocol]);
    return 3;
  }
  bindInet(fd: number, address: string, port: number): void {
    this.record('bindInet', [fd, address, port]);
  }
  close(fd: number): void {
    this.record('close', [fd]);
  }
}
