/**
 * The lab's state directories are created by root, mode 0700, and never through a symlink: a link
 * planted where the lab expects a directory is refused with a sentence, and nothing is written
 * where it points.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { LabPaths } from '../../src/runtime/paths.js';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');

const paths: LabPaths = { ...labPaths, stateDir: '/var/lib/container-lab-t7-sec', runDir: '/run/container-lab-t7-sec' };
const target = '/var/lib/container-lab-t7-sec-elsewhere';
const env = labEnv(paths);
const refused = (p: string) =>
  `${p} is a symlink. The lab keeps root-owned state there and will not follow a link: remove it (rm ${p}) and start again.`;

function reset(): void {
  for (const p of [paths.stateDir, paths.runDir, target]) fs.rmSync(p, { recursive: true, force: true });
}

describeTier('state directories: 0700, root-owned, never through a symlink', { root: true, cli: true }, () => {
  afterEach(() => {
    expect(machineState(paths)).toEqual(CLEAN);
    reset();
  });

  it('a first start creates every state directory 0700 and owned by root', async () => {
    reset();
    const r = await runLab(['run', '--', 'true'], { env });
    expect(r.code, r.stderr).toBe(0);
    const layers = path.join(paths.stateDir, 'layers');
    for (const dir of [
      paths.stateDir,
      paths.runDir,
      layers,
      path.join(paths.stateDir, 'containers'),
      ...fs.readdirSync(layers).map((l) => path.join(layers, l)),
    ]) {
      const st = fs.lstatSync(dir);
      expect({ dir, directory: st.isDirectory(), mode: (st.mode & 0o777).toString(8), uid: st.uid }).toEqual({
        dir,
        directory: true,
        mode: '700',
        uid: 0,
      });
    }
  });

  it('a symlink planted at the run directory (lock and ledger) is refused', async () => {
    reset();
    fs.mkdirSync(target, { mode: 0o700 });
    fs.symlinkSync(target, paths.runDir);
    const r = await runLab(['run', '--', 'true'], { env });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: `container-lab: ${refused(paths.runDir)}\n` });
    expect(fs.readdirSync(target)).toEqual([]);
    fs.rmSync(paths.runDir);
  });

  it('a symlink planted at containers/ inside the state directory is refused, for a lesson too', async () => {
    reset();
    expect((await runLab(['run', '--', 'true'], { env })).code).toBe(0);
    fs.mkdirSync(target, { mode: 0o700 });
    const containers = path.join(paths.stateDir, 'containers');
    fs.rmSync(containers, { recursive: true });
    fs.symlinkSync(target, containers);
    const run = await runLab(['run', '--', 'true'], { env });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: `container-lab: ${refused(containers)}\n` });
    const lesson = await runLab(['lesson', 'pid-namespace', '--plain', '--solve'], { env });
    expect(lesson.code).toBe(1);
    expect(lesson.stdout).toContain(`Result: FAILED in`);
    expect(lesson.stdout).toContain(refused(containers));
    expect(fs.readdirSync(target)).toEqual([]);
    fs.rmSync(containers);
  }, 60_000);
});
