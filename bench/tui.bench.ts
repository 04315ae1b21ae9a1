/**
 * TUI benchmarks (issue 3), on a real pty, medians of ≥ 20 runs, ratios measured in this same run:
 *   first frame of the lab                          vs  `node -e 0` (both: spawn → output)
 *   keypress → both panes updated, per step of the PID lesson (steps that wait on purpose named, not counted)
 *   idle: CPU of the lab process while nothing changes, and its RSS
 * Run as root: `sudo npm run bench` (or `BENCH_ONLY=tui`).
 */
import fs from 'node:fs';
import { percentile, median, row } from './stats.js';
import { CLI, press, runOnPty } from './tui-pty.js';
import type { PtyRun } from './tui-pty.js';

const N = Number(process.env.BENCH_RUNS ?? 20);
const TICK = 100 / 1000; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux.

const ENTER = '\r';
/** Each step of the PID lesson: the key that runs it, and what the panes show once it has run. */
const STEPS: { id: string; key: string; done: RegExp; waits?: string }[] = [
  { id: 'your-shell', key: ENTER, done: /4026531836 +node/ },
  { id: 'new-namespace', key: '2', done: /≠ 1 +0 +S +\/bin\/sh/ },
  { id: 'nspid', key: ENTER, done: /≠ NSpid +\d+ 1 +│ ≠ NSpid +1/ },
  { id: 'namespace-links', key: ENTER, done: /≠ uts +uts:\[\d+\] +│ ≠ uts/ },
  { id: 'cannot-see-host', key: ENTER, done: /≠ processes visible +\d+ +│ ≠ processes visible/ },
  { id: 'orphan', key: ENTER, done: /≠ \d+ +1 +S +sleep 1000/ },
  { id: 'reap', key: ENTER, done: /is gone \(ended and reaped\)/ },
  { id: 'find-host-pid', key: ENTER, done: /host PID › / },
  { id: 'sigterm', key: '2', done: /still running/, waits: 'watches PID 1 for 500 ms on purpose' },
  { id: 'sigkill', key: ENTER, done: /The lab put things back/ },
];

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid: number): number {
  const kb = Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1]);
  return kb / 1024;
}

/** Waits for the lab to quit; a lab that does not is killed (it is ours) and reported. */
async function exitedWithin(lab: PtyRun, ms: number): Promise<void> {
  const quit = await Promise.race([lab.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  if (quit) return;
  lab.pty.kill('SIGTERM');
  await lab.exited;
  throw new Error(`the lab did not quit within ${ms} ms of q; the screen ended with: ${JSON.stringify(lab.output().slice(-600))}`);
}

const stat = (name: string, values: number[], unit: string) =>
  `${name.padEnd(58)} median ${median(values).toFixed(1).padStart(7)} ${unit}  p95 ${percentile(values, 95).toFixed(1).padStart(7)} ${unit}  (n=${values.length})`;

export async function benchTuiFirstFrame(): Promise<string[]> {
  const node: number[] = [];
  const frame: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < N; i++) {
    const bare = runOnPty(['-e', '0']);
    await bare.exited;
    node.push(performance.now() - bare.started);
    const lab = runOnPty([CLI]);
    frame.push(await lab.until((out) => out.includes('open') && out.includes('quit')));
    // Interactive: the app (Ink) has loaded and answers a key.
    lab.pty.write('?');
    interactive.push(await lab.until((out) => out.includes('Reading the panes')));
    lab.pty.write('?');
    await new Promise((r) => setTimeout(r, 50));
    lab.pty.write('q');
    await exitedWithin(lab, 15_000);
  }
  return [
    row('`node -e 0` on a pty, spawn → exit', node),
    row('TUI first frame on a pty (home screen drawn)', frame, node),
    row('TUI interactive (Ink loaded, ? answered) [not a target]', interactive, node),
  ];
}

export async function benchTuiSteps(): Promise<string[]> {
  const lab = runOnPty([CLI]);
  const times = new Map<string, number[]>(STEPS.map((s) => [s.id, []]));
  const idleCpu: number[] = [];
  const rss: number[] = [];
  try {
    await lab.until((out) => out.includes('open') && out.includes('quit'));
    await press(lab, ENTER, /1\/10 · Every process has a PID/);
    for (let i = 0; i < N; i++) {
      for (const [n, step] of STEPS.entries()) {
        times.get(step.id)!.push(await press(lab, step.key, step.done));
        // Esc closes the answer prompt; a key sent right after Esc would read as Alt+key, so wait.
        if (step.id === 'find-host-pid') await press(lab, '\u001b', /Enter run/);
        if (n < STEPS.length - 1) await press(lab, 'n', new RegExp(`${n + 2}/10`));
      }
      // Reset: the lesson's containers are deleted, and every step starts fresh from step 1.
      await press(lab, 'r', /Reset: the lesson's containers are gone/);
      for (let k = 0; k < STEPS.length - 1; k++) await press(lab, 'p', new RegExp(`${STEPS.length - k - 1}/10`));
    }
    // Idle: nothing happens; the lab must not use the CPU (no polling, no re-render loop). V8 shrinks
    // its heap with a few collections some seconds after the last activity: let that pass first.
    await new Promise((r) => setTimeout(r, 10_000));
    for (let i = 0; i < N; i++) {
      const before = cpuTicks(lab.pty.pid);
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 500));
      const seconds = (performance.now() - t0) / 1000;
      idleCpu.push(((cpuTicks(lab.pty.pid) - before) * TICK * 100) / seconds);
      rss.push(rssMb(lab.pty.pid));
    }
  } finally {
    lab.pty.write('q');
    await exitedWithin(lab, 15_000);
  }
  const lines = STEPS.map((s) => {
    const ms = times.get(s.id)!;
    return s.waits ? stat(`step ${s.id} (${s.waits}; not counted)`, ms, 'ms') : row(`keypress → both panes, pid-namespace ${s.id}`, ms);
  });
  const counted = STEPS.filter((s) => !s.waits).flatMap((s) => times.get(s.id)!);
  lines.push(row('keypress → both panes, pid-namespace, all counted steps', counted));
  lines.push(stat('TUI idle CPU of the lab process (0.5 s samples)', idleCpu, '%'));
  lines.push(stat('TUI RSS of the lab process, after the lesson', rss, 'MB'));
  return lines;
}
