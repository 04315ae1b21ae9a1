/**
 * Running a host program: the lab's one way to start `ip`, `nsenter`, `unshare`, `setcap`, `nft`…
 *
 * Starting a program is fork(2) then execve(2) with an argv array. There is never a shell in
 * between, so no word of the argv is ever parsed as shell code (`container-lab` passes paths it
 * made and names it chose, never a lesson's text). Node's child_process does the fork and exec;
 * this file adds what the lab promises about every primitive: the run is timed and reported as one
 * `spawn` event, and its result reads the same whichever program it was:
 *   exit 0                the program ran and exited with status 0 (the only success)
 *   exit 2                it exited with another status; stderr is the event's error text
 *   killed by SIGKILL     a signal ended it (the lab kills a program that outlives its timeout)
 *   -1 ENOENT             execve failed: the program could not be started at all (not installed)
 * A run that only reads (`ip -json addr`) is not reported: what it read is what a pane shows.
 */
import { t } from '../i18n/index.js';
import { spawn } from 'node:child_process';
import { errnoText } from './errors.js';
import type { PrimitiveEvent } from './kernel.js';

export interface HostProgramOptions {
  /** Where the run is reported as a `spawn` event. Without it the run is a read, not shown. */
  emit?: (event: PrimitiveEvent) => void;
  /** The container the event belongs to, when there is one. */
  container?: string;
  /** The arguments as the event shows them, when they differ from the argv (`ip -batch -` shows the lines it read). */
  shownArgs?: readonly string[];
  /** Written to the program's stdin, which is then closed. Without it, stdin is /dev/null. */
  input?: string;
  /** The program is killed (SIGKILL) once it has run this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** A hint for a failure that says more than the general one (return undefined to keep that). */
  hint?: (run: HostRun) => string | undefined;
}

export interface HostRun {
  argv: readonly string[];
  /** True only when the program exited with status 0. */
  ok: boolean;
  /** `exit 0`, `exit 2`, `killed by SIGKILL` or `-1 ENOENT` (see the module comment). */
  result: string;
  /** Its exit status, when it exited. */
  exitCode: number | null;
  /** The signal that ended it, when one did. */
  signal: NodeJS.Signals | null;
  /** True when the lab killed it for running longer than its timeout. */
  timedOut: boolean;
  /** execve's errno when the program could not be started at all (ENOENT: not installed). */
  startErrno?: string;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Set when it failed: as the event shows it. */
  error?: { code: string; text: string; hint: string };
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Runs `argv` to completion (never through a shell) and reports it. Never rejects: look at `ok`. */
export function runHostProgram(argv: readonly string[], options: HostProgramOptions = {}): Promise<HostRun> {
  const [file, ...args] = argv;
  if (!file) throw new Error(t('kernel.run.no-program'));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let startError: string | undefined;
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    // execve failed (ENOENT, EACCES): Node reports it here, then 'close' follows.
    child.on('error', (e: NodeJS.ErrnoException) => {
      startError = e.code ?? 'EIO';
    });
    if (options.input !== undefined) {
      // A program that exits without reading all of its input closes the pipe: EPIPE is its choice.
      child.stdin?.on('error', () => {});
      child.stdin?.end(options.input);
    }
    child.on('close', (code, signal) => {
      const run = finish(
        {
          argv,
          startError,
          code,
          signal,
          timedOut: child.killed && signal === 'SIGKILL',
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          durationMs: performance.now() - started,
          timeoutMs,
        },
        options,
      );
      options.emit?.({
        kind: 'spawn',
        name: file,
        args: [...(options.shownArgs ?? args)],
        result: run.result,
        ok: run.ok,
        durationMs: run.durationMs,
        ...(run.error ? { error: run.error } : {}),
        ...(options.container ? { container: options.container } : {}),
      });
      resolve(run);
    });
  });
}

interface Ended {
  argv: readonly string[];
  startError: string | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  timeoutMs: number;
}

function finish(e: Ended, options: HostProgramOptions): HostRun {
  const name = e.argv[0]!;
  const exited = e.startError === undefined && e.signal === null;
  const result = e.startError !== undefined ? `-1 ${e.startError}` : e.signal !== null ? `killed by ${e.signal}` : `exit ${e.code}`;
  const run: HostRun = {
    argv: e.argv,
    ok: exited && e.code === 0,
    result,
    exitCode: exited ? e.code : null,
    signal: e.signal,
    timedOut: e.timedOut,
    ...(e.startError === undefined ? {} : { startErrno: e.startError }),
    stdout: e.stdout,
    stderr: e.stderr,
    durationMs: e.durationMs,
  };
  if (run.ok) return run;
  const code = e.startError ?? (e.signal !== null ? e.signal : `EXIT${e.code}`);
  const text =
    e.startError !== undefined
      ? `${errnoText(e.startError)}: ${name}`
      : e.timedOut
        ? t('kernel.run.timed-out', { seconds: e.timeoutMs / 1000 })
        : e.stderr.trim() || t('kernel.run.no-stderr', { name });
  run.error = { code, text, hint: options.hint?.(run) ?? generalHint(run) };
  return run;
}

function generalHint(run: HostRun): string {
  const name = run.argv[0]!;
  if (run.startErrno === 'ENOENT') return t('kernel.run.not-installed', { name });
  if (run.timedOut) return t('kernel.run.busy');
  return t('kernel.run.by-hand', { command: run.argv.join(' ') });
}

/** One line for an Error message: `` `ip link add x type bridge` failed (exit 2): RTNETLINK answers: File exists ``. */
export function failureText(run: HostRun): string {
  return t('kernel.run.failed', { command: run.argv.join(' '), result: run.result, error: run.error?.text ?? '' }).trimEnd();
}
