/**
 * `exec` means `docker exec`: every process the lab starts in a container — an action's command
 * (runtime.exec / spawn) and the learner's shell (`s`) — has PID 1's namespaces, cgroup, five
 * capability sets, no_new_privs, ids and working directory. Checked from the host, in /proc, against
 * PID 1 itself; and the shell is shown unable to do what the container cannot.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import type { Container } from '../../src/runtime/api.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { ProcessTracker } from '../faults/process-tracker.js';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');
const paths: LabPaths = { ...labPaths, runDir: `${labPaths.runDir}-exec` };
const NS = ['mnt', 'pid', 'net', 'uts', 'ipc', 'cgroup'];
const STATUS = /^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Uid|Gid|Groups):.*$/gm;

/** What must be identical between PID 1 and anything exec'd into its container. */
function identity(pid: number): Record<string, string> {
  const id: Record<string, string> = {};
  for (const line of fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(STATUS) ?? []) {
    const [key, value] = line.split(/:\s*/);
    id[key!] = value!.trim();
  }
  for (const kind of NS) id[`ns/${kind}`] = fs.readlinkSync(`/proc/${pid}/ns/${kind}`);
  id.cgroup = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8');
  id.root = fs.readlinkSync(`/proc/${pid}/root`);
  return id;
}

/** The first process named `comm` among `root` and its descendants, waiting for it to appear. */
async function findByComm(root: number, comm: string): Promise<number> {
  const tracker = new ProcessTracker(root);
  for (let i = 0; i < 500; i++) {
    tracker.look();
    const found = [root, ...tracker.alive().map((p) => p.pid)].find((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${comm} appeared under ${root}`);
}

let rt: OpenRuntime;
let c: Container;

describeTier('exec is docker exec', { root: true, cli: true }, () => {
  beforeAll(async () => {
    await runLab(['cleanup'], { env: labEnv(labPaths) });
    rt = await openRuntime({ paths });
    // Fewer capabilities than Docker's default, no_new_privs and limits: every difference shows.
    c = await rt.create({
      capabilities: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      noNewPrivs: true,
      limits: { memoryBytes: 32 * 1024 * 1024, pids: 20 },
    });
  });
  afterAll(async () => {
    await rt?.close();
    expect(machineState(paths)).toEqual(CLEAN);
    fs.rmSync(paths.runDir, { recursive: true, force: true });
  });

  it('PID 1 itself runs with the reduced sets (so the comparisons below mean something)', () => {
    const pid1 = identity(c.pid);
    expect(pid1.CapBnd).toBe('0000000000000421');
    expect(pid1.CapEff).toBe('0000000000000421');
    expect(pid1.NoNewPrivs).toBe('1');
    expect(pid1['ns/pid']).not.toBe(fs.readlinkSync('/proc/self/ns/pid'));
  });

  it("a command an action runs (runtime.spawn) has PID 1's identity", async () => {
    const handle = await rt.spawn(c, ['sleep', '30']);
    const sleeper = await findByComm(handle.hostPid, 'sleep');
    try {
      expect(identity(sleeper)).toEqual(identity(c.pid));
    } finally {
      handle.kill();
      await handle.done;
    }
  });

  it("the learner's shell (`s`) has PID 1's identity, and its working directory is the container's /", async () => {
    const cmd = rt.shellCommand(c, ['sleep', '30']);
    const shell = spawn(cmd.file, cmd.args, { stdio: 'ignore' });
    try {
      const sleeper = await findByComm(shell.pid!, 'sleep');
      expect(identity(sleeper)).toEqual(identity(c.pid));
      expect(fs.readlinkSync(`/proc/${sleeper}/cwd`)).toBe('/');
      // The exec stage (Node) stays outside the container's cgroup: it would not fit in 32 MiB.
      expect(fs.readFileSync(`/proc/${shell.pid}/cgroup`, 'utf8')).not.toBe(identity(c.pid).cgroup);
      process.kill(sleeper, 'SIGKILL');
    } finally {
      await new Promise((r) => (shell.exitCode !== null ? r(null) : shell.once('exit', r)));
    }
  });

  it('the shell cannot mount, and cannot reach or raise the cgroup limit', () => {
    const limitFile = c
      .cgroup!.procsFiles.map((f) => f.replace(/cgroup\.procs$/, ''))
      .find((d) => fs.existsSync(`${d}memory.max`) || fs.existsSync(`${d}memory.limit_in_bytes`))!;
    const memFile = fs.existsSync(`${limitFile}memory.max`) ? `${limitFile}memory.max` : `${limitFile}memory.limit_in_bytes`;
    const before = fs.readFileSync(memFile, 'utf8');
    const attempts = [
      ['mount', '-t', 'tmpfs', 'none', '/mnt'],
      ['mount', '-t', 'cgroup2', 'none', '/mnt'],
      ['mount', '-t', 'cgroup', '-o', 'memory', 'none', '/mnt'],
      ['sh', '-c', 'echo 104857600 > /sys/fs/cgroup/memory.max'],
    ];
    for (const argv of attempts) {
      const cmd = rt.shellCommand(c, argv);
      const r = spawnSync(cmd.file, cmd.args, { encoding: 'utf8' });
      // Refused by the kernel (exit 1 or 2, "permission denied" / "read-only"), not "not found" (127).
      expect(r.status, `${argv.join(' ')} must fail inside: ${r.stdout}${r.stderr}`).not.toBe(0);
      expect(r.status, `${argv.join(' ')}: ${r.stderr}`).toBeLessThan(125);
      expect(r.stderr).toMatch(/denied|not permitted|read-only|nonexistent|No such file/i);
    }
    expect(fs.readFileSync(memFile, 'utf8')).toBe(before);
    expect(fs.readFileSync(`/proc/${c.pid}/mountinfo`, 'utf8')).not.toMatch(/ \/mnt /);
  });
});
