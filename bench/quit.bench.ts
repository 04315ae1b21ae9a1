/**
 * Quitting (issue 11): two containers on a bridge (the veth lesson's first seven steps), then
 *   the lab: `q` on a real pty → the lab has removed everything and exited
 *   by hand: the same teardown as one shell script, the way a person would type it: `kill -9` the
 *            shims and PID 1s (and wait until they are gone), `ip link del` the bridge (each veth
 *            left with its container's namespace), `rmdir` the cgroups, `rm -rf` the containers'
 *            directories. This lesson mounts nothing on the host, so there is no `umount`.
 * Medians of BENCH_RUNS rounds (20), the ratio measured in this same run; the target is the lab's
 * p50 ≤ 500 ms. Both leave nothing behind: each round checks the links, cgroups and directories.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LessonSession } from '../src/lessons/engine/session.js';
import { loadLessons } from '../src/lessons/load-lessons.js';
import { openRuntime } from '../src/runtime/index.js';
import { labPaths } from '../src/runtime/paths.js';
import type { LabPaths } from '../src/runtime/paths.js';
import { row } from './stats.js';
import { CLI, LAB_ENV, press, runOnPty } from './tui-pty.js';

const N = Number(process.env.BENCH_RUNS ?? 20);
const LESSON = path.resolve(path.dirname(CLI), '../lessons/06-veth-bridge');
/** This run's own state paths when the environment gives them, else the benchmarks' own. */
const PATHS: LabPaths = labPaths({ ...LAB_ENV, ...process.env });
const ENV: Record<string, string> = {
  CONTAINER_LAB_STATE_DIR: PATHS.stateDir,
  CONTAINER_LAB_RUN_DIR: PATHS.runDir,
  CONTAINER_LAB_CGROUP_PARENT: PATHS.cgroupParent,
  CONTAINER_LAB_LINK_PREFIX: PATHS.linkPrefix,
};
/**
 * The first seven steps (container a alone, the bridge, a's veth moved and configured, then b):
 * the key that runs each, and what only its result shows.
 */
const STEPS: [key: string, ran: RegExp][] = [
  ['\r', /lo +#1 +down/],
  ['\r', /subnet: chose /],
  ['\r', /are the two ends of one cable/],
  ['2', /Right: you chose 2/],
  ['\r', /eth0 of \w+ has /],
  ['\r', /Nothing ran: this step only looks/],
  ['\r', /is on \w+ as [\d.]+\/\d+: 2 processes/],
];

/** What a round left behind: links with the prefix, the cgroup parent, containers' directories. */
function residue(): string[] {
  const left = fs
    .readdirSync('/sys/class/net')
    .filter((n) => n.startsWith(PATHS.linkPrefix))
    .map((n) => `link ${n}`);
  for (const tree of ['memory', 'pids', 'cpu', 'unified', '']) {
    const dir = path.join('/sys/fs/cgroup', tree, PATHS.cgroupParent);
    if (fs.existsSync(dir)) left.push(`cgroup ${dir}`);
  }
  const containers = path.join(PATHS.stateDir, 'containers');
  if (fs.existsSync(containers)) left.push(...fs.readdirSync(containers).map((d) => `directory ${path.join(containers, d)}`));
  return left;
}

function assertClean(after: string): void {
  const left = residue();
  if (left.length) throw new Error(`${after} left ${left.join(', ')}`);
}

/** `q` → exit, on a pty, after the learner walked the first seven steps. */
async function labQuit(): Promise<number> {
  const lab = runOnPty([CLI, '--lessons', LESSON], ENV);
  try {
    await lab.until((out) => out.includes('open') && out.includes('quit'));
    await press(lab, '\r', /1\/11 · /);
    for (const [i, [key, ran]] of STEPS.entries()) {
      if (i > 0) await press(lab, 'n', new RegExp(`${i + 1}/11 · `));
      await press(lab, key, ran);
    }
    const t0 = performance.now();
    lab.pty.write('q');
    const code = await Promise.race([lab.exited, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    if (code !== 0)
      throw new Error(
        `the lab did not quit cleanly after q (exit ${code}); the screen ended with: ${JSON.stringify(lab.output().slice(-600))}`,
      );
    return performance.now() - t0;
  } catch (err) {
    lab.pty.kill('SIGTERM');
    await lab.exited;
    throw err;
  }
}

/** The same state made in this process, then torn down by one shell script; returns its time. */
async function byHand(): Promise<number> {
  const { lessons } = loadLessons(path.dirname(LESSON));
  const lesson = lessons.find((l) => l.id === 'veth-bridge')!;
  const runtime = await openRuntime({ paths: PATHS, prewarm: true });
  try {
    const session = new LessonSession({ lesson, runtime });
    for (let i = 0; i < STEPS.length; i++) {
      const r = await session.runStep(i);
      if (r.status !== 'done') throw new Error(`step ${r.stepId}: ${r.message}`);
    }
    const entries = runtime.ledger.entries().map((r) => r.entry);
    const pids = entries.flatMap((e) => (e.kind === 'process' ? [e.pid] : []));
    const links = entries.flatMap((e) => (e.kind === 'link' ? [e.name] : []));
    const dirs = entries.flatMap((e) => (e.kind === 'dir' ? [e.path] : []));
    const cgroups = entries.flatMap((e) => (e.kind === 'cgroup' ? (runtime.cgroupDriver()?.open(e.name).dirs ?? []) : []));
    const parents = [...new Set(cgroups.map((d) => path.dirname(d)))];
    const script = [
      `kill -9 ${pids.join(' ')}`,
      // A killed process leaves its cgroup a moment later; a person would wait, then go on.
      `while kill -0 ${pids.join(' ')} 2>/dev/null; do :; done`,
      // A veth end vanishes with its container's namespace; what is left is deleted.
      ...links.map((l) => `[ -e /sys/class/net/${l} ] && ip link del ${l}`),
      ...[...cgroups, ...parents].map((d) => `until rmdir ${d} 2>/dev/null || [ ! -e ${d} ]; do :; done`),
      `rm -rf ${dirs.join(' ')}`,
      'true',
    ].join('\n');
    // Run without blocking: the killed shims are this process's children, reaped by its event loop.
    const t0 = performance.now();
    const code = await new Promise<number | null>((resolve) =>
      spawn('sh', ['-c', script], { stdio: 'ignore', timeout: 15_000 }).on('exit', resolve),
    );
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`the teardown by hand failed (exit ${code})`);
    await session.close();
    return ms;
  } finally {
    await runtime.close();
  }
}

export async function benchQuit(): Promise<string[]> {
  assertClean('an earlier run');
  const lab: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < N; i++) {
    lab.push(await labQuit());
    assertClean('quitting the lab');
    hand.push(await byHand());
    assertClean('the teardown by hand');
  }
  return [
    row('by hand: kill -9, ip link del, rmdir, rm -rf (2 containers, bridge)', hand),
    row('quit (q → exited): 2 containers and a bridge removed', lab, hand),
  ];
}
