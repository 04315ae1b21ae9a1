/**
 * The init stage's message loop: wait for the spec, build the container, wait for `go`, execve.
 */
import fs from 'node:fs';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { traced } from '../../kernel/traced.js';
import { prepareInit, resolveCommand } from './init-stage.js';
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
  process.on('message', (msg: ShimToInit) => {
    if (msg.op === 'create') {
      try {
        prepareInit(k, record, msg, lastCap);
        command = msg.spec.command;
        env = Object.entries(msg.spec.env).map(([key, value]) => `${key}=${value}`);
        send({ op: 'prepared', events: events.splice(0) });
      } catch (err) {
        send({ op: 'failed', error: toShimError(err), events: events.splice(0) }, () => process.exit(1));
      }
    } else if (msg.op === 'go') {
      try {
        // On success execve does not return: this process *becomes* the container's program,
        // still PID 1, and its close-on-exec IPC socket closes — which the shim sees.
        const file = resolveCommand(command[0] ?? '/bin/sh', env.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/bin:/usr/bin');
        kernel.execve(file, command, env);
      } catch (err) {
        send({ op: 'failed', error: toShimError(err), events: [] }, () => process.exit(127));
      }
    }
  });
  send({ op: 'ready' });
}
