/**
 * The init stage: what the container's PID 1 does before it becomes the container's program.
 *
 * The shim re-runs its own code as the first process of the new PID namespace — exactly as runc
 * re-executes itself as `runc init`. Being PID 1 *inside* is what makes the /proc mount below show
 * the container's processes: procfs shows the PID namespace of whoever mounts it. At the end it
 * drops the capabilities the container must not have and execve()s the real program, which keeps
 * PID 1. One syscall per line, each reported to the lab:
 *
 *   unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWNET)
 *   mount(NULL, "/", NULL, MS_REC|MS_PRIVATE)          nothing mounted from now on reaches the host
 *   mount("overlay", merged, "overlay", 0, "lowerdir=…,upperdir=…,workdir=…")
 *   mount tmpfs on /dev, bind the few safe device nodes, a fresh devpts
 *   sethostname(…)
 *   chdir(merged); pivot_root(".", "."); umount2(".", MNT_DETACH)   the old root is gone, not hidden
 *   mount("proc", "/proc", …); /proc/sys bind-mounted read-only; sysfs read-only
 *                       — meanwhile the shim writes our PID into the container's cgroup.procs —
 *   unshare(CLONE_NEWCGROUP)                          its root is the cgroup we are now in
 *   mount("cgroup2", "/sys/fs/cgroup", …, MS_RDONLY…) when asked: our own cgroup, read-only
 *   setsid()                                           a session of its own, as runc's init does
 *   prctl(PR_CAPBSET_DROP, …); capset(…)
 *   execve("/bin/sh", …)
 *
 * Node is multithreaded and namespaces are per thread: only this main thread moves. That is why
 * every file operation here is synchronous (it runs on this thread) and never async (it would run
 * on a libuv pool thread that is still in the host's mount namespace).
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import tty from 'node:tty';
import { CAP, CLONE, MNT, MS, NAMESPACE_KINDS, encodeCapMask } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';
import { mountCgroupFs } from './cgroup-mount.js';
import type { ContainerNamespace } from '../spec.js';
import type { CreateRequest } from './protocol.js';

/** Device nodes a container gets, bind-mounted from the host (as runc does when it cannot mknod). */
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom', 'tty'];

function makeDev(k: Kernel, merged: string): void {
  const dev = path.join(merged, 'dev');
  k.mount('tmpfs', dev, 'tmpfs', MS.MS_NOSUID | MS.MS_STRICTATIME, 'mode=755,size=65536k');
  for (const name of DEVICES) bindFile(k, `/dev/${name}`, path.join(dev, name));
  fs.mkdirSync(path.join(dev, 'pts'));
  const console = terminalOnStdin();
  if (console) {
    // PID 1's stdin is the learner's terminal, a pty of the host's devpts. Programs find their
    // terminal's name by following /proc/self/fd/0 (it says e.g. /dev/pts/3) and checking that
    // path: make that path, and /dev/console, this very pty inside the container.
    k.mount('tmpfs', path.join(dev, 'pts'), 'tmpfs', MS.MS_NOSUID | MS.MS_NOEXEC, 'mode=755,size=64k');
    bindFile(k, console, path.join(merged, console));
    bindFile(k, console, path.join(dev, 'console'));
  } else {
    k.mount('devpts', path.join(dev, 'pts'), 'devpts', MS.MS_NOSUID | MS.MS_NOEXEC, 'newinstance,ptmxmode=0666,mode=0620');
    fs.symlinkSync('pts/ptmx', path.join(dev, 'ptmx'));
  }
  fs.mkdirSync(path.join(dev, 'shm'));
  k.mount('shm', path.join(dev, 'shm'), 'tmpfs', MS.MS_NOSUID | MS.MS_NODEV | MS.MS_NOEXEC, 'mode=1777,size=65536k');
  fs.symlinkSync('/proc/self/fd', path.join(dev, 'fd'));
  ['stdin', 'stdout', 'stderr'].forEach((s, i) => {
    fs.symlinkSync(`/proc/self/fd/${i}`, path.join(dev, s));
  });
}

/** Bind-mounts one device node: an empty file as the mount point, the node on top. */
function bindFile(k: Kernel, source: string, target: string): void {
  fs.writeFileSync(target, '');
  k.mount(source, target, null, MS.MS_BIND, null);
}

