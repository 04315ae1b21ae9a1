/**
 * /sys/fs/cgroup inside a container, on the recording kernel and fixture layouts: which
 * hierarchies are mounted (only those where the container has a cgroup of its own), in which
 * order, read-only; and the init stage doing it right after its cgroup namespace exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/cgroups/detect.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { cgroupFsPlan, mountCgroupFs } from '../../src/runtime/shim/cgroup-mount.js';
import { prepareInit } from '../../src/runtime/shim/init-stage.js';
import { resolveSpec } from '../../src/runtime/spec.js';
import { MOUNTINFO_HYBRID, MOUNTINFO_LAB_MACHINE, MOUNTINFO_V1, MOUNTINFO_V2 } from '../cgroups/fixtures.js';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-cgfs-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const procs = (root: string, trees: string[]) => trees.map((t) => `${root}/${t}/container-lab/ab12c/cgroup.procs`);

describe('what /sys/fs/cgroup holds inside', () => {
  it('v2: the one tree', () => {
    expect(cgroupFsPlan(detectLayout(MOUNTINFO_V2), ['/sys/fs/cgroup/container-lab/ab12c/cgroup.procs'])).toEqual({ version: 2 });
  });

  it('v1 (cpu and cpuacct together): only the hierarchies the container has a cgroup in, named as on the host', () => {
    const plan = cgroupFsPlan(detectLayout(MOUNTINFO_V1), procs('/sys/fs/cgroup', ['memory', 'pids', 'cpu,cpuacct']));
    expect(plan).toEqual({
      version: 1,
      hierarchies: [
        { name: 'cpu,cpuacct', controllers: ['cpu', 'cpuacct'] },
        { name: 'memory', controllers: ['memory'] },
        { name: 'pids', controllers: ['pids'] },
      ],
    });
  });

  it("hybrid and this machine: the empty cgroup2 and systemd's tree are left out", () => {
    const hybrid = cgroupFsPlan(detectLayout(MOUNTINFO_HYBRID), procs('/sys/fs/cgroup', ['memory', 'pids', 'cpu,cpuacct']));
    expect(hybrid?.version === 1 && hybrid.hierarchies.map((h) => h.name)).toEqual(['cpu,cpuacct', 'memory', 'pids']);
    const lab = cgroupFsPlan(detectLayout(MOUNTINFO_LAB_MACHINE), procs('/sys/fs/cgroup', ['memory', 'pids', 'cpu', 'cpuacct']));
    expect(lab?.version === 1 && lab.hierarchies.map((h) => h.name)).toEqual(['cpu', 'cpuacct', 'memory', 'pids']);
  });

  it('no cgroup, nothing to mount', () => {
    expect(cgroupFsPlan(detectLayout(MOUNTINFO_V2), [])).toBeUndefined();
  });
});

describe('mounting it', () => {
  it('v2: one read-only cgroup2 mount', () => {
    const k = new RecordingKernel();
    expect(mountCgroupFs(k, { version: 2 }, dir)).toEqual([dir]);
    expect(k.texts).toEqual([`mount("cgroup2", "${dir}", "cgroup2", MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL)`]);
  });

  it('v1: a tmpfs, each hierarchy read-only by its exact controllers, links for shared ones, then the tmpfs read-only', () => {
    const k = new RecordingKernel();
    const made = mountCgroupFs(
      k,
      {
        version: 1,
        hierarchies: [
          { name: 'cpu,cpuacct', controllers: ['cpu', 'cpuacct'] },
          { name: 'memory', controllers: ['memory'] },
        ],
      },
      dir,
    );
    expect(made).toEqual([`${dir}/cpu,cpuacct`, `${dir}/memory`]);
    expect(k.texts).toEqual([
      `mount("tmpfs", "${dir}", "tmpfs", MS_NOSUID|MS_NODEV|MS_NOEXEC, "mode=755,size=64k")`,
      `mount("cgroup", "${dir}/cpu,cpuacct", "cgroup", MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, "cpu,cpuacct")`,
      `mount("cgroup", "${dir}/memory", "cgroup", MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, "memory")`,
      `mount(NULL, "${dir}", NULL, MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_REMOUNT, NULL)`,
    ]);
    expect(fs.readlinkSync(`${dir}/cpu`)).toBe('cpu,cpuacct');
    expect(fs.readlinkSync(`${dir}/cpuacct`)).toBe('cpu,cpuacct');
    expect(fs.existsSync(`${dir}/memory`)).toBe(true);
  });

  it('the init stage mounts it after unshare(CLONE_NEWCGROUP), before it drops CAP_SYS_ADMIN', () => {
    for (const d of ['lower', 'upper', 'work', 'merged/dev']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    const k = new RecordingKernel();
    const spec = resolveSpec({ id: 'c1', mountCgroupfs: true }, () => 'x');
    prepareInit(
      k,
      {
        op: 'create',
        spec,
        lowers: [`${dir}/lower`],
        upper: `${dir}/upper`,
        work: `${dir}/work`,
        merged: `${dir}/merged`,
        cgroupProcs: ['/sys/fs/cgroup/lab/c1/cgroup.procs'],
        cgroupfs: { version: 2 },
      },
      40,
    );
    const at = (prefix: string) => k.texts.findIndex((x) => x.startsWith(prefix));
    expect(at('mount("cgroup2", "/sys/fs/cgroup", "cgroup2", MS_RDONLY')).toBe(at('unshare(CLONE_NEWCGROUP)') + 1);
    expect(at('prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN)')).toBeGreaterThan(at('mount("cgroup2"'));
  });

  it("a spec that asks for it without a cgroup namespace is refused: the mount would show the host's whole tree", () => {
    expect(() => resolveSpec({ namespaces: ['pid', 'mnt'], mountCgroupfs: true }, () => 'x')).toThrow(
      'Mounting /sys/fs/cgroup in a container needs the cgroup namespace: add `cgroup` to its namespaces.',
    );
  });
});
