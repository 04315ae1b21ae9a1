import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCgroupDriver } from '../../src/cgroups/index.js';
import { CgroupV1Driver } from '../../src/cgroups/v1.js';
import {
  MOUNTINFO_HYBRID,
  MOUNTINFO_LAB_MACHINE,
  MOUNTINFO_V1,
  eventLog,
  kernelFiles,
  read,
  removeTempRoots,
  tempRoot,
  v1Tree,
} from './fixtures.js';

afterAll(removeTempRoots);

const UNLIMITED = '9223372036854771712\n';

function setup(mountinfo = MOUNTINFO_V1) {
  const root = tempRoot();
  v1Tree(root, mountinfo);
  const log = eventLog();
  const driver = openCgroupDriver({ root, mountinfo, parent: 'container-lab', emit: log.emit });
  const dir = (tree: string) => path.join(root, tree, 'container-lab', 'c1');
  return { root, log, driver, dir };
}

describe('cgroup v1 driver on a fixture tree', () => {
  it('is picked for v1 and hybrid hosts', () => {
    const v1 = setup().driver;
    expect(v1).toBeInstanceOf(CgroupV1Driver);
    expect(v1.mode).toBe('v1');
    expect(v1.controllers).toEqual(['memory', 'pids', 'cpu']);
    expect(setup(MOUNTINFO_HYBRID).driver.mode).toBe('hybrid');
  });

  it('creates the cgroup in each tree, once for a combined cpu,cpuacct mount', () => {
    const { driver, root, dir, log } = setup();
    const cg = driver.create('c1');
    expect(cg.dirs).toEqual([dir('memory'), dir('pids'), dir('cpu,cpuacct')]);
    expect(cg.procsFiles).toEqual(cg.dirs.map((d) => path.join(d, 'cgroup.procs')));
    expect(log.lines()).toEqual([
      `mkdir("${root}/memory/container-lab") = 0`,
      `mkdir("${root}/pids/container-lab") = 0`,
      `mkdir("${root}/cpu,cpuacct/container-lab") = 0`,
      `mkdir("${dir('memory')}") = 0`,
      `mkdir("${dir('pids')}") = 0`,
      `mkdir("${dir('cpu,cpuacct')}") = 0`,
    ]);
  });

  it("cpu and cpuacct mounted apart (this project's machine): four trees; the hybrid cgroup2 is never used", () => {
    const { driver, dir, root } = setup(MOUNTINFO_LAB_MACHINE);
    expect(driver.mode).toBe('hybrid');
    expect(driver.create('c1').dirs).toEqual([dir('memory'), dir('pids'), dir('cpu'), dir('cpuacct')]);
    expect(fs.existsSync(path.join(root, 'unified', 'container-lab'))).toBe(false);
  });

  it('setLimits: memory then memsw for a new limit, pids.max, period then quota', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir('memory'), { 'memory.limit_in_bytes': UNLIMITED, 'memory.memsw.limit_in_bytes': UNLIMITED });
    log.events.length = 0;
    cg.setLimits({ memoryBytes: 32 * 1024 * 1024, pids: 20, cpus: 0.5 });
    expect(log.lines()).toEqual([
      `write ${dir('memory')}/memory.limit_in_bytes "33554432"`,
      `write ${dir('memory')}/memory.memsw.limit_in_bytes "33554432"`,
      `write ${dir('pids')}/pids.max "20"`,
      `write ${dir('cpu,cpuacct')}/cpu.cfs_period_us "100000"`,
      `write ${dir('cpu,cpuacct')}/cpu.cfs_quota_us "50000"`,
    ]);
    expect(read(path.join(dir('cpu,cpuacct'), 'cpu.cfs_quota_us'))).toBe('50000');
  });

  it('raising the memory limit writes memsw first (the kernel keeps memsw >= memory at every moment)', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir('memory'), { 'memory.limit_in_bytes': '33554432\n', 'memory.memsw.limit_in_bytes': '33554432\n' });
    log.events.length = 0;
    cg.setLimits({ memoryBytes: 64 * 1024 * 1024 });
    expect(log.lines()).toEqual([
      `write ${dir('memory')}/memory.memsw.limit_in_bytes "67108864"`,
      `write ${dir('memory')}/memory.limit_in_bytes "67108864"`,
    ]);
  });

  it('without swap accounting (no memsw file) only the memory limit is written', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    cg.setLimits({ memoryBytes: 1 << 25 });
    expect(log.lines()).toEqual([`write ${dir('memory')}/memory.limit_in_bytes "33554432"`]);
  });

  it('a host without the pids hierarchy refuses a pids limit before writing anything', () => {
    const mountinfo = MOUNTINFO_V1.replace(/.*\/pids .*\n/, '');
    const { driver, log } = setup(mountinfo);
    expect(driver.controllers).toEqual(['memory', 'cpu']);
    const cg = driver.create('c1');
    log.events.length = 0;
    expect(() => cg.setLimits({ memoryBytes: 1 << 25, pids: 10 })).toThrow(/no cgroup v1 pids hierarchy/);
    expect(log.events).toEqual([]);
  });

  it('join writes the PID into every tree; pids() is the union', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    cg.join(777);
    expect(log.lines()).toEqual(['memory', 'pids', 'cpu,cpuacct'].map((t) => `write ${dir(t)}/cgroup.procs "777"`));
    kernelFiles(dir('memory'), { 'cgroup.procs': '777\n780\n' });
    kernelFiles(dir('pids'), { 'cgroup.procs': '777\n' });
    expect(cg.pids()).toEqual([777, 780]);
  });

  it('stats: v1 files, ns converted to µs', () => {
    const { driver, dir } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir('memory'), {
      'memory.usage_in_bytes': '33247232\n',
      'memory.limit_in_bytes': '33554432\n',
      'memory.max_usage_in_bytes': '33554432\n',
      'memory.failcnt': '36\n',
      'memory.memsw.failcnt': '0\n',
      'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 1\n',
    });
    kernelFiles(dir('pids'), { 'pids.current': '8\n', 'pids.max': '8\n', 'pids.events': 'max 4\n' });
    kernelFiles(dir('cpu,cpuacct'), {
      'cpuacct.usage': '1500123456\n',
      'cpu.stat': 'nr_periods 31\nnr_throttled 29\nthrottled_time 1448000500\nnr_bursts 0\nburst_time 0\n',
    });
    expect(cg.stats()).toEqual({
      memoryCurrent: 33247232,
      memoryMax: 33554432,
      memoryPeak: 33554432,
      oomKills: 1,
      memoryLimitHits: 36,
      pidsCurrent: 8,
      pidsMax: 8,
      pidsRefused: 4,
      cpuUsageUsec: 1500123,
      nrThrottled: 29,
      throttledUsec: 1448001,
    });
  });

  it('stats: the unlimited sentinel is no limit; before 4.13 oom_control has no oom_kill line', () => {
    const { driver, dir } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir('memory'), { 'memory.limit_in_bytes': UNLIMITED, 'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\n' });
    kernelFiles(dir('pids'), { 'pids.max': 'max\n' });
    const stats = cg.stats();
    expect(stats.memoryMax).toBeUndefined();
    expect(stats.oomKills).toBeUndefined();
    expect(stats.pidsMax).toBeUndefined();
  });

  it('stats: cpuacct.usage comes from the cpuacct tree when it is mounted apart', () => {
    const { driver, dir } = setup(MOUNTINFO_LAB_MACHINE);
    const cg = driver.create('c1');
    kernelFiles(dir('cpuacct'), { 'cpuacct.usage': '2000\n' });
    kernelFiles(dir('cpu'), { 'cpu.stat': 'nr_periods 0\nnr_throttled 0\nthrottled_time 0\n' });
    expect(cg.stats()).toMatchObject({ cpuUsageUsec: 2, nrThrottled: 0, throttledUsec: 0 });
  });

  it('killAll: no cgroup.kill on v1, so pids.max 0, SIGKILL each PID in any tree, old limit back', async () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => sleeper.on('exit', (_code, signal) => resolve(signal)));
    kernelFiles(dir('pids'), { 'pids.max': 'max\n', 'cgroup.procs': `${sleeper.pid}\n` });
    kernelFiles(dir('memory'), { 'cgroup.procs': `${sleeper.pid}\n` });
    sleeper.on('exit', () => {
      for (const d of cg.dirs) fs.writeFileSync(path.join(d, 'cgroup.procs'), '');
    });
    log.events.length = 0;
    await cg.killAll();
    expect(await exited).toBe('SIGKILL');
    expect(log.lines()).toEqual([
      `write ${dir('pids')}/pids.max "0"`,
      `kill(${sleeper.pid}, SIGKILL) = 0`,
      `write ${dir('pids')}/pids.max "max"`,
    ]);
  });

  it('remove rmdirs the cgroup in every tree, then removeParent the parents', async () => {
    const { driver, root, dir, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    await cg.remove();
    await driver.removeParent();
    expect(log.lines()).toEqual([
      `rmdir("${dir('memory')}") = 0`,
      `rmdir("${dir('pids')}") = 0`,
      `rmdir("${dir('cpu,cpuacct')}") = 0`,
      `rmdir("${root}/memory/container-lab") = 0`,
      `rmdir("${root}/pids/container-lab") = 0`,
      `rmdir("${root}/cpu,cpuacct/container-lab") = 0`,
    ]);
  });
});
