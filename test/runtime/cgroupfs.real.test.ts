/**
 * /sys/fs/cgroup inside a container on the real kernel, as Docker mounts it: `container-lab run`
 * at start, and the runtime on request (the cgroups lesson's step). Checked from inside (the
 * container reads its own limit, and a write to it fails: the mount is read-only) and against the
 * host's file for the same cgroup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCgroups } from '../../src/cgroups/detect.js';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('cgroupfs');

/** The memory limit file as the container sees it, on this host's cgroup version. */
const v2 = detectCgroups().mode === 'v2';
const LIMIT_INSIDE = v2 ? '/sys/fs/cgroup/memory.max' : '/sys/fs/cgroup/memory/memory.limit_in_bytes';

async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runLab(['run', ...args], { env: labEnv(paths) });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

/** The cgroup mounts of a mountinfo text: mount point and per-mount options. */
function cgroupMounts(mountinfo: string): { at: string; options: string[] }[] {
  return mountinfo
    .split('\n')
    .filter((l) => / - cgroup2? /.test(l))
    .map((l) => ({ at: l.split(' ')[4]!, options: l.split(' ')[5]!.split(',') }));
}

describeTier('/sys/fs/cgroup inside a container', { root: true, cli: true }, () => {
  afterAll(() => expect(machineState(paths)).toEqual(CLEAN));

  it('`container-lab run --memory 16m`: the container reads its limit there, and cannot write it', async () => {
    const script = `cat ${LIMIT_INSIDE}; cat /proc/self/mountinfo; echo 99999999 > ${LIMIT_INSIDE}; echo "write: $?"`;
    const r = await run(['--memory', '16m', '--', 'sh', '-c', script]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('16777216');
    expect(lines).toContain('write: 1');
    expect(r.err).toMatch(/Read-only file system/);
    const mounts = cgroupMounts(r.out);
    expect(mounts.length).toBeGreaterThan(0);
    for (const m of mounts) {
      expect(m.at.startsWith('/sys/fs/cgroup')).toBe(true);
      expect(m.options).toContain('ro');
    }
  }, 60_000);

  describe('the runtime, on request', () => {
    let rt: OpenRuntime;
    beforeAll(async () => {
      rt = await openRuntime({ paths, prewarm: false });
    });
    afterAll(async () => {
      await rt?.close();
    });

    it("mounts it in a running container: the same numbers as the host's files, read-only", async () => {
      const hostMounts = cgroupMounts(fs.readFileSync('/proc/self/mountinfo', 'utf8'));
      const c = await rt.create({ limits: { memoryBytes: 24 * 1024 * 1024, pids: 30 } });
      expect((await rt.exec(c, ['cat', LIMIT_INSIDE])).exitCode).not.toBe(0);
      const made = await rt.mountCgroupfs(c);
      expect(made.length).toBeGreaterThan(0);
      const memoryDir = c.cgroup!.dirs.find((d) => v2 || d.includes('/memory/'))!;
      const hostLimit = fs.readFileSync(path.join(memoryDir, v2 ? 'memory.max' : 'memory.limit_in_bytes'), 'utf8').trim();
      expect(hostLimit).toBe(String(24 * 1024 * 1024));
      const inside = await rt.exec(c, ['cat', LIMIT_INSIDE]);
      expect(inside.stdout.trim()).toBe(hostLimit);
      const pidsInside = await rt.exec(c, ['cat', v2 ? '/sys/fs/cgroup/pids.max' : '/sys/fs/cgroup/pids/pids.max']);
      expect(pidsInside.stdout.trim()).toBe('30');
      const write = await rt.exec(c, ['sh', '-c', `echo 1 > ${LIMIT_INSIDE}`]);
      expect(write.exitCode).not.toBe(0);
      expect(write.stderr).toMatch(/Read-only file system/);
      // The host's file is untouched, and the host's own mount table gained nothing.
      expect(fs.readFileSync(path.join(memoryDir, v2 ? 'memory.max' : 'memory.limit_in_bytes'), 'utf8').trim()).toBe(hostLimit);
      expect(cgroupMounts(fs.readFileSync('/proc/self/mountinfo', 'utf8'))).toEqual(hostMounts);
      await rt.delete(c);
    }, 60_000);
  });
});
