/**
 * Runtime benchmarks (issue 2), medians of ≥ 20 runs, every ratio against a reference measured in
 * this same run:
 *   in-lab start (request → PID 1 running, shim started ahead of time)  vs  `runc run` (same rootfs)
 *   cold `container-lab run -- true`, whole process                       vs  `node -e 0`
 *   cold `container-lab run -- true`                                      vs  `unshare --pid --fork --mount-proc --uts --ipc --net true`
 * Run as root: `sudo npm run bench`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRootfs } from '../src/rootfs/index.js';
import { openRuntime } from '../src/runtime/index.js';
import { labPaths } from '../src/runtime/paths.js';
import { median, row, timeRuns } from './stats.js';

const N = Number(process.env.BENCH_RUNS ?? 20);
const cli = path.resolve('dist/cli.js');
const run = (file: string, args: string[]) => {
  const r = spawnSync(file, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}`);
};

export async function benchRuntime(): Promise<string[]> {
  const lines: string[] = [];
  const paths = labPaths();
  const rootfs = await ensureRootfs({ stateDir: paths.stateDir, layerNames: ['base'] });

  // runc on a bundle whose rootfs is the lab's own busybox layer.
  let runc: number[] | undefined;
  const runcBin = ['/usr/sbin/runc', '/usr/bin/runc'].find((p) => fs.existsSync(p));
  if (runcBin) {
    const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-runc-'));
    execFileSync(runcBin, ['spec'], { cwd: bundle });
    const config = JSON.parse(fs.readFileSync(path.join(bundle, 'config.json'), 'utf8'));
    config.root = { path: rootfs.layers[0]!.dir, readonly: true };
    config.process.args = ['true'];
    config.process.terminal = false;
    fs.writeFileSync(path.join(bundle, 'config.json'), JSON.stringify(config));
    let i = 0;
    runc = await timeRuns(N, () => run(runcBin, ['run', '--bundle', bundle, `clab-bench-${process.pid}-${i++}`]));
    fs.rmSync(bundle, { recursive: true, force: true });
  } else {
    lines.push('runc not installed: the in-lab start has no reference (apt install runc).');
  }

  // In-lab: the TUI's path. The shim is started ahead of time, as the TUI does.
  const rt = await openRuntime({ prewarm: true });
  const inLab: number[] = [];
  try {
    for (let i = 0; i < N; i++) {
      await rt.whenWarm(); // the TUI starts its spare shim while the learner reads the step
      const t = performance.now();
      const c = await rt.create({});
      inLab.push(performance.now() - t);
      await rt.delete(c);
    }
  } finally {
    await rt.close();
  }
  lines.push(row('in-lab start (request → PID 1 running)', inLab, runc));
  if (runc) lines.push(row('  reference: runc run (busybox rootfs, `true`)', runc));

  // Cold whole-process runs, interleaved so load changes hit both alike.
  const nodeE0: number[] = [];
  const cold: number[] = [];
  const unshare: number[] = [];
  for (let i = 0; i < N; i++) {
    nodeE0.push(...(await timeRuns(1, () => run(process.execPath, ['-e', '0']))));
    cold.push(...(await timeRuns(1, () => run(process.execPath, [cli, 'run', '--', 'true']))));
    unshare.push(...(await timeRuns(1, () => run('unshare', ['--pid', '--fork', '--mount-proc', '--uts', '--ipc', '--net', 'true']))));
  }
  lines.push(row('cold `container-lab run -- true`, whole process', cold, nodeE0));
  lines.push(row('  reference: node -e 0', nodeE0));
  lines.push(
    `${'  same run vs unshare --pid --fork --mount-proc --uts --ipc --net true'.padEnd(58)} ratio ${(median(cold) / median(unshare)).toFixed(1)}× (unshare median ${median(unshare).toFixed(1)} ms)`,
  );
  return lines;
}