/** `/dev/pts/N` when this process's stdin is a pty, else undefined. */
function terminalOnStdin(): string | undefined {
  try {
    const name = fs.readlinkSync('/proc/self/fd/0');
    return /^\/dev\/pts\/\d+$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first half: namespaces and the container's root filesystem. Runs while the shim puts this
 * process into the container's cgroup.
 */
export function buildRoot(k: Kernel, req: CreateRequest): void {
  const { spec } = req;
  const want = (kind: ContainerNamespace) => spec.namespaces.includes(kind);
  const flags = (['mnt', 'uts', 'ipc', 'net'] as const).filter(want).reduce((acc, kind) => acc | NAMESPACE_KINDS[kind], 0);
  k.unshare(flags);

  // Without this, every mount below would propagate to the host's shared mounts (and outlive us).
  k.mount(null, '/', null, MS.MS_REC | MS.MS_PRIVATE, null);
  // overlay's lowerdir lists the TOP layer first.
  const lowerdir = [...req.lowers].reverse().join(':');
  k.mount('overlay', req.merged, 'overlay', 0, `lowerdir=${lowerdir},upperdir=${req.upper},workdir=${req.work}`);
  makeDev(k, req.merged);
  if (want('uts')) k.sethostname(spec.hostname);

  // pivot_root(".", ".") stacks the old root on top of the new one; detaching it leaves only the
  // new root. Unlike chroot, no path leads back out: the old root is not mounted anywhere we can see.
  k.chdir(req.merged);
  k.pivotRoot('.', '.');
  k.umount2('.', MNT.MNT_DETACH);
  k.chdir('/');

  // We are PID 1 of the new PID namespace, so this procfs shows the container's processes.
  k.mount('proc', '/proc', 'proc', MS.MS_NOSUID | MS.MS_NODEV | MS.MS_NOEXEC, null);
  // A fresh procfs leaves /proc/sys writable, and most sysctls are host-wide: make it read-only.
  k.mount('/proc/sys', '/proc/sys', null, MS.MS_BIND, null);
  k.mount(null, '/proc/sys', null, MS.MS_BIND | MS.MS_REMOUNT | MS.MS_RDONLY | MS.MS_NOSUID | MS.MS_NODEV | MS.MS_NOEXEC, null);
  // sysfs, read-only as Docker mounts it. Mounted from inside the new network namespace, its
  // /sys/class/net lists the container's own interfaces.
  k.mount('sysfs', '/sys', 'sysfs', MS.MS_RDONLY | MS.MS_NOSUID | MS.MS_NODEV | MS.MS_NOEXEC, null);
}

/**
 * The second half, once this process is in the container's cgroup: the cgroup namespace (its root
 * is the cgroup its creator is in, so it must come after the join), the cgroup filesystem seen from
 * it, then the capabilities (mount needs CAP_SYS_ADMIN, which the container does not keep).
 *
 * `onTerminal`: whether PID 1's stdin is the learner's terminal. isatty(3) asks the kernel (an
 * ioctl on fd 0), which still answers after pivot_root; the /dev/pts path makeDev reads does not.
 */
export function finishInit(k: Kernel, req: CreateRequest, lastCap: number, onTerminal = tty.isatty(0)): void {
  const { spec } = req;
  if (spec.namespaces.includes('cgroup')) k.unshare(CLONE.CLONE_NEWCGROUP);
  if (req.cgroupfs) mountCgroupFs(k, req.cgroupfs);
  // Like runc's init, leave the session of whoever started the lab. Otherwise the container's
  // processes share the learner's terminal session and process group: closing the terminal would
  // SIGHUP them, and `ps -o sid` could not tell what PID 1 started (session 1 inside) from what
  // came in from outside, as `docker exec` and the lab's shell do. The one exception is `run`'s
  // interactive shell, whose stdin is the learner's own terminal: a new session has no controlling
  // terminal, and a shell without one has no job control (runc gives it a new pty instead).
  if (!onTerminal) k.setsid();

  const keep = new Set(spec.capabilities.map((name) => CAP[name]));
  for (let cap = 0; cap <= lastCap; cap++) if (!keep.has(cap)) k.capbsetDrop(cap);
  const mask = encodeCapMask(spec.capabilities);
  const now = k.capget(0);
  k.capset({ effective: now.effective & mask, permitted: now.permitted & mask, inheritable: 0n });
  if (spec.noNewPrivs) k.setNoNewPrivs();
}

/** Both halves, back to back (for a caller with no cgroup to wait for, and for tests). */
export function prepareInit(k: Kernel, req: CreateRequest, lastCap: number, onTerminal = false): void {
  buildRoot(k, req);
  finishInit(k, req, lastCap, onTerminal);
}

/**
 * execve(2) takes a path, not a name: like Docker, look the command up on the container's PATH,
 * inside the new root.
 */
export function resolveCommand(name: string, pathVar: string): string {
  if (name.includes('/')) return name;
  for (const dir of pathVar.split(':')) {
    const candidate = path.join(dir || '.', name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error(t('runtime.exec.not-on-path', { name, path: pathVar }));
}
