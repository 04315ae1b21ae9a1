/**
 * Messages on the two IPC channels of a container:
 *   lab ⇄ shim         (like containerd ⇄ containerd-shim)
 *   shim ⇄ init stage  (like runc ⇄ `runc init`, before it becomes the container's program)
 */
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { ResolvedSpec } from '../spec.js';
import type { CgroupFsPlan } from './cgroup-mount.js';

/** Everything needed to build one container. Paths are host paths. */
export interface CreateRequest {
  op: 'create';
  spec: ResolvedSpec;
  /** Lower layer dirs, lowest first. */
  lowers: string[];
  upper: string;
  work: string;
  merged: string;
  /** cgroup.procs files of the container's cgroup (empty: no cgroup). */
  cgroupProcs: string[];
  /** When set, PID 1 mounts its own cgroup read-only at /sys/fs/cgroup (cgroup-mount.ts). */
  cgroupfs?: CgroupFsPlan;
}

export interface ExecRequest {
  op: 'exec';
  /** Correlates replies. */
  ref: number;
  argv: string[];
  env: Record<string, string>;
}

/** One call the shim makes itself in the container's context (see attempt-in.ts); a closed set. */
export type Attempt =
  | { call: 'mount'; target: string; fstype: string }
  | { call: 'chown'; path: string; uid: number }
  | { call: 'icmp-socket'; type: 'SOCK_DGRAM' | 'SOCK_RAW' }
  | { call: 'bind'; port: number }
  | { call: 'execve'; path: string; argv0: string; uid: number; gid: number };

export interface AttemptRequest {
  op: 'attempt';
  ref: number;
  attempt: Attempt;
  /**
   * The effective capability set to make the call with, as a hex mask (as in /proc/<pid>/status).
   * Not used by execve: its child leaves uid 0, which sets its capabilities for it.
   */
  effective: string;
}

/** The kernel's answer: the attempt's own calls as events, and for execve the CapEff it gave (hex). */
export interface AttemptAnswer {
  events: PrimitiveEvent[];
  capEff?: string;
}

export type LabToShim =
  | CreateRequest
  | ExecRequest
  | AttemptRequest
  | { op: 'exec-input'; ref: number; data?: string; end?: boolean }
  /** Mount the container's cgroup read-only at its /sys/fs/cgroup, now (cgroup-mount.ts). */
  | { op: 'mount-cgroupfs'; ref: number; plan: CgroupFsPlan }
  | { op: 'shutdown' };

export type ShimToLab =
  | { op: 'ready' }
  | { op: 'event'; event: PrimitiveEvent }
  /** PID 1 (host PID) has execve()d the container's program. */
  | { op: 'started'; pid: number }
  | { op: 'create-failed'; error: ShimError }
  | { op: 'exited'; code: number | null; signal: string | null }
  | { op: 'exec-started'; ref: number; pid: number }
  | { op: 'exec-failed'; ref: number; error: ShimError }
  | { op: 'exec-data'; ref: number; fd: 1 | 2; data: string }
  | { op: 'exec-exit'; ref: number; code: number | null; signal: string | null }
  | { op: 'mounted-cgroupfs'; ref: number; error?: ShimError }
  | { op: 'attempt-answer'; ref: number; answer: AttemptAnswer }
  | { op: 'attempt-failed'; ref: number; error: ShimError };

export type ShimToInit =
  | CreateRequest
  /** The init stage is now in the container's cgroup (the shim wrote its PID to cgroup.procs). */
  | { op: 'joined' }
  | { op: 'go' };

export type InitToShim =
  | { op: 'ready' }
  | { op: 'event'; event: PrimitiveEvent }
  /** Everything is in place; waiting for `go` to execve. Carries the primitives it performed. */
  | { op: 'prepared'; events: PrimitiveEvent[] }
  | { op: 'failed'; error: ShimError; events: PrimitiveEvent[] };

/** A SyscallError (or other failure) flattened for an IPC channel. */
export interface ShimError {
  message: string;
  syscall?: string;
  code?: string;
  hint?: string;
}
