/**
 * The cgroup probes on fixture trees: a v2 host, this project's v1/hybrid layout (cpu and cpuacct
 * apart), and the inside of a container, read through a container-side reader that must get
 * everything in one command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBES } from '../../src/probes/index.js';
import { hostReader } from '../../src/probes/host-reader.js';
import type { Reader } from '../../src/probes/reader.js';
import { readCgroup } from '../../src/probes/cgroup-read.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab5-cg-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text.replaceAll('@', root));
  }
  return root;
}

const V2_DIR = 'sys/fs/cgroup/container-lab/ab12c';
const v2Host = () =>
  tree({
    'proc/4242/cgroup': '0::/container-lab/ab12c\n',
    'proc/self/mountinfo': '26 23 0:25 / @/sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n',
    'sys/fs/cgroup/cgroup.controllers': 'cpuset cpu io memory pids\n',
    [`${V2_DIR}/memory.max`]: '33554432\n',
    [`${V2_DIR}/memory.swap.max`]: '0\n',
    [`${V2_DIR}/memory.current`]: '1048576\n',
    [`${V2_DIR}/memory.peak`]: '33554432\n',
    [`${V2_DIR}/memory.events`]: 'low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n',
    [`${V2_DIR}/pids.max`]: '10\n',
    [`${V2_DIR}/pids.current`]: '3\n',
    [`${V2_DIR}/pids.peak`]: '10\n',
    [`${V2_DIR}/pids.events`]: 'max 5\n',
    [`${V2_DIR}/cpu.max`]: '50000 100000\n',
    [`${V2_DIR}/cpu.stat`]:
      'usage_usec 2000000\nuser_usec 1900000\nsystem_usec 100000\nnr_periods 30\nnr_throttled 25\nthrottled_usec 900000\n',
  });

const v1Host = () =>
  tree({
    'proc/4242/cgroup':
      '8:pids:/container-lab/ab12c\n4:memory:/container-lab/ab12c\n2:cpuacct:/container-lab/ab12c\n1:cpu:/container-lab/ab12c\n0::/\n',
    'proc/self/mountinfo': [
      '32 31 0:29 / @/sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
      '33 31 0:30 / @/sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct',
      '35 31 0:32 / @/sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
      '39 31 0:36 / @/sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids',
      '41 31 0:38 / @/sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
    ].join('\n'),
    'sys/fs/cgroup/unified/cgroup.controllers': '\n',
    'sys/fs/cgroup/memory/container-lab/ab12c/memory.limit_in_bytes': '9223372036854771712\n',
    'sys/fs/cgroup/memory/container-lab/ab12c/memory.usage_in_bytes': '700416\n',
    'sys/fs/cgroup/memory/container-lab/ab12c/memory.max_usage_in_bytes': '33554432\n',
    'sys/fs/cgroup/memory/container-lab/ab12c/memory.failcnt': '0\n',
    'sys/fs/cgroup/memory/container-lab/ab12c/memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 2\n',
    'sys/fs/cgroup/pids/container-lab/ab12c/pids.max': 'max\n',
    'sys/fs/cgroup/pids/container-lab/ab12c/pids.current': '1\n',
    'sys/fs/cgroup/pids/container-lab/ab12c/pids.events': 'max 0\n',
    'sys/fs/cgroup/cpu/container-lab/ab12c/cpu.cfs_quota_us': '-1\n',
    'sys/fs/cgroup/cpu/container-lab/ab12c/cpu.cfs_period_us': '100000\n',
    'sys/fs/cgroup/cpu/container-lab/ab12c/cpu.stat': 'nr_periods 0\nnr_throttled 0\nthrottled_time 0\n',
    'sys/fs/cgroup/cpuacct/container-lab/ab12c/cpuacct.usage': '5000000000\n',
  });

/** A reader "inside a container": absolute /proc and /sys/fs/cgroup paths land in `root`; counts its commands. */
function insideReader(root: string): Reader & { commands: number } {
  const real = hostReader();
  const to = (p: string) => p.replace(/^\/(proc|sys)\//, `${root}/$1/`);
  const back = (p: string) => p.replace(root, '');
  const reader = {
    side: 'container' as const,
    commands: 0,
    async read(patterns: Parameters<Reader['read']>[0]) {
      reader.commands++;
      const snap = await real.read(patterns.map((p) => ({ ...p, path: to(p.path) })));
      const remap = <T>(m: Map<string, T>) => new Map([...m].map(([k, v]) => [back(k), v]));
      return { files: remap(snap.files), links: remap(snap.links), errors: remap(snap.errors) };
    },
  };
  return reader;
}

const meters = (m: { key: string; value: number; max?: number }[]) =>
  Object.fromEntries(m.map((x) => [x.key, x.max === undefined ? x.value : [x.value, x.max]]));

describe('cgroup files', () => {
  it('v2: limits and counters from one directory, as rows and as meters', async () => {
    const root = v2Host();
    const r = await readCgroup(hostReader(), `${root}/proc`, 4242, ['memory', 'pids', 'cpu'], 'both');
    expect(r.where).toBe(`${root}/${V2_DIR}/`);
    expect(r.versions).toEqual({ memory: 2, pids: 2, cpu: 2 });
    expect(r.rows.map((row) => row.cells)).toEqual([
      ['memory.max', '33554432 (32.0 MiB)'],
      ['memory.swap.max', '0 (none)'],
      ['memory.current', '1048576 (1.0 MiB)'],
      ['memory.peak', '33554432 (32.0 MiB)'],
      ['memory.events max', '3'],
      ['memory.events oom_kill', '1'],
      ['pids.max', '10'],
      ['pids.current', '3'],
      ['pids.events max', '5'],
      ['cpu.max', '50000 100000'],
      ['cpu.stat usage_usec', '2000000'],
      ['cpu.stat nr_periods', '30'],
      ['cpu.stat nr_throttled', '25'],
      ['cpu.stat throttled_usec', '900000'],
    ]);
    expect(meters(r.meters)).toEqual({
      'memory.usage': [1048576, 33554432],
      'memory.peak': [33554432, 33554432],
      'memory.oom_kills': 1,
      'memory.limit_hits': 3,
      'pids.current': [3, 10],
      'pids.refused': 5,
      'cpu.usage': 2000000,
      'cpu.throttled': 25,
      'cpu.throttled_time': 900000,
    });
    expect(r.meters.find((m) => m.key === 'memory.oom_kills')?.label).toBe('memory.events oom_kill');
    expect(r.meters.find((m) => m.key === 'memory.peak')).toMatchObject({ label: 'memory.peak', kind: 'peak' });
  });

  it('only the limits, when asked: the meters still know the ceilings', async () => {
    const root = v2Host();
    const r = await readCgroup(hostReader(), `${root}/proc`, 4242, ['memory', 'pids'], 'limits');
    expect(r.rows.map((row) => row.key)).toEqual(['memory.max', 'memory.swap.max', 'pids.max']);
    expect(meters(r.meters)['pids.current']).toEqual([3, 10]);
  });

  it('v1 on this machine\'s layout: four trees, v1 names, "no limit" spelled out, CPU time from cpuacct in µs', async () => {
    const root = v1Host();
    const r = await readCgroup(hostReader(), `${root}/proc`, 4242, ['memory', 'pids', 'cpu'], 'both');
    expect(r.where).toBe(`${root}/sys/fs/cgroup/{memory,pids,cpu,cpuacct}/container-lab/ab12c/`);
    expect(r.versions).toEqual({ memory: 1, pids: 1, cpu: 1 });
    expect(r.rows.map((row) => row.cells)).toEqual([
      ['memory.limit_in_bytes', '9223372036854771712 (no limit)'],
      ['memory.usage_in_bytes', '700416 (684.0 KiB)'],
      ['memory.max_usage_in_bytes', '33554432 (32.0 MiB)'],
      ['memory.oom_control oom_kill', '2'],
      ['pids.max', 'max'],
      ['pids.current', '1'],
      ['pids.events max', '0'],
      ['cpu.cfs_quota_us', '-1 (no limit)'],
      ['cpu.cfs_period_us', '100000'],
      ['cpu.stat nr_periods', '0'],
      ['cpu.stat nr_throttled', '0'],
      ['cpu.stat throttled_time', '0'],
      ['cpuacct.usage', '5000000000'],
    ]);
    expect(meters(r.meters)).toEqual({
      'memory.usage': 700416,
      'memory.peak': 33554432,
      'memory.oom_kills': 2,
      'pids.current': 1,
      'pids.refused': 0,
      'cpu.usage': 5000000,
      'cpu.throttled': 0,
      'cpu.throttled_time': 0,
    });
    expect(r.meters.find((m) => m.key === 'cpu.usage')?.label).toBe('cpuacct.usage');
    expect(r.meters.find((m) => m.key === 'memory.peak')).toMatchObject({ label: 'memory.max_usage_in_bytes', kind: 'peak' });
  });

  it('inside the container: its cgroup is / at the top of /sys/fs/cgroup, read in one command', async () => {
    const root = tree({
      'proc/1/cgroup': '0::/\n',
      'proc/self/mountinfo': '70 68 0:25 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw\n',
      'sys/fs/cgroup/memory.max': '33554432\n',
      'sys/fs/cgroup/memory.current': '2097152\n',
      'sys/fs/cgroup/memory.events': 'max 0\noom_kill 0\n',
    });
    const reader = insideReader(root);
    const r = await readCgroup(reader, '/proc', 1, ['memory'], 'both');
    expect(reader.commands).toBe(1);
    expect(r.where).toBe('/sys/fs/cgroup/');
    expect(r.rows.map((row) => row.cells[0])).toEqual(['memory.max', 'memory.current', 'memory.events max', 'memory.events oom_kill']);
  });

  it('inside, before any cgroup filesystem is mounted: says so', async () => {
    const root = tree({ 'proc/1/cgroup': '0::/\n', 'proc/self/mountinfo': '70 68 0:25 / / rw - overlay overlay rw\n' });
    const view = await PROBES['cgroup-files']!.run({
      reader: insideReader(root),
      procRoot: '/proc',
      args: { pid: 1, controllers: ['memory'], show: 'both' },
    });
    expect(view.rows).toEqual([]);
    expect(view.title).toBe('/proc/1/cgroup');
    expect(view.note).toMatch(/^No cgroup filesystem holding memory is mounted where this side looks/);
  });

  it('cgroup-membership: the hierarchies the lab uses, each with its path', async () => {
    const root = v1Host();
    const view = await PROBES['cgroup-membership']!.run({ reader: hostReader(), procRoot: `${root}/proc`, args: { pid: 4242, all: 'no' } });
    expect(view.title).toBe(`${root}/proc/4242/cgroup`);
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['8:pids', '/container-lab/ab12c'],
      ['4:memory', '/container-lab/ab12c'],
      ['2:cpuacct', '/container-lab/ab12c'],
      ['1:cpu', '/container-lab/ab12c'],
      ['0:', '/'],
    ]);
  });

  it('cgroup-mode: the mounts, their controllers, and the mode they add up to', async () => {
    // The probe reads the mount table of the process it is given (the lab's own, in the lesson).
    const asPid = (root: string) => fs.copyFileSync(`${root}/proc/self/mountinfo`, `${root}/proc/4242/mountinfo`);
    const v1 = v1Host();
    asPid(v1);
    const hybrid = await PROBES['cgroup-mode']!.run({ reader: hostReader(), procRoot: `${v1}/proc`, args: { pid: 4242 } });
    expect(hybrid.rows.map((r) => r.cells)).toEqual([
      [`${v1}/sys/fs/cgroup/cpu`, 'cgroup', 'cpu'],
      [`${v1}/sys/fs/cgroup/cpuacct`, 'cgroup', 'cpuacct'],
      [`${v1}/sys/fs/cgroup/memory`, 'cgroup', 'memory'],
      [`${v1}/sys/fs/cgroup/pids`, 'cgroup', 'pids'],
      [`${v1}/sys/fs/cgroup/unified`, 'cgroup2', '(none)'],
    ]);
    expect(hybrid.note).toMatch(/^hybrid: the controllers are in 4 v1 trees; the cgroup2 mount at .*\/unified/);
    const v2 = v2Host();
    asPid(v2);
    const pure = await PROBES['cgroup-mode']!.run({ reader: hostReader(), procRoot: `${v2}/proc`, args: { pid: 4242 } });
    expect(pure.rows.map((r) => r.cells)).toEqual([[`${v2}/sys/fs/cgroup`, 'cgroup2', 'cpuset cpu io memory pids']]);
    expect(pure.note).toBe(`cgroup v2: one tree at ${v2}/sys/fs/cgroup.`);
  });
});
