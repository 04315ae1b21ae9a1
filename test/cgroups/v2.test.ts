import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CgroupError, openCgroupDriver } from '../../src/cgroups/index.js';
import { CgroupV2Driver } from '../../src/cgroups/v2.js';
import { MOUNTINFO_V2, eventLog, kernelFiles, read, removeTempRoots, tempRoot, v2Tree } from './fixtures.js';

afterAll(removeTempRoots);

function setup(controllers?: string) {
  const root = tempRoot();
  v2Tree(root, controllers);
  const log = eventLog();
  const driver = openCgroupDriver({ root, mountinfo: MOUNTINFO_V2, parent: 'container-lab', emit: log.emit });
  return { root, log, driver, dir: path.join(root, 'container-lab', 'c1') };
}

describe('cgroup v2 driver on a fixture tree', () => {
  it('is picked for a v2 host and offers what the root offers', () => {
    const { driver, root } = setup('cpuset cpu io memory pids');
    expect(driver).toBeInstanceOf(CgroupV2Driver);
    expect(driver.mode).toBe('v2');
    expect(driver.root).toBe(root);
    expect(driver.controllers).toEqual(['memory', 'pids', 'cpu']);
  });

  it('create hands the controllers down root → parent → container, in that order', () => {
    const { driver, root, log, dir } = setup();
    const cg = driver.create('c1');
    expect(cg.dirs).toEqual([dir]);
    expect(cg.procsFiles).toEqual([path.join(dir, 'cgroup.procs')]);
    expect(log.lines()).toEqual([
      `write ${root}/cgroup.subtree_control "+memory +pids +cpu"`,
      `mkdir("${root}/container-lab") = 0`,
      `write ${root}/container-lab/cgroup.subtree_control "+memory +pids +cpu"`,
      `mkdir("${dir}") = 0`,
    ]);
    expect(read(path.join(root, 'cgroup.subtree_control'))).toBe('+memory +pids +cpu');
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(log.events[0]).toMatchObject({
      kind: 'write',
      name: `${root}/cgroup.subtree_control`,
      args: ['"+memory +pids +cpu"'],
      result: '0',
      ok: true,
    });
    expect(log.events[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('enables only what is missing and never disables what another program enabled', () => {
    const { driver, root, log } = setup();
    fs.writeFileSync(path.join(root, 'cgroup.subtree_control'), 'cpu io\n');
    kernelFiles(path.join(root, 'container-lab'), { 'cgroup.subtree_control': 'memory pids cpu\n' });
    driver.create('c1');
    expect(log.lines()[0]).toBe(`write ${root}/cgroup.subtree_control "+memory +pids"`);
    // The parent exists and has all three: no mkdir, no write for it.
    expect(log.lines().slice(1)).toEqual([`mkdir("${root}/container-lab/c1") = 0`]);
  });

  it('a root without pids: only memory and cpu are enabled, and a pids limit is refused before any write', () => {
    const { driver, root, log } = setup('cpuset cpu io memory');
    const cg = driver.create('c1');
    expect(log.lines()[0]).toBe(`write ${root}/cgroup.subtree_control "+memory +cpu"`);
    log.events.length = 0;
    expect(() => cg.setLimits({ memoryBytes: 1 << 25, pids: 20 })).toThrow(/does not offer the pids controller/);
    expect(log.events).toEqual([]);
  });

  it('setLimits writes memory.max, memory.swap.max 0, pids.max and cpu.max', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir, { 'memory.max': 'max\n', 'memory.swap.max': 'max\n', 'pids.max': 'max\n', 'cpu.max': 'max 100000\n' });
    log.events.length = 0;
    cg.setLimits({ memoryBytes: 32 * 1024 * 1024, pids: 20, cpus: 0.5 });
    expect(log.lines()).toEqual([
      `write ${dir}/memory.max "33554432"`,
      `write ${dir}/memory.swap.max "0"`,
      `write ${dir}/pids.max "20"`,
      `write ${dir}/cpu.max "50000 100000"`,
    ]);
    expect(read(path.join(dir, 'memory.max'))).toBe('33554432');
    expect(read(path.join(dir, 'memory.swap.max'))).toBe('0');
    expect(read(path.join(dir, 'cpu.max'))).toBe('50000 100000');
  });

  it('without swap accounting there is no memory.swap.max to write; a pids limit of 0 is written as 0', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    cg.setLimits({ memoryBytes: 4096 * 100, pids: 0 });
    expect(log.lines()).toEqual([`write ${dir}/memory.max "409600"`, `write ${dir}/pids.max "0"`]);
  });

  it('rejects limits the kernel would refuse before writing anything', () => {
    const { driver, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    expect(() => cg.setLimits({ memoryBytes: 1 << 25, cpus: 0.001 })).toThrow(/at least 0.01 CPUs/);
    expect(() => cg.setLimits({ pids: -1 })).toThrow(/0 or more/);
    expect(() => cg.setLimits({ memoryBytes: 0 })).toThrow(/above 0/);
    expect(() => cg.setLimits({ memoryBytes: 1.5 })).toThrow(/whole number/);
    expect(log.events).toEqual([]);
  });

  it('refuses names that could leave the lab parent', () => {
    const { driver } = setup();
    for (const bad of ['..', '../x', 'a/b', '', '.hidden']) expect(() => driver.create(bad)).toThrow(/not a usable cgroup name/);
    expect(() => openCgroupDriver({ root: tempRoot(), mountinfo: MOUNTINFO_V2, parent: '../etc' })).toThrow();
  });

  it('a refused write becomes a CgroupError and a failed event with a hint', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    fs.mkdirSync(path.join(dir, 'pids.max')); // a directory where the file should be: EISDIR
    log.events.length = 0;
    let error: unknown;
    try {
      cg.setLimits({ pids: 5 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CgroupError);
    expect((error as CgroupError).message).toBe(`write ${dir}/pids.max "5" failed: EISDIR (Is a directory)`);
    expect(log.events).toEqual([
      expect.objectContaining({
        kind: 'write',
        name: `${dir}/pids.max`,
        args: ['"5"'],
        result: '-1 EISDIR',
        ok: false,
        error: expect.objectContaining({ code: 'EISDIR' }),
      }),
    ]);
  });

  it('create refuses a container cgroup left from an earlier run', () => {
    const { driver, dir } = setup();
    fs.mkdirSync(dir, { recursive: true });
    expect(() => driver.create('c1')).toThrow(
      expect.objectContaining({ code: 'EEXIST', hint: expect.stringMatching(/container-lab cleanup/) }),
    );
  });

  it('join writes the PID to cgroup.procs; pids() reads it back', () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    log.events.length = 0;
    cg.join(4242);
    expect(log.lines()).toEqual([`write ${dir}/cgroup.procs "4242"`]);
    kernelFiles(dir, { 'cgroup.procs': '4242\n4250\n' });
    expect(cg.pids()).toEqual([4242, 4250]);
  });

  it('stats reads the kernel counters', () => {
    const { driver, dir } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir, {
      'memory.current': '33275904\n',
      'memory.max': '33554432\n',
      'memory.peak': '33554432\n',
      'memory.events': 'low 0\nhigh 0\nmax 173\noom 2\noom_kill 2\noom_group_kill 0\n',
      'pids.current': '7\n',
      'pids.max': '8\n',
      'pids.events': 'max 13\n',
      'cpu.stat':
        'usage_usec 5107224\nuser_usec 5052104\nsystem_usec 55120\nnr_periods 102\nnr_throttled 98\nthrottled_usec 4844411\nnr_bursts 0\nburst_usec 0\n',
    });
    expect(cg.stats()).toEqual({
      memoryCurrent: 33275904,
      memoryMax: 33554432,
      memoryPeak: 33554432,
      oomKills: 2,
      memoryLimitHits: 173,
      pidsCurrent: 7,
      pidsMax: 8,
      pidsRefused: 13,
      cpuUsageUsec: 5107224,
      nrThrottled: 98,
      throttledUsec: 4844411,
    });
  });

  it('stats: "max" is no limit, and files a kernel lacks are undefined', () => {
    const { driver, dir } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir, { 'memory.max': 'max\n', 'pids.max': 'max\n', 'cpu.stat': 'usage_usec 12\nuser_usec 6\nsystem_usec 6\n' });
    const stats = cg.stats();
    expect(stats.memoryMax).toBeUndefined();
    expect(stats.pidsMax).toBeUndefined();
    expect(stats.memoryCurrent).toBeUndefined();
    // memory.peak exists since Linux 5.19.
    expect(stats.memoryPeak).toBeUndefined();
    expect(stats.cpuUsageUsec).toBe(12);
    expect(stats.nrThrottled).toBeUndefined();
  });

  it('killAll uses cgroup.kill when the kernel has it (5.14+)', async () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    kernelFiles(dir, { 'cgroup.kill': '', 'cgroup.procs': '' });
    log.events.length = 0;
    await cg.killAll();
    expect(log.lines()).toEqual([`write ${dir}/cgroup.kill "1"`]);
  });

  it('killAll without cgroup.kill: pids.max 0, SIGKILL each PID until the cgroup is empty, then the old limit back', async () => {
    const { driver, dir, log } = setup();
    const cg = driver.create('c1');
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => sleeper.on('exit', (_code, signal) => resolve(signal)));
    // Stand in for the kernel: the PID is listed until the process has exited.
    kernelFiles(dir, { 'pids.max': '20\n', 'cgroup.procs': `${sleeper.pid}\n` });
    sleeper.on('exit', () => fs.writeFileSync(path.join(dir, 'cgroup.procs'), ''));
    log.events.length = 0;
    await cg.killAll();
    expect(await exited).toBe('SIGKILL');
    expect(log.lines()).toEqual([`write ${dir}/pids.max "0"`, `kill(${sleeper.pid}, SIGKILL) = 0`, `write ${dir}/pids.max "20"`]);
  });

  it('remove rmdirs the container; removeParent leaves a parent that still has containers', async () => {
    const { driver, root, dir, log } = setup();
    const one = driver.create('c1');
    driver.create('c2');
    log.events.length = 0;
    await one.remove();
    await driver.removeParent();
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(path.join(root, 'container-lab'))).toBe(true);
    await driver.open('c2').remove();
    // In cgroupfs rmdir takes the kernel's files with the directory; a fixture has to drop its own.
    fs.rmSync(path.join(root, 'container-lab', 'cgroup.subtree_control'));
    await driver.removeParent();
    await one.remove(); // already gone: nothing to do, nothing reported
    expect(fs.existsSync(path.join(root, 'container-lab'))).toBe(false);
    expect(log.lines()).toEqual([`rmdir("${dir}") = 0`, `rmdir("${root}/container-lab/c2") = 0`, `rmdir("${root}/container-lab") = 0`]);
  });
});
