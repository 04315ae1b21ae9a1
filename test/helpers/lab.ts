/**
 * The lab as the tests run it: the built binary, each test tier with its own state directory, run
 * directory, cgroup parent and link prefix, so no tier meets another's resources, another lab on
 * the machine, or a learner's own `/var/lib/container-lab`.
 *
 * `CONTAINER_LAB_TEST_CLI` points the tests at another build of the same sources (a developer's
 * private bundle while `dist/` is being rebuilt by someone else); by default they run `dist/cli.js`,
 * which `npm test` builds first. `CONTAINER_LAB_TEST_TIER=<name>` renames every tier's directories
 * and cgroup parent (`container-lab-t5` becomes `container-lab-t5-<name>`), so two checkouts on one
 * machine can run the tiers that make no links side by side (link names keep the tier's prefix:
 * the network tier's tests name its links).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll } from 'vitest';
import { defaultLessonsDir, loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { removeLabDirs } from './residue.js';

export const CLI = path.resolve(process.env.CONTAINER_LAB_TEST_CLI ?? path.join(import.meta.dirname, '../../dist/cli.js'));

function tier(own: string, linkPrefix: string): LabPaths {
  const renamed = process.env.CONTAINER_LAB_TEST_TIER;
  const suffix = renamed === undefined ? own : `${own}-${renamed}`;
  return {
    stateDir: `/var/lib/container-lab-${suffix}`,
    runDir: `/run/container-lab-${suffix}`,
    cgroupParent: `container-lab-${suffix}`,
    linkPrefix,
  };
}

/** Every tier that runs the lab under fixed paths; a test file takes one with `useTier`. */
export const TIERS = {
  /** test/e2e: the pid-namespace lesson through the binary, and the whole lab in tmux. */
  e2e: tier('t3', 'clab3'),
  /** test/lessons-cgroups: the cgroups lesson. */
  cgroupsLesson: tier('t5', 'clab5'),
  /** test/network and test/capabilities: the veth-bridge and capabilities lessons. */
  network: tier('t6', 'clab6'),
  /** test/faults, test/bad-input, test/decoys, test/security. */
  reliability: tier('t7', 'clab7'),
  /** test/runtime: the runtime in this process. */
  runtime: tier('test-rt', 'clabr'),
  /** test/runtime/cgroupfs: /sys/fs/cgroup inside a container. */
  cgroupfs: tier('test-cgfs', 'clcgf'),
  /** test/runtime/attempt: a call the shim makes in a container's context. */
  attempt: tier('test-at', 'clabt'),
  /** test/oracle: every lesson held against strace, lsns, findmnt, ip, capsh, stat, getfattr. */
  oracle: tier('t8', 'clab8'),
  /** test/doctor: `doctor --workshop`, the attendees' pre-flight. */
  workshop: tier('t9', 'clabw'),
  /** test/lessons/jump-walk: every step of every lesson, jumped to, against a walk. */
  jump: tier('t10', 'clabj'),
  /** test/e2e/instructor: an instructor's rehearsal in tmux (x x, a restart and a jump, r). */
  instructor: tier('t11', 'clabi'),
  /** test/e2e/zh-walk: whole lessons in tmux in zh-CN and zh-TW, and the home screen's language key. */
  zhWalk: tier('t12', 'clabz'),
} as const satisfies Record<string, LabPaths>;

/**
 * A tier's paths for this test file, whose state and run directories (layer cache included) are
 * removed after its last test: what a lab keeps between runs on a learner's machine, a test run
 * must not leave on this one. Rebuilding the layers in the next file takes a fraction of a second.
 */
export function useTier(name: keyof typeof TIERS): LabPaths {
  const paths = TIERS[name];
  // Without root the tier was skipped and made nothing (nor may it remove what a root run made).
  afterAll(() => {
    if (process.getuid?.() === 0) removeLabDirs(paths);
  });
  return paths;
}

/** The variables that move the lab's roots to `paths` (read by src/runtime/paths.ts). */
export function pathVars(paths: LabPaths): Record<string, string> {
  return {
    CONTAINER_LAB_STATE_DIR: paths.stateDir,
    CONTAINER_LAB_RUN_DIR: paths.runDir,
    CONTAINER_LAB_CGROUP_PARENT: paths.cgroupParent,
    CONTAINER_LAB_LINK_PREFIX: paths.linkPrefix,
  };
}

/** The environment a lab process gets: ours, with the lab's roots moved to `paths`, without colour. */
export function labEnv(paths: LabPaths, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // English whatever the tester's locale or saved language: tests read the lab's sentences.
  const env: NodeJS.ProcessEnv = { ...process.env, ...pathVars(paths), NO_COLOR: '1', CONTAINER_LAB_LANG: 'en', ...extra };
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
export function startLab(args: string[], opts: { env: NodeJS.ProcessEnv; stdin?: 'ignore' | 'pipe' }): LabProcess {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    env: opts.env,
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
  if (child.pid === undefined) throw new Error(`could not start ${CLI}`);
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, finished };
}

/** Runs `container-lab <args>` to the end (killed after `timeoutMs`). */
export async function runLab(args: string[], opts: { env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Finished> {
  const lab = startLab(args, opts);
  const timer = setTimeout(() => {
    try {
      process.kill(lab.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, opts.timeoutMs ?? 120_000);
  try {
    return await lab.finished;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when `test` passes on the lab's stdout (false if the lab ended first or time ran out). */
export async function waitForOutput(lab: LabProcess, test: (stdout: string) => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  let done = false;
  void lab.finished.then(
    () => (done = true),
    () => (done = true),
  );
  while (Date.now() < end) {
    if (test(lab.stdout())) return true;
    if (done) return test(lab.stdout());
    await sleep(5);
  }
  return test(lab.stdout());
}

/** Starts `lesson <id> --plain` and SIGKILLs the lab once `marker` is in its output; returns the output. */
export async function killLabAt(lesson: string, marker: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<string> {
  const lab = startLab(['lesson', lesson, '--plain', '--solve'], { env });
  const seen = await waitForOutput(lab, (out) => out.includes(marker), timeoutMs);
  lab.child.kill('SIGKILL');
  const { stdout, stderr } = await lab.finished;
  if (!seen) throw new Error(`"${marker}" never appeared:\n${stdout}${stderr}`);
  return stdout + stderr;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
