/**
 * The init stage's message loop: wait for the spec, build the root while the shim puts us into the
 * container's cgroup, finish once it has (`joined`), then wait for `go` and execve.
 */
import fs from 'node:fs';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { traced } from '../../kernel/traced.js';
import { buildRoot, finishInit, resolveCommand } from './init-stage.js';
import type { CreateRequest } from './protocol.js';
import type { InitToShim, ShimToInit } from './protocol.js';
import { toShimError } from './shim-core.js';

export function runInitStage(kernel: Kernel): void {
  const send = (msg: InitToShim, done?: () => void) => process.send?.(msg, undefined, {}, done);
  // Events travel in one batch with the answer: one IPC message instead of sixty, each event
  // still carrying its own measured duration.
  const events: PrimitiveEvent[] = [];
  const record = (event: PrimitiveEvent) => events.push(event);
  const k = traced(kernel, record);
  const lastCap = Number(fs.readFileSync('/proc/sys/kernel/cap_last_cap', 'utf8'));
  let command: string[] = [];
  let env: string[] = [];

  process.on('disconnect', () => process.exit(0));
  let request: CreateRequest | undefined;
  let joined = false;
  const fail = (err: unknown, status: number) =>
    send({ op: 'failed', error: toShimError(err), events: events.splice(0) }, () => process.exit(status));
  // Runs once both have happened: the root is built and the shim says we are in the cgroup.
  const finish = () => {
    if (!request || !joined) return;
    try {
      finishInit(k, request, lastCap);
      command = request.spec.command;
      env = Object.entries(request.spec.env).map(([key, value]) => `${key}=${value}`);
      send({ op: 'prepared', events: events.splice(0) });
    } catch (err) {
      fail(err, 1);
    }
  };

  process.on('message', (msg: ShimToInit) => {
    if (msg.op === 'create') {
      try {
        buildRoot(k, msg);
        request = msg;
        finish();
      } catch (err) {
        fail(err, 1);
      }
    } else if (msg.op === 'joined') {
      joined = true;
      finish();
    } else if (msg.op === 'go') {
      try {
        // On success execve does not return: this process *becomes* the container's program,
        // still PID 1, and its close-on-exec IPC socket closes — which the shim sees.
        const file = resolveCommand(command[0] ?? '/bin/sh', env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/bin:/usr/bin');
        kernel.execve(file, command, env);
      } catch (err) {
        fail(err, 127);
      }
    }
  });
  send({ op: 'ready' });
}
