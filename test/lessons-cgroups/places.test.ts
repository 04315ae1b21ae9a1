/**
 * Where a process's cgroup files are, from /proc/<pid>/cgroup and the reader's mountinfo, on
 * mountinfo copied from real hosts (v2, v1, hybrid, this project's machine) and from inside a
 * container whose cgroup is mounted at /sys/fs/cgroup.
 */
import { describe, expect, it } from 'vitest';
import { cgroupPlaces, parseProcCgroup, placeOf } from '../../src/probes/cgroup-places.js';
import { directoryTitle } from '../../src/probes/cgroup-read.js';
import { MOUNTINFO_HYBRID, MOUNTINFO_LAB_MACHINE, MOUNTINFO_V1, MOUNTINFO_V2 } from '../cgroups/fixtures.js';

const V1_CGROUP = `12:pids:/container-lab/ab12c
7:cpu,cpuacct:/container-lab/ab12c
4:memory:/container-lab/ab12c
1:name=systemd:/user.slice
0::/user.slice
`;

describe('cgroup places', () => {
  it('parses /proc/<pid>/cgroup: v1 lines name their controllers, the v2 line none', () => {
    expect(parseProcCgroup(V1_CGROUP)).toEqual([
      { id: '12', controllers: ['pids'], path: '/container-lab/ab12c' },
      { id: '7', controllers: ['cpu', 'cpuacct'], path: '/container-lab/ab12c' },
      { id: '4', controllers: ['memory'], path: '/container-lab/ab12c' },
      { id: '1', controllers: ['name=systemd'], path: '/user.slice' },
      { id: '0', controllers: [], path: '/user.slice' },
    ]);
  });

  it('v2: one directory for every controller', () => {
    const places = cgroupPlaces('0::/container-lab/ab12c\n', MOUNTINFO_V2);
    for (const tree of ['memory', 'pids', 'cpu'] as const) {
      expect(placeOf(places, tree)).toMatchObject({ version: 2, dir: '/sys/fs/cgroup/container-lab/ab12c' });
    }
    expect(placeOf(places, 'cpuacct')).toBeUndefined();
  });

  it('v1: one directory per tree, cpu and cpuacct together when mounted together', () => {
    const places = cgroupPlaces(V1_CGROUP, MOUNTINFO_V1);
    expect(placeOf(places, 'memory')?.dir).toBe('/sys/fs/cgroup/memory/container-lab/ab12c');
    expect(placeOf(places, 'pids')?.dir).toBe('/sys/fs/cgroup/pids/container-lab/ab12c');
    expect(placeOf(places, 'cpu')?.dir).toBe('/sys/fs/cgroup/cpu,cpuacct/container-lab/ab12c');
    expect(placeOf(places, 'cpuacct')?.dir).toBe('/sys/fs/cgroup/cpu,cpuacct/container-lab/ab12c');
  });

  it('hybrid: the controllers come from the v1 trees, not from the empty unified mount', () => {
    const places = cgroupPlaces(V1_CGROUP, MOUNTINFO_HYBRID);
    expect(placeOf(places, 'memory')).toMatchObject({ version: 1, dir: '/sys/fs/cgroup/memory/container-lab/ab12c' });
    expect(places.find((p) => p.id === '0')?.dir).toBe('/sys/fs/cgroup/unified/user.slice');
  });

  it('this machine: cpu and cpuacct are mounted apart', () => {
    const places = cgroupPlaces('2:cpuacct:/container-lab-t5/ab12c\n1:cpu:/container-lab-t5/ab12c\n', MOUNTINFO_LAB_MACHINE);
    expect(placeOf(places, 'cpu')?.dir).toBe('/sys/fs/cgroup/cpu/container-lab-t5/ab12c');
    expect(placeOf(places, 'cpuacct')?.dir).toBe('/sys/fs/cgroup/cpuacct/container-lab-t5/ab12c');
  });

  it('inside a container with its own cgroup namespace: / at the top of its own mount', () => {
    const inside = `46 68 0:46 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - tmpfs cgroup ro,size=64k,mode=755
47 46 0:32 / /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime - cgroup cgroup rw,memory
`;
    expect(placeOf(cgroupPlaces('4:memory:/\n', inside), 'memory')?.dir).toBe('/sys/fs/cgroup/memory');
    // No cgroup filesystem mounted: the cgroup is known, its files are not reachable.
    expect(placeOf(cgroupPlaces('0::/\n', ''), 'memory')).toEqual({ id: '0', controllers: [], path: '/', version: 2 });
  });

  it('a mount that shows only a subtree cannot show a cgroup outside it', () => {
    const sub = '30 25 0:27 /lxc/box /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n';
    expect(placeOf(cgroupPlaces('0::/lxc/box/app\n', sub), 'memory')?.dir).toBe('/sys/fs/cgroup/app');
    expect(placeOf(cgroupPlaces('0::/other\n', sub), 'memory')?.dir).toBeUndefined();
  });

  it('titles several directories that differ in one place with braces', () => {
    expect(directoryTitle(['/sys/fs/cgroup/container-lab/x'])).toBe('/sys/fs/cgroup/container-lab/x/');
    expect(directoryTitle(['/sys/fs/cgroup/memory/lab/x', '/sys/fs/cgroup/pids/lab/x', '/sys/fs/cgroup/cpu,cpuacct/lab/x'])).toBe(
      '/sys/fs/cgroup/{memory,pids,cpu,cpuacct}/lab/x/',
    );
    expect(directoryTitle(['/sys/fs/cgroup/memory', '/sys/fs/cgroup/pids'])).toBe('/sys/fs/cgroup/{memory,pids}/');
  });
});
