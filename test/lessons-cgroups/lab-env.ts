/**
 * The cgroups lesson's real-kernel tier: the built CLI with this tier's own state directory, run
 * directory, cgroup parent and link prefix, and what it could leave behind under those names.
 * CONTAINER_LAB_TEST_CLI points the tier at another build (default: dist/cli.js);
 * CONTAINER_LAB_TEST_TIER renames the tier (default t5), so two checkouts can run it side by side.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve(process.env.CONTAINER_LAB_TEST_CLI ?? 'dist/cli.js');
const TIER = process.env.CONTAINER_LAB_TEST_TIER ?? 't5';
export const PARENT = `container-lab-${TIER}`;

export const LAB_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  CONTAINER_LAB_STATE_DIR: `/var/lib/${PARENT}`,
  CONTAINER_LAB_RUN_DIR: `/run/${PARENT}`,
  CONTAINER_LAB_CGROUP_PARENT: PARENT,
  CONTAINER_LAB_LINK_PREFIX: TIER === 't5' ? 'clab5' : `cl${TIER}`,
  NO_COLOR: '1',
};

/** Why this tier cannot run here, or undefined when it can. In CI a reason is a failure. */
export function cannotRun(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (run `sudo npm test`)';
  if (!fs.existsSync(CLI)) return `${CLI} is missing: run \`npm run build\` first`;
  return undefined;
}

/**
 * This tier's parent cgroup in every hierarchy (v2: one), found as `find /sys/fs/cgroup -maxdepth 3
 * -name container-lab-t5` finds it: the exact name, so a look-alike (`container-lab-t5-decoy`) is
 * neither counted nor taken for residue.
 */
export function labCgroupDirs(): string[] {
  const found = spawnSync('find', ['/sys/fs/cgroup', '-maxdepth', '3', '-name', PARENT], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean);
}

/** Everything a run could leave behind under this tier's names; empty when the lab cleaned up. */
export function residue(): string[] {
  const found = labCgroupDirs().map((d) => `cgroup ${d}`);
  const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(PARENT));
  found.push(...mounts.map((m) => `mount ${m.split(' ')[4]}`));
  const ledger = path.join(LAB_ENV.CONTAINER_LAB_RUN_DIR!, 'ledger.jsonl');
  if (fs.existsSync(ledger) && fs.readFileSync(ledger, 'utf8').trim()) found.push('ledger entries');
  const containers = path.join(LAB_ENV.CONTAINER_LAB_STATE_DIR!, 'containers');
  if (fs.existsSync(containers) && fs.readdirSync(containers).length) found.push(`container dirs: ${fs.readdirSync(containers).join(' ')}`);
  return found;
}

/** True while `pid` names a live process (not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function settle(test: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && !test()) await new Promise((r) => setTimeout(r, 20));
  return test();
}
