/**
 * `exec`: run a command inside a running container, the way `runc exec` (and `docker exec`) does.
 *
 * The shim steps its main thread into the container's namespaces with setns(2), spawns the command,
 * and steps back. The child is born inside: in the mount, UTS, IPC, network and cgroup namespaces
 * because it inherits the thread's, and in the PID namespace because the shim's children are always
 * born there (the shim unshared CLONE_NEWPID before PID 1). It then waits at a gate until the shim
 * has written its PID into the container's cgroup.procs — `nsenter` alone skips that step, which is
 * how a fork loop escapes pids.max.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Kernel, PrimitiveEvent } from '../../kernel/kernel.js';
import { joinCgroup } from './cgroup-join.js';
import { enterNamespaces, type NamespaceSet } from './namespaces.js';

/** The gate: the container's own sh waits on fd 3 for "go", then becomes the command. The command's
 * words arrive as "$@" and are never parsed as shell code. */
const GATE = 'read -r go <&3; exec 3<&-; exec "$@"';

export interface ExecTarget {
  /** The container's namespaces (opened from /proc/<pid1>/ns). */
  inside: NamespaceSet;
  /** The host's namespaces, to return to. */
  host: NamespaceSet;
  cgroupProcs: string[];
}

/**
 * Starts `argv` inside the target. `stdio` 'pipe' gives the caller pipes for 0-2; 'inherit' hands the
 * command this process's own stdio (a terminal, for the learner's shell). fd 3 is always the gate.
 */
export function execIn(
  k: Kernel,
  emit: (e: PrimitiveEvent) => void,
  target: ExecTarget,
  argv: string[],
  env: Record<string, string>,
  stdio: 'pipe' | 'inherit' = 'pipe',
): ChildProcess {
  let child: ChildProcess;
  enterNamespaces(k, target.inside);
  try {
    const started = performance.now();
    child = spawn('/bin/sh', ['-c', GATE, 'exec', ...argv], { cwd: '/', env, stdio: [stdio, stdio, stdio, 'pipe'] });
    emit({
      kind: 'exec',
      name: argv[0] ?? '',
      args: argv.slice(1),
      result: child.pid ? `host pid ${child.pid}, held at the gate` : 'failed',
      ok: child.pid !== undefined,
      durationMs: performance.now() - started,
    });
  } finally {
    enterNamespaces(k, target.host);
  }
  if (child.pid !== undefined) {
    joinCgroup(target.cgroupProcs, child.pid, emit);
    const opened = performance.now();
    (child.stdio[3] as NodeJS.WritableStream).write('go\n');
    emit({
      kind: 'write',
      name: `gate (fd 3) of host pid ${child.pid}`,
      args: ['"go"'],
      result: '0',
      ok: true,
      durationMs: performance.now() - opened,
    });
  }
  return child;
}
