/** Shared by the real-kernel network tests: netns made by the test, the test's own links. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ledger } from '../../src/runtime/ledger.js';

/** This test run's link prefix: the lab's own is `clab`; the tests use their own. */
export const PREFIX = process.env.CONTAINER_LAB_LINK_PREFIX ?? 'clab6';

export function sh(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempLedger(): { ledger: Ledger; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab6-ledger-'));
  return { ledger: new Ledger(dir), dir };
}

/** A process alone in a new, unnamed network namespace, like a container's PID 1. */
export function unnamedNetns(): ChildProcess {
  return spawn('unshare', ['--net', '--', 'sleep', '120'], { stdio: 'ignore' });
}

/** Links whose name starts with the prefix, on the host. */
export function labLinks(prefix = PREFIX): string[] {
  return sh('ip', ['-o', 'link', 'show'])
    .split('\n')
    .map((l) => l.split(': ')[1]?.split('@')[0] ?? '')
    .filter((n) => n.startsWith(prefix));
}

export function netnsNames(): string[] {
  return sh('ip', ['netns', 'list'])
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter(Boolean);
}

/** Waits until /proc/<pid>/ns/net differs from ours (unshare has done its work). */
export async function waitForOwnNetns(pid: number): Promise<void> {
  const mine = fs.readlinkSync('/proc/self/ns/net');
  for (let i = 0; i < 200; i++) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/ns/net`) !== mine) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`pid ${pid} never got its own network namespace`);
}

/**
 * A PATH on which `hidden` programs are missing and everything else is found: a temporary
 * directory of links to every program of the usual directories but those. `remove()` deletes it.
 */
export function pathWithout(hidden: readonly string[]): { PATH: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-path-'));
  for (const from of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!fs.existsSync(from)) continue;
    for (const name of fs.readdirSync(from)) {
      const link = path.join(dir, name);
      if (!hidden.includes(name) && !fs.existsSync(link)) fs.symlinkSync(path.join(from, name), link);
    }
  }
  return { PATH: dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
