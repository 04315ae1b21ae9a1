/**
 * Helpers for the real tier: builds into throwaway state directories, and a container made of the
 * built layers (an overlay mount and a chroot inside a private mount and PID namespace, so nothing
 * reaches the host and everything vanishes with the namespace).
 */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultDefinitionsDir, findShippedBusybox, type Layer } from '../../src/rootfs/index.js';
import type { TierNeeds } from '../helpers/tier.js';

const overlayfs = () =>
  readFileSync('/proc/filesystems', 'utf8').includes('\toverlay\n') ? undefined : 'needs overlayfs: run `modprobe overlay`';

/** Why the busybox container-lab ships for this architecture is not there, if it is not. */
export function shippedBusyboxReason(): string | undefined {
  return findShippedBusybox(defaultDefinitionsDir())
    ? undefined
    : `needs the busybox container-lab ships, and it ships none for ${process.arch}`;
}

/** What the rootfs real tier needs: root, util-linux unshare and chroot, and overlayfs. */
export const ROOTFS_TIER: TierNeeds = { root: true, programs: ['unshare', 'chroot'], also: overlayfs };

/** The same, building from the busybox container-lab ships (as on a learner's host). */
export const ROOTFS_SHIPPED_TIER: TierNeeds = { ...ROOTFS_TIER, also: () => overlayfs() ?? shippedBusyboxReason() };

/** The same, building from a static busybox of the host's (the fallback where none is shipped). */
export const ROOTFS_HOST_BUSYBOX_TIER: TierNeeds = { ...ROOTFS_TIER, files: ['/usr/bin/busybox'] };

/** A fresh state directory under the system temp dir (the name contains "clab", for the mount check). */
export async function tempStateDir(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'clab-rootfs-test-')), 'state');
}

/** Mount entries that mention `dir`: must be none after every test. */
export function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((line) => line.includes(dir));
}

/** Removes a test's temp tree, unless something is still mounted in it (then rm would reach through). */
export async function removeTemp(stateDir: string): Promise<void> {
  const root = path.dirname(stateDir);
  if (mountsUnder(root).length > 0) throw new Error(`Still mounted under ${root}: ${mountsUnder(root).join('; ')}`);
  await rm(root, { recursive: true, force: true });
}

/**
 * Runs `script` with /bin/sh inside a container whose root is the overlay of `layers` (lowest
 * first), with a fresh /proc of its own PID namespace. util-linux unshare makes / recursively
 * private before anything is mounted, so the overlay and proc mounts never reach the host.
 */
export async function runInLayers(
  layers: readonly Layer[],
  stateDir: string,
  script: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const container = await mkdtemp(path.join(stateDir, 'container-'));
  for (const dir of ['upper', 'work', 'merged']) await mkdir(path.join(container, dir));
  const lower = [...layers]
    .reverse()
    .map((l) => l.dir)
    .join(':');
  const inner = [
    'mount -t overlay overlay -o "lowerdir=$LOWER,upperdir=$C/upper,workdir=$C/work" "$C/merged"',
    'mount -t proc proc "$C/merged/proc"',
    'exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root chroot "$C/merged" /bin/sh -c "$SCRIPT"',
  ].join(' && ');
  const run = await execa('unshare', ['--mount', '--pid', '--fork', '--kill-child', 'sh', '-c', inner], {
    env: { LOWER: lower, C: container, SCRIPT: script },
    reject: false,
    stdin: 'ignore',
    timeout: 20_000,
  });
  return { exitCode: run.exitCode ?? -1, stdout: run.stdout, stderr: run.stderr };
}
