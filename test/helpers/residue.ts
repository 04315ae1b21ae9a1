/**
 * What a lab run may leave behind on this machine, for tests to assert is nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabPaths } from '../../src/runtime/paths.js';

export interface Residue {
  mounts: string[];
  cgroups: string[];
  containerDirs: string[];
  ledger: string;
  links: string[];
}

export function residue(paths: LabPaths): Residue {
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((p) => p.startsWith(path.join(paths.stateDir, 'containers')) || p.includes(paths.cgroupParent));
  const cgroups: string[] = [];
  for (const hierarchy of ['', ...safeList('/sys/fs/cgroup')]) {
    const dir = path.join('/sys/fs/cgroup', hierarchy, paths.cgroupParent);
    if (fs.existsSync(dir)) cgroups.push(dir);
  }
  const containerDirs = safeList(path.join(paths.stateDir, 'containers'));
  let ledger = '';
  try {
    ledger = fs.readFileSync(path.join(paths.runDir, 'ledger.jsonl'), 'utf8');
  } catch {
    // no ledger: nothing recorded
  }
  const links = safeList('/sys/class/net').filter((n) => n.startsWith(paths.linkPrefix));
  return { mounts, cgroups, containerDirs, ledger, links };
}

export const NO_RESIDUE: Residue = { mounts: [], cgroups: [], containerDirs: [], ledger: '', links: [] };

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** True while a process with this PID exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function waitUntil(cond: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}
