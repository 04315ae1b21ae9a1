/**
 * Fixture cgroup trees in a temp directory, and mountinfo texts as real hosts print them.
 * In a real cgroupfs the kernel creates a cgroup's files on mkdir; here a test writes the files
 * a kernel would show (`kernelFiles`) before the driver reads them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { renderEvent } from '../../src/kernel/kernel.js';

/** A pure cgroup v2 host (Debian 12, systemd). */
export const MOUNTINFO_V2 = `\
22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
23 28 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
26 23 0:25 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
28 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro
`;

/** A legacy v1 host (Ubuntu 16.04): cpu and cpuacct mounted together, no cgroup2. */
export const MOUNTINFO_V1 = `\
19 24 0:18 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
25 19 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
26 25 0:23 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,xattr,release_agent=/lib/systemd/systemd-cgroups-agent,name=systemd
29 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpu,cpuacct
30 25 0:27 / /sys/fs/cgroup/net_cls,net_prio rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,net_cls,net_prio
31 25 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,memory
32 25 0:29 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:16 - cgroup cgroup rw,pids
33 25 0:30 / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime shared:17 - cgroup cgroup rw,cpuset
`;

/** A hybrid host (Ubuntu 20.04, systemd): v1 controllers plus an empty cgroup2 at unified/. */
export const MOUNTINFO_HYBRID = `\
25 19 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
26 25 0:23 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate
27 25 0:24 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw,xattr,name=systemd
30 25 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,cpu,cpuacct
31 25 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,memory
32 25 0:29 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:16 - cgroup cgroup rw,pids
`;

/** This project's own machine (hybrid, cpu and cpuacct mounted apart), copied from /proc/self/mountinfo. */
export const MOUNTINFO_LAB_MACHINE = `\
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
`;

const roots: string[] = [];

/** A fresh temp directory; `removeTempRoots()` (in afterAll) deletes them all. */
export function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-cg-'));
  roots.push(root);
  return root;
}

export function removeTempRoots(): void {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** Writes files as the kernel would show them: `{ 'memory.max': 'max\n' }`. */
export function kernelFiles(dir: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}

/** A v2 root offering these controllers, none enabled for children yet. */
export function v2Tree(root: string, controllers = 'cpuset cpu io memory hugetlb pids rdma misc'): void {
  kernelFiles(root, { 'cgroup.controllers': `${controllers}\n`, 'cgroup.subtree_control': '\n', 'cgroup.procs': '1\n' });
}

/** The mount points of a v1 mountinfo text, recreated under `root` (which stands for /sys/fs/cgroup). */
export function v1Tree(root: string, mountinfo: string): void {
  for (const line of mountinfo.split('\n')) {
    const mountPoint = line.split(' ')[4];
    if (!line.includes(' - cgroup') || mountPoint === undefined) continue;
    kernelFiles(path.join(root, path.relative('/sys/fs/cgroup', mountPoint)), { 'cgroup.procs': '1\n' });
  }
}

export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Collects events; `lines()` renders them as the primitive pane shows them. */
export function eventLog(): { emit: (e: PrimitiveEvent) => void; events: PrimitiveEvent[]; lines: () => string[] } {
  const events: PrimitiveEvent[] = [];
  return { emit: (e) => events.push(e), events, lines: () => events.map(renderEvent) };
}
