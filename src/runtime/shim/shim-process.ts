/**
 * The shim's message loop with the lab: create, go, exec, mount-cgroupfs, shutdown; and PID 1's exit.
 */
import type { ChildProcess } from 'node:child_process';
import type { Kernel } from '../../kernel/kernel.js';
import type { LabToShim, ShimToLab } from './protocol.js';
import { ShimCore, toShimError } from './shim-core.js';

export function runShim(kernel: Kernel, script: string, pidns: boolean): void {
  const send = (msg: ShimToLab) => process.send?.(msg);
  let core: ShimCore;
  try {
    core = new ShimCore(kernel, { script, pidns, stdio: 'pipe' });
  } catch (err) {
    // The ahead-of-time unshare was refused (e.g. EPERM inside an unprivileged container): nothing
    // exists yet. Tell the lab which call failed and why, as the first message, then end.
    if (process.send)
      process.send({ op: 'create-failed', error: toShimError(err) } satisfies ShimToLab, undefined, {}, () => process.exit(1));
    else process.exit(1);
    return;
  }
  const execs = new Map<number, ChildProcess>();
  let command: string[] = [];
  let creating: Promise<unknown> = Promise.resolve();

  core.init.on('exit', (code, signal) => {
    // A create in progress reports its own failure (with the syscall and hint) first.
    void creating.finally(() => {
      send({ op: 'exited', code, signal });
      process.disconnect?.();
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.on('message', (msg: LabToShim) => {
    switch (msg.op) {
      case 'create':
        command = msg.spec.command;
        creating = core
          .create(msg, (event) => send({ op: 'event', event }))
          .then(async (pid) => {
            await core.go(command);
            send({ op: 'started', pid });
          })
          .catch((err) => send({ op: 'create-failed', error: toShimError(err) }));
        break;
      case 'exec':
        try {
          const child = core.exec(msg.argv, msg.env);
          execs.set(msg.ref, child);
          child.stdout!.on('data', (d: Buffer) => send({ op: 'exec-data', ref: msg.ref, fd: 1, data: d.toString() }));
          child.stderr!.on('data', (d: Buffer) => send({ op: 'exec-data', ref: msg.ref, fd: 2, data: d.toString() }));
          child.on('error', (err) => send({ op: 'exec-failed', ref: msg.ref, error: toShimError(err) }));
          child.on('close', (code, signal) => {
            execs.delete(msg.ref);
            send({ op: 'exec-exit', ref: msg.ref, code, signal });
          });
          if (child.pid !== undefined) send({ op: 'exec-started', ref: msg.ref, pid: child.pid });
        } catch (err) {
          send({ op: 'exec-failed', ref: msg.ref, error: toShimError(err) });
        }
        break;
      case 'mount-cgroupfs':
        try {
          core.mountCgroupfs(msg.plan);
          send({ op: 'mounted-cgroupfs', ref: msg.ref });
        } catch (err) {
          send({ op: 'mounted-cgroupfs', ref: msg.ref, error: toShimError(err) });
        }
        break;
      case 'attempt':
        // The part inside the container (enter, call, leave) runs synchronously on the main thread,
        // so it never interleaves with an exec.
        void Promise.resolve()
          .then(() => core.attempt(msg.attempt, BigInt(`0x${msg.effective}`)))
          .then(
            (answer) => send({ op: 'attempt-answer', ref: msg.ref, answer }),
            (err) => send({ op: 'attempt-failed', ref: msg.ref, error: toShimError(err) }),
          );
        break;
      case 'exec-input': {
        const stdin = execs.get(msg.ref)?.stdin;
        if (msg.data) stdin?.write(msg.data);
        if (msg.end) stdin?.end();
        break;
      }
      case 'shutdown':
        process.exit(0);
    }
  });
  core.initReady.then(
    () => send({ op: 'ready' }),
    (err) => send({ op: 'create-failed', error: toShimError(err) }),
  );
}
