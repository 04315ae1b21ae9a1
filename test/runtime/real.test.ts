/**
 * The runtime on the real kernel, checked from inside the container and from the host.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS } from '../../src/kernel/constants.js';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import { CLI, labEnv, useTier } from '../helpers/lab.js';
import { alive, CLEAN, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('runtime');
const env = labEnv(paths);
const ns = (pid: number | 'self', kind: string) => fs.readlinkSync(`/proc/${pid}/ns/${kind}`);

describeTier('runtime on the real kernel', { root: true }, () => {
  let rt: OpenRuntime;
  beforeAll(async () => {
    rt = await openRuntime({ paths, prewarm: true });
  });
  afterAll(async () => {
    await rt?.close();
    expect(machineState(paths)).toEqual(CLEAN);
    // The run directories of the second runtimes below (each holds its own lock).
    for (const runDir of [`${paths.runDir}-faults`, `${paths.runDir}-host`]) fs.rmSync(runDir, { recursive: true, force: true });
  });

  it("runs the container's init as PID 1 inside, and the host sees NSpid: <host> 1", async () => {
    const c = await rt.create({ hostname: 'pidtest' });
    const inside = await rt.exec(c, ['cat', '/proc/1/status']);
    expect(inside.stdout).toMatch(/^Name:\s+sh$/m);
    expect(inside.stdout).toMatch(/^NSpid:\s+1$/m);
    const host = fs.readFileSync(`/proc/${c.pid}/status`, 'utf8');
    expect(host).toMatch(new RegExp(`^NSpid:\\s+${c.pid}\\s+1$`, 'm'));
    // PID 1 leads a session of its own (setsid, as runc's init does); a process that comes in by exec
    // keeps the session of its launcher outside, which the container numbers 0.
    expect(host).toMatch(new RegExp(`^NSsid:\\s+${c.pid}\\s+1$`, 'm'));
    expect((await rt.exec(c, ['cat', '/proc/self/status'])).stdout).toMatch(/^NSsid:\s+0$/m);
    // the container cannot see the host's processes
    const ps = await rt.exec(c, ['ps', '-o', 'pid']);
    expect(
      ps.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map(Number)
        .every((p) => p < 50),
    ).toBe(true);
    await rt.delete(c);
  });

  it('creates new namespace inodes for exactly the kinds asked for', async () => {
    const c = await rt.create({ namespaces: ['pid', 'mnt', 'uts'] });
    for (const kind of ['pid', 'mnt', 'uts']) expect(ns(c.pid, kind), kind).not.toBe(ns('self', kind));
    for (const kind of ['ipc', 'net', 'cgroup']) expect(ns(c.pid, kind), kind).toBe(ns('self', kind));
    await rt.delete(c);
  });

  it('isolates the hostname, and a mount made inside stays inside', async () => {
    const c = await rt.create({ hostname: 'inside', capabilities: [...DOCKER_DEFAULT_CAPS, 'CAP_SYS_ADMIN'] });
    expect((await rt.exec(c, ['hostname'])).stdout.trim()).toBe('inside');
    expect(os.hostname()).not.toBe('inside');
    const m = await rt.exec(c, ['mount', '-t', 'tmpfs', 'clabsecret', '/mnt']);
    expect(m.exitCode, m.stderr).toBe(0);
    expect(fs.readFileSync(`/proc/${c.pid}/mountinfo`, 'utf8')).toContain(' /mnt ');
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain('clabsecret');
    await rt.delete(c);
  });

  it('cannot reach host files outside its rootfs, and mount fails without CAP_SYS_ADMIN', async () => {
    const secret = `/tmp/clab-host-secret-${process.pid}`;
    fs.writeFileSync(secret, 'host only');
    const c = await rt.create({});
    try {
      const r = await rt.exec(c, ['cat', secret]);
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toMatch(/No such file/);
      const root = await rt.exec(c, ['ls', '/']);
      expect(root.stdout.split('\n')).not.toContain('work');
      const m = await rt.exec(c, ['mount', '-t', 'tmpfs', 'x', '/mnt']);
      expect(m.exitCode).not.toBe(0);
      expect(m.stderr).toMatch(/Operation not permitted|permission denied/i);
      expect(fs.readFileSync(`/proc/${c.pid}/status`, 'utf8')).toMatch(/^CapBnd:\s+00000000a80425fb$/m);
    } finally {
      fs.rmSync(secret);
      await rt.delete(c);
    }
  });

  it("exec lands in the container's namespaces and cgroup: a fork loop obeys pids.max", async () => {
    const c = await rt.create({ limits: { pids: 8 } });
    const h = await rt.spawn(c, ['sleep', '30']);
    for (const kind of ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup']) expect(ns(h.hostPid, kind), kind).toBe(ns(c.pid, kind));
    expect(fs.readFileSync(`/proc/${h.hostPid}/cgroup`, 'utf8')).toContain(`/${paths.cgroupParent}/${c.id}`);
    expect((await rt.exec(c, ['cat', '/proc/self/cgroup'])).stdout).toMatch(/^0::\/$/m);
    const loop = await rt.exec(c, ['sh', '-c', 'i=0; while [ $i -lt 30 ]; do sleep 1 & i=$((i+1)); done; wait'], { timeoutMs: 15_000 });
    expect(loop.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
    const stats = c.cgroup!.stats();
    expect(stats.pidsRefused).toBeGreaterThan(0);
    expect(stats.pidsMax).toBe(8);
    h.kill();
    await rt.delete(c);
  });

  it('reports an OOM kill when PID 1 outgrows its memory limit', async () => {
    const c = await rt.create({
      limits: { memoryBytes: 16 * 1024 * 1024 },
      command: ['/bin/sh', '-c', 'x=$(head -c 100000000 /dev/zero | tr "\\0" a); echo unreachable'],
    });
    const status = await c.exited;
    expect(status).toEqual({ code: null, signal: 'SIGKILL', oomKilled: true });
    expect(c.cgroup!.stats().oomKills).toBeGreaterThan(0);
    await rt.delete(c);
  });

  it('shows an injected failure with its hint, and leaves nothing behind', async () => {
    process.env.CONTAINER_LAB_FAULTS = 'pivotRoot:EBUSY';
    try {
      const fresh = await openRuntime({ paths: { ...paths, runDir: `${paths.runDir}-faults` } });
      await expect(fresh.create({ id: 'faulty' })).rejects.toThrowError(/pivot_root\("\.", "\."\) failed: EBUSY/);
      expect(fs.existsSync(path.join(paths.stateDir, 'containers', 'faulty'))).toBe(false);
      expect(fs.existsSync(`/sys/fs/cgroup/pids/${paths.cgroupParent}/faulty`)).toBe(false);
      await fresh.close();
    } finally {
      delete process.env.CONTAINER_LAB_FAULTS;
    }
  });

  it('builds a working container from the host binaries when there is no busybox', async () => {
    const hostRt = await openRuntime({ paths: { ...paths, runDir: `${paths.runDir}-host` }, preferHostTools: true });
    try {
      const c = await hostRt.create({});
      for (const argv of [['sh', '-c', 'echo ok'], ['ps'], ['ls', '/']]) {
        const r = await hostRt.exec(c, argv);
        expect(r.exitCode, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      }
      expect((await hostRt.exec(c, ['ls', '-l', '/bin/sh'])).stdout).not.toMatch(/busybox/);
    } finally {
      await hostRt.close();
    }
  });
});

describeTier('kill -9 of the lab', { root: true, cli: true }, () => {
  it('takes the container with it, and the next start leaves zero residue', async () => {
    const child = spawn(process.execPath, [CLI, 'run', '--memory', '32m', '--', 'sleep', '60'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // wait until the container's PID 1 is `sleep`
    let pid1 = 0;
    await waitUntil(() => {
      const kids = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
      pid1 = kids.find((p) => fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'sleep') ?? 0;
      return pid1 > 0;
      // `run` is a fresh Node process that builds the rootfs first: ~2 s here, but in the
      // cgroup-v2 guest (emulated, TCG) with the host busy it took more than 10 s.
    }, 30_000);
    expect(pid1).toBeGreaterThan(0);
    process.kill(child.pid!, 'SIGKILL');
    expect(await waitUntil(() => !alive(pid1))).toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'cleanup'], { env });
    expect(stdout).toMatch(/removed (cgroup|directory)/);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 60_000);
});
