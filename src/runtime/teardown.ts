/**
 * How each kind of ledger entry is undone. The set is closed: these are the only things the lab
 * ever removes, and each removal first checks that the thing is still the lab's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCgroupDriver } from '../cgroups/index.js';
import { MNT } from '../kernel/constants.js';
import { runHostProgram } from '../kernel/host-program.js';
import type { Kernel } from '../kernel/kernel.js';
import type { LedgerEntry } from './ledger.js';
import type { LabPaths } from './paths.js';
import { isSameProcess } from './proc-identity.js';

/** Is `target` a mount point right now (per /proc/self/mountinfo, field 5)? */
export function isMountPoint(target: string, mountinfo = fs.readFileSync('/proc/self/mountinfo', 'utf8')): boolean {
  // mountinfo escapes spaces, tabs, newlines and backslashes in paths as \040 etc.
  const escaped = target.replace(/[ \t\n\\]/g, (ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return mountinfo.split('\n').some((line) => line.split(' ')[4] === escaped);
}

/** Mount points at or below `dir`. */
export function mountsUnder(dir: string, mountinfo = fs.readFileSync('/proc/self/mountinfo', 'utf8')): string[] {
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))))
    .filter((p) => p === dir || p.startsWith(dir + '/'));
}

/** True if `p` lies inside one of the lab's own state directories. */
export function isLabPath(p: string, paths: LabPaths): boolean {
  const abs = path.resolve(p);
  return [paths.stateDir, paths.runDir].some((root) => abs === root || abs.startsWith(root + path.sep));
}

export interface TeardownContext {
  kernel: Kernel;
  paths: LabPaths;
}

/** Removes one resource. Returns false when it was already gone (nothing to do). */
export async function teardown(entry: LedgerEntry, ctx: TeardownContext): Promise<boolean> {
  switch (entry.kind) {
    case 'process': {
      if (!isSameProcess(entry.pid, entry.startTime)) return false;
      process.kill(entry.pid, 'SIGKILL');
      // Wait (bounded) until it is gone, so its namespaces and mounts go with it.
      for (let i = 0; i < 200 && isSameProcess(entry.pid, entry.startTime); i++) await sleep(5);
      return true;
    }
    case 'mount': {
      if (!isLabPath(entry.target, ctx.paths) || !isMountPoint(entry.target)) return false;
      // Stacked mounts at one target come off one at a time.
      while (isMountPoint(entry.target)) ctx.kernel.umount2(entry.target, MNT.MNT_DETACH);
      return true;
    }
    case 'cgroup': {
      const driver = openCgroupDriver({ parent: ctx.paths.cgroupParent });
      const cg = driver.open(entry.name);
      if (cg.dirs.every((d) => !fs.existsSync(d))) return false;
      await cg.killAll();
      await cg.remove();
      await driver.removeParent();
      return true;
    }
    case 'link': {
      if (!entry.name.startsWith(ctx.paths.linkPrefix)) return false;
      // A veth end goes with its pair when the other end's namespace ends: most are gone by now,
      // and asking `ip` about each would cost a process start.
      if (!fs.existsSync(path.join('/sys/class/net', entry.name))) return false;
      return (await runHostProgram(['ip', 'link', 'del', entry.name])).ok;
    }
    case 'rule': {
      if (!(entry.family === 'nft' ? entry.table : entry.chain).startsWith(ctx.paths.linkPrefix)) return false;
      const { dropPublishRules } = await import('./network/publish-apply.js');
      return dropPublishRules(entry);
    }
    case 'dir': {
      if (!isLabPath(entry.path, ctx.paths) || !fs.existsSync(entry.path)) return false;
      // A directory that is still a mount point (or holds one) must not be deleted through:
      // rm would walk into the mounted filesystem. Mounts are torn down first (reverse order).
      if (mountsUnder(entry.path).length > 0) return false;
      fs.rmSync(entry.path, { recursive: true, force: true });
      return true;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
