/**
 * A test tier that needs something of this host: root, a real kernel's cgroups, a program on PATH,
 * the built CLI. Where a need is not met the tier is skipped, and says why in vitest's default
 * output (a warning line, and one skipped test named by the reason) — except in CI (`CI` set,
 * as `.ci/run` sets it), where a skipped tier fails: a green run that tested nothing would be a lie.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { detectCgroups, type CgroupMode, type LabController } from '../../src/cgroups/index.js';
import { CLI } from './lab.js';

export interface TierNeeds {
  /** Root: real namespaces, mounts, cgroups, xattrs. */
  root?: boolean;
  /** Programs that must be on PATH, e.g. `['nft']`. */
  programs?: readonly string[];
  /** Files that must exist, e.g. `['/usr/bin/busybox']`. */
  files?: readonly string[];
  /** The cgroup modes the tier is written for; any mode when absent. */
  cgroupModes?: readonly CgroupMode[];
  /** cgroup controllers the tier puts limits on. */
  cgroupControllers?: readonly LabController[];
  /** The built CLI (`npm run build`; `npm test` builds it first). */
  cli?: boolean;
  /** Anything else the tier needs: the reason it cannot run here, or undefined. */
  also?: () => string | undefined;
}

/** The Debian package that brings each program the tests run, for the sentence that says what to install. */
const PACKAGE: Record<string, string> = {
  nft: 'nftables',
  tmux: 'tmux',
  strace: 'strace',
  capsh: 'libcap2-bin',
  getfattr: 'attr',
  ping: 'iputils-ping',
  busybox: 'busybox-static',
  setpriv: 'util-linux',
  unshare: 'util-linux',
  nsenter: 'util-linux',
  ip: 'iproute2',
  chroot: 'coreutils',
  ls: 'coreutils',
  setcap: 'libcap2-bin',
  getcap: 'libcap2-bin',
  iptables: 'iptables',
};

/** "needs X (Debian/Ubuntu: apt-get install P)" for programs or files named by their program. */
function need(what: string, programs: readonly string[]): string {
  const packages = [...new Set(programs.map((p) => PACKAGE[path.basename(p)] ?? path.basename(p)))];
  return `needs ${what} (Debian/Ubuntu: apt-get install ${packages.join(' ')}; \`sudo npm test\` installs it)`;
}

/** The first executable named `program` on PATH, as the lab itself would find it. */
export function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const file = path.join(dir, program);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Why a tier with these needs cannot run on this host, or undefined when it can. */
export function whyNot(needs: TierNeeds): string | undefined {
  if (needs.root && process.getuid?.() !== 0) return 'needs root: run `sudo npm test` (as root: `npm test`)';
  const programs = (needs.programs ?? []).filter((p) => onPath(p) === undefined);
  if (programs.length > 0) return need(`${programs.join(', ')} on PATH`, programs);
  const files = (needs.files ?? []).filter((f) => !fs.existsSync(f));
  if (files.length > 0) return need(files.join(', '), files);
  if (needs.cgroupModes || needs.cgroupControllers) {
    const cgroups = detectCgroups();
    if (needs.cgroupModes && !needs.cgroupModes.includes(cgroups.mode))
      return `is written for cgroup ${needs.cgroupModes.join(' or ')}, and this host runs ${cgroups.mode}`;
    const absent = (needs.cgroupControllers ?? []).filter((c) => !cgroups.controllers.includes(c));
    if (absent.length > 0)
      return `needs the ${absent.join(', ')} cgroup controller${absent.length > 1 ? 's' : ''}, which this host does not offer`;
  }
  if (needs.cli && !fs.existsSync(CLI)) return `needs the built lab at ${CLI}: run \`npm run build\``;
  return needs.also?.();
}

/** `describe` for a tier with needs: runs it, skips it with the reason, or (in CI) fails instead of skipping. */
export function describeTier(title: string, needs: TierNeeds, body: () => void): void {
  const reason = whyNot(needs);
  if (reason === undefined) {
    describe(title, body);
  } else if (process.env.CI) {
    describe(title, () => {
      it('runs in CI', () => {
        throw new Error(`"${title}" would be skipped, and CI must run every tier: it ${reason}.`);
      });
    });
  } else {
    // The body is not even collected: what it makes while declaring its tests (a temporary
    // directory, a ledger) would be left behind by hooks that never run.
    console.warn(`skipped "${title}": it ${reason}`);
    describe(title, () => {
      it.skip(`skipped: it ${reason}`, () => {});
    });
  }
}
