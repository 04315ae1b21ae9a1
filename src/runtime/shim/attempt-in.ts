/**
 * `attempt`: the shim makes one call itself, in a container's context, so the lab can show the
 * kernel's own answer — the errno the syscall returned — next to what a program printed.
 *
 * A program turns errno into words (util-linux's `mount` prints "permission denied" for EPERM), and
 * words cannot be turned back into the number. So the shim steps its main thread into the
 * container's namespaces, lowers that thread's *effective* capability set to the one the lab names
 * (PID 1's, or a learner's process's), makes the call through the traced kernel doorway, and puts
 * everything back. (An execve is made by a child that leaves uid 0 itself: see spawnAs.) The calls
 * are a closed set, each with what it needs:
 *   mount  tmpfs on a directory          CAP_SYS_ADMIN
 *   chown  a file to another uid          CAP_CHOWN
 *   icmp-socket  SOCK_DGRAM / SOCK_RAW     a group in net.ipv4.ping_group_range / CAP_NET_RAW
 *   bind   a TCP port                     CAP_NET_BIND_SERVICE below 1024
 *   execve a file, as a uid               whatever its file capabilities ask (checked at execve)
 *
 * Capabilities are per thread: capset changes only this one, and its effective set may be raised
 * again afterwards because the permitted set stays whole. setns needs CAP_SYS_ADMIN, so the
 * effective set is lowered only after entering and restored before leaving.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { AF, IPPROTO, SOCK } from '../../kernel/constants.js';
import { SyscallError, errnoText, hintFor } from '../../kernel/errors.js';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { traced } from '../../kernel/traced.js';
import type { ExecTarget } from './exec-in.js';
import { enterNamespaces } from './namespaces.js';
import type { Attempt, AttemptAnswer } from './protocol.js';

const q = (s: string): string => JSON.stringify(s);

/** A spawned execve: the process it started, or the errno the kernel refused it with (known a tick later). */
type Spawned = { pid: number } | { errno: Promise<string> };

/**
 * execve through libuv's spawn: the child sets its groups, gid and uid (leaving uid 0 clears every
 * set but the bounding set, as `su` does), then execve()s. libuv sends a refused execve's errno back
 * to the parent: Node throws it at once for some codes and emits it as an 'error' event for others.
 * The child starts with this thread's full effective set, so setgroups/setgid/setuid cannot be what
 * failed: an errno here is execve's.
 */
function spawnAs(a: Extract<Attempt, { call: 'execve' }>): Spawned {
  try {
    // argv[0] picks what the program does (busybox runs the applet it names): `true` does nothing,
    // so all the call can show is execve's own answer and the sets it gave the process.
    const child = spawn(a.path, [], { argv0: a.argv0, uid: a.uid, gid: a.gid, cwd: '/', env: {}, stdio: 'ignore' });
    if (child.pid !== undefined) return { pid: child.pid };
    return { errno: new Promise((resolve) => child.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'EIO'))) };
  } catch (err) {
    return { errno: Promise.resolve((err as NodeJS.ErrnoException).code ?? 'EIO') };
  }
}

/** CapEff of a process, from /proc/<pid>/status (readable even after it exited, until it is reaped). */
function capEffOf(pid: number): string {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('CapEff:'));
  return (line ?? 'CapEff:\t0').split(/\s+/)[1]!;
}

function perform(k: Kernel, a: Attempt): void {
  switch (a.call) {
    case 'mount':
      k.mount('none', a.target, a.fstype, 0, null);
      // Allowed: take it away again, so the attempt leaves nothing behind.
      k.umount2(a.target, 0);
      return;
    case 'chown':
      k.chown(a.path, a.uid, -1);
      return;
    case 'icmp-socket':
      k.close(k.socket(AF.AF_INET, SOCK[a.type], IPPROTO.IPPROTO_ICMP));
      return;
    case 'bind': {
      const fd = k.socket(AF.AF_INET, SOCK.SOCK_STREAM, IPPROTO.IPPROTO_IP);
      try {
        k.bindInet(fd, '0.0.0.0', a.port);
      } finally {
        k.close(fd);
      }
      return;
    }
    case 'execve':
      throw new Error('execve is attempted through spawn: see spawnAs');
  }
}

/**
 * Makes the attempt with `effective` as this thread's effective set (an execve's child sets its own
 * by leaving uid 0). Every call is reported on `emit` (it is part of what the step ran); the answer
 * carries the attempt's own calls.
 */
export async function attemptIn(
  raw: Kernel,
  emit: (e: PrimitiveEvent) => void,
  target: ExecTarget,
  a: Attempt,
  effective: bigint,
): Promise<AttemptAnswer> {
  const events: PrimitiveEvent[] = [];
  const answer = (e: PrimitiveEvent) => {
    emit(e);
    events.push(e);
  };
  let recording = false;
  const k = traced(raw, (e) => (recording ? answer(e) : emit(e)));
  let spawned: Spawned | undefined;
  let durationMs = 0;
  enterNamespaces(k, target.inside);
  try {
    if (a.call === 'execve') {
      const started = performance.now();
      spawned = spawnAs(a);
      durationMs = performance.now() - started;
    } else {
      const saved = k.capget(0);
      k.capset({ ...saved, effective: effective & saved.permitted });
      try {
        recording = true;
        perform(k, a);
      } catch (err) {
        // A refusal is the answer, already recorded by the tracer; anything else is a real failure.
        if (!(err instanceof SyscallError)) throw err;
      } finally {
        recording = false;
        k.capset(saved);
      }
    }
  } finally {
    enterNamespaces(k, target.host);
  }
  if (a.call !== 'execve' || !spawned) return { events };
  const name = 'execve';
  const args = [q(a.path), `[${q(a.argv0)}]`, `as uid ${a.uid} gid ${a.gid}`];
  if ('errno' in spawned) {
    const code = await spawned.errno;
    answer({
      kind: 'syscall',
      name,
      args,
      result: `-1 ${code}`,
      ok: false,
      durationMs,
      error: { code, text: errnoText(code), hint: hintFor(name, code) },
    });
    return { events };
  }
  // Read from the host's /proc (the thread is back in the host's mount namespace) before Node reaps
  // it, then stop it in case `true` is still running.
  const capEff = capEffOf(spawned.pid);
  answer({ kind: 'syscall', name, args, result: `0 (host pid ${spawned.pid})`, ok: true, durationMs });
  try {
    process.kill(spawned.pid, 'SIGKILL');
  } catch {
    // it has already exited
  }
  return { events, capEff };
}
