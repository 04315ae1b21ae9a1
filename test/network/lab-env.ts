/** Runs the built CLI as a learner would, with this test tier's own state, cgroup parent and link prefix. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve('dist/cli.js');

export const LAB_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  CONTAINER_LAB_STATE_DIR: '/var/lib/container-lab-t6',
  CONTAINER_LAB_RUN_DIR: '/run/container-lab-t6',
  CONTAINER_LAB_CGROUP_PARENT: 'container-lab-t6',
  CONTAINER_LAB_LINK_PREFIX: 'clab6',
  NO_COLOR: '1',
};

export function requireBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the real-kernel lesson tests.');
}

export function runLab(args: string[], timeoutMs = 120_000, env: NodeJS.ProcessEnv = {}): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...LAB_ENV, ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Starts a lesson with --plain and SIGKILLs the whole lab once `marker` appears in its output. */
export function killLabAt(lesson: string, marker: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'lesson', lesson, '--plain'], { env: LAB_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`"${marker}" never appeared:\n${out}`)); }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(marker)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => resolve(out));
  });
}

/** What the lab could leave behind, for this test tier's own names only. */
export function residue(): string[] {
  const found: string[] = [];
  const links = spawnSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).stdout
    .split('\n').map((l) => l.split(': ')[1]?.split('@')[0] ?? '').filter((n) => n.startsWith('clab6'));
  found.push(...links.map((l) => `link ${l}`));
  const nft = spawnSync('nft', ['list', 'tables'], { encoding: 'utf8' });
  if (nft.status === 0) found.push(...nft.stdout.split('\n').filter((l) => l.includes('clab6')).map((l) => `nft ${l}`));
  const iptables = spawnSync('iptables', ['-t', 'nat', '-S'], { encoding: 'utf8' });
  if (iptables.status === 0) found.push(...iptables.stdout.split('\n').filter((l) => l.includes('clab6')).map((l) => `iptables ${l}`));
  const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes('container-lab-t6'));
  found.push(...mounts.map((m) => `mount ${m.split(' ')[4]}`));
  for (const root of fs.readdirSync('/sys/fs/cgroup')) {
    if (fs.existsSync(path.join('/sys/fs/cgroup', root, 'container-lab-t6'))) found.push(`cgroup ${root}/container-lab-t6`);
  }
  const ledger = path.join(LAB_ENV.CONTAINER_LAB_RUN_DIR!, 'ledger.jsonl');
  if (fs.existsSync(ledger) && fs.readFileSync(ledger, 'utf8').trim()) found.push('ledger entries');
  const containers = path.join(LAB_ENV.CONTAINER_LAB_STATE_DIR!, 'containers');
  if (fs.existsSync(containers) && fs.readdirSync(containers).length) found.push(`container dirs: ${fs.readdirSync(containers).join(' ')}`);
  return found;
}
