/**
 * The runtime's public shape: what the lesson engine, the TUI and the CLI may call.
 * Mirrors the OCI runtime verbs (create/start/exec/kill/delete), as `runc` and containerd expose them.
 */
import type { Cgroup } from '../cgroups/types.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';
import type { Attempt, AttemptAnswer } from './shim/protocol.js';
import type { ContainerSpec, ResolvedSpec } from './spec.js';

export type { Attempt, AttemptAnswer };

/** A primitive performed on behalf of a container, or by the runtime itself (container undefined). */
export type RuntimeEvent = PrimitiveEvent;

/** How PID 1 ended. */
export interface ExitStatus {
  /** Exit code, when it exited. */
  code: number | null;
  /** Signal name, when a signal ended it (e.g. SIGKILL). */
  signal: string | null;
  /** True when the cgroup's OOM-kill counter rose while it ran: the kernel's OOM killer ended it. */
  oomKilled: boolean;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
}

export interface ExecOptions {
  /** Text written to the command's stdin, then stdin is closed. */
  input?: string;
  /** Kill the command (SIGKILL) after this many ms. Default 10 000. */
  timeoutMs?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Aborts the command (SIGKILL) when signalled. */
  signal?: AbortSignal;
}

/** A command started inside a container that keeps running (e.g. a background `sleep`). */
export interface ExecHandle {
  /** Its PID as the host sees it. */
  hostPid: number;
  /** Resolves when it ends. */
  done: Promise<ExecResult>;
  /** Sends SIGKILL (from the host, by PID). */
  kill(): void;
}

export interface Container {
  readonly id: string;
  readonly spec: ResolvedSpec;
  /** Host PID of the container's PID 1. */
  readonly pid: number;
  /** The overlay: lower layer dirs (lowest first), upper, work, merged. */
  readonly dirs: { lowers: string[]; upper: string; work: string; merged: string };
  /** The container's cgroup, when limits or a cgroup namespace were asked for. */
  readonly cgroup: Cgroup | undefined;
  /** Resolves when PID 1 ends (and with it the whole PID namespace). */
  readonly exited: Promise<ExitStatus>;
  /** True until PID 1 has ended. */
  readonly running: boolean;
}

export interface ContainerRuntime {
  /** Creates and starts a container; resolves once its PID 1 is running. */
  create(spec: ContainerSpec): Promise<Container>;
  /** Runs a command inside a running container's namespaces and cgroup, and waits for it. */
  exec(c: Container, argv: string[], opts?: ExecOptions): Promise<ExecResult>;
  /** Starts a command inside the container; resolves once it runs (with its host PID). */
  spawn(c: Container, argv: string[], opts?: Omit<ExecOptions, 'input' | 'timeoutMs'>): Promise<ExecHandle>;
  /**
   * Mounts the container's own cgroup read-only at its /sys/fs/cgroup (as Docker does at start);
   * resolves with the mount points made, or an empty list when it has no cgroup.
   */
  mountCgroupfs(c: Container): Promise<string[]>;
  /**
   * Makes one call of a closed set (mount, chown, a socket, bind, execve) inside the container's
   * namespaces with `effective` as the effective capability set, and returns the kernel's answer:
   * the calls as events (with their errno) and, for execve, the CapEff the kernel gave.
   */
  attempt(c: Container, attempt: Attempt, effective: bigint): Promise<AttemptAnswer>;
  /**
   * The argv (run on the host, e.g. through a pty) that opens a shell inside the container, as
   * `docker exec -it` does; `env` is added to the container's own environment.
   */
  shellCommand(c: Container, argv?: string[], env?: Record<string, string>): { file: string; args: string[] };
  /** Sends a signal to PID 1 from the host. */
  kill(c: Container, signal: NodeJS.Signals): Promise<void>;
  /** Stops the container (if running) and removes everything it owned. */
  delete(c: Container): Promise<void>;
  /** Deletes every container, removes what the ledger holds, releases the lock. */
  close(): Promise<void>;
  /** Subscribe to every primitive the runtime performs; returns an unsubscribe function. */
  onEvent(listener: (event: RuntimeEvent) => void): () => void;
}
