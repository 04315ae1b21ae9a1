/**
 * The lab as the reliability tests run it: the built binary, with its own state directory, run
 * directory, cgroup parent and link prefix, so these tests never meet another lab on the machine.
 *
 * `CONTAINER_LAB_TEST_CLI` points the tests at another build of the same sources (a developer's
 * private bundle while `dist/` is being rebuilt by someone else); by default they run `dist/cli.js`,
 * which `npm test` builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { defaultLessonsDir, loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { LabPaths } from '../../src/runtime/paths.js';

export const cli = path.resolve(process.env.CONTAINER_LAB_TEST_CLI ?? 'dist/cli.js');

export const labPaths: LabPaths = {
  stateDir: '/var/lib/container-lab-t7',
  runDir: '/run/container-lab-t7',
  cgroupParent: 'container-lab-t7',
  linkPrefix: 'clab7',
};

/** The environment a lab process gets: ours, with the lab's roots moved to `paths`. */
export function labEnv(paths: LabPaths = labPaths, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTAINER_LAB_STATE_DIR: paths.stateDir,
    CONTAINER_LAB_RUN_DIR: paths.runDir,
    CONTAINER_LAB_CGROUP_PARENT: paths.cgroupParent,
    CONTAINER_LAB_LINK_PREFIX: paths.linkPrefix,
    NO_COLOR: '1',
    ...extra,
  };
  // vitest's own variables would tell a child it is under test; the lab must behave as shipped.
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'TEST' || k === 'NODE_ENV') delete env[k];
  return env;
}

/** The lessons present right now (the folders under lessons/ that load without problems). */
export function presentLessons(): Lesson[] {
  return loadLessons(defaultLessonsDir()).lessons;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface LabProcess {
  child: ChildProcess;
  pid: number;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  finished: Promise<Finished>;
}

/**
 * Starts `container-lab <args>` in its own process group (so a Ctrl-C can be sent to the group, as
 * a terminal does, without reaching the test runner).
 */
export function startLab(args: string[], opts: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; stdin?: 'ignore' | 'pipe' } = {}): LabProcess {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, ...args], {
    env: opts.env ?? labEnv(),
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err, durationMs: performance.now() - t0 }));
  });
  if (child.pid === undefined) throw new Error(`could not start ${cli}`);
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, finished };
}

/** Runs `container-lab <args>` to the end (killed after `timeoutMs`). */
export async function runLab(args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Finished> {
  const lab = startLab(args, opts);
  const timer = setTimeout(() => {
    try {
      process.kill(lab.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, opts.timeoutMs ?? 60_000);
  try {
    return await lab.finished;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when `text` has appeared in the lab's stdout (false if the lab ended first or time ran out). */
export async function waitForOutput(lab: LabProcess, test: (stdout: string) => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  let done = false;
  void lab.finished.then(() => (done = true), () => (done = true));
  while (Date.now() < end) {
    if (test(lab.stdout())) return true;
    if (done) return test(lab.stdout());
    await sleep(5);
  }
  return test(lab.stdout());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
