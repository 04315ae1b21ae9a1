/**
 * The built CLI, run as a learner would, with this tier's own state directory, cgroup parent and
 * link prefix, so it never meets another test run's resources.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LabPaths } from '../../src/runtime/paths.js';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export const PATHS: LabPaths = {
  stateDir: '/var/lib/container-lab-t3',
  runDir: '/run/container-lab-t3',
  cgroupParent: 'container-lab-t3',
  linkPrefix: 'clab3',
};

export const LAB_ENV: Record<string, string> = {
  CONTAINER_LAB_STATE_DIR: PATHS.stateDir,
  CONTAINER_LAB_RUN_DIR: PATHS.runDir,
  CONTAINER_LAB_CGROUP_PARENT: PATHS.cgroupParent,
  CONTAINER_LAB_LINK_PREFIX: PATHS.linkPrefix,
};

export function requireBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` does).');
}

export function runLab(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...LAB_ENV, ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function startedAt(pid: number | string): number {
  return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
}

/**
 * Processes still running from a lab this test run started: its shims, or anything a lesson started
 * inside. Only processes started after this test process count (another run may share the machine).
 */
export function strayProcesses(): string[] {
  const out: string[] = [];
  const since = startedAt(process.pid);
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (env.includes(`CONTAINER_LAB_CGROUP_PARENT=${PATHS.cgroupParent}\0`) && !cmd.includes('vitest') && startedAt(pid) >= since) out.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile, or a kernel thread
    }
  }
  return out;
}
