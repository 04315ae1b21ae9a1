/**
 * The capabilities lesson through the built binary, as root. Each refusal is asserted by the errno
 * of the call the lab made itself in the container's context, and that call is held against strace
 * of the same run; each success by what the kernel shows (a LISTEN socket, the process's CapEff).
 * The decoding is checked against capsh. Then nothing may be left.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { CLI, killLabAt, labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('network');
const env = labEnv(paths);

/** The output of one step, from its heading to its result line. */
function step(out: string, id: string): string {
  const start = out.indexOf(`[${id}]`);
  expect(start, `step ${id} is in the output`).toBeGreaterThan(-1);
  return out.slice(start, out.indexOf('Result:', start) + 40);
}

describeTier('lesson capabilities --plain (real kernel)', { root: true, cli: true }, () => {
  beforeAll(() => {
    expect(machineState(paths), 'leftovers from an earlier run').toEqual(CLEAN);
  });

  it('reads every refusal from the kernel', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'capabilities', '--plain'], { env });
    const out = stdout + stderr;
    expect(out).not.toMatch(/^Result: (FAILED|skipped)/m);
    expect(code, out).toBe(0);
    expect(step(out, 'decode')).toMatch(/capsh --decode=00000000a80425fb: the same names/);
    expect(step(out, 'decode')).toMatch(/exactly Docker's default 14/);
    expect(step(out, 'mount')).toMatch(/mount\("none", "\/mnt", "tmpfs", 0, NULL\) = -1 EPERM[\s\S]*the kernel answered EPERM/);
    expect(step(out, 'mount-with-cap')).toMatch(
      /mount\("none", "\/mnt", "tmpfs", 0, NULL\) = 0[\s\S]*umount2\("\/mnt", 0\) = 0[\s\S]*the kernel allowed it/,
    );
    expect(step(out, 'no-net-raw')).toMatch(/ping_group_range inside \w+: "[0-9 ]+"/);
    expect(step(out, 'no-net-raw')).toMatch(/socket\(AF_INET, SOCK_RAW, IPPROTO_ICMP\) = -1 EPERM[\s\S]*the kernel answered EPERM/);
    expect(step(out, 'no-chown')).toMatch(/chown\("\/tmp\/owned", 1000, -1\) = -1 EPERM[\s\S]*the kernel answered EPERM/);
    expect(step(out, 'user-sets')).toMatch(/CapEff:\s+0000000000000000[\s\S]*CapBnd:\s+00000000a80425fb/);
    expect(step(out, 'bind-80')).toMatch(
      /CapEff 0000000000000000: empty[\s\S]*bind\(fd \d+, \{AF_INET, 0\.0\.0\.0:80\}, 16\) = -1 EACCES[\s\S]*the kernel answered EACCES/,
    );
    expect(step(out, 'file-cap')).toMatch(/read back: 0x0100000200040000000000000000000000000000/);
    expect(step(out, 'file-cap')).toMatch(/in setcap's notation: \/opt\/cap\/nc cap_net_bind_service=ep/);
    expect(step(out, 'bind-with-file-cap')).toMatch(
      /listening on port 80[\s\S]*its CapEff while it ran: CAP_NET_BIND_SERVICE[\s\S]*the kernel allowed it/,
    );
    expect(step(out, 'no-new-privs')).toMatch(/NoNewPrivs\s+1/);
    expect(step(out, 'no-new-privs')).toMatch(/CapEff 0000000000000000: empty[\s\S]*the kernel answered EACCES/);
    expect(step(out, 'bounding')).toMatch(
      /execve\("\/opt\/cap\/nc", \["true"\], as uid 1000 gid 1000\) = -1 EPERM[\s\S]*the kernel answered EPERM[\s\S]*predicts: execve refused with EPERM/,
    );
    // No errno is read from a program's words any more.
    expect(out).not.toMatch(/is strerror\(/);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);

  describeTier('held against strace', { programs: ['strace'] }, () => {
    it('every call the lab names agrees with strace -f of the same run', () => {
      const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clab-strace-')), 'trace');
      const r = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-e',
          'signal=none',
          '-e',
          'trace=mount,umount2,chown,fchownat,socket,bind,execve',
          '-o',
          log,
          process.execPath,
          CLI,
          'lesson',
          'capabilities',
          '--json',
        ],
        { env, encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const trace = fs.readFileSync(log, 'utf8').split('\n');
      fs.rmSync(path.dirname(log), { recursive: true, force: true });
      const events = r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((e) => e.type === 'primitive' && e.kind === 'syscall');
      // The lab's own attempts: mount on /mnt, chown, the ICMP and TCP sockets, bind, execve as learner.
      const attempts = events.filter(
        (e) =>
          (e.name === 'mount' && e.args[1] === '"/mnt"') ||
          ['chown', 'bind'].includes(e.name) ||
          (e.name === 'socket' && e.args[0] === 'AF_INET') ||
          (e.name === 'execve' && String(e.args[2]).startsWith('as uid')),
      );
      expect(attempts.filter((e) => !e.ok).map((e) => `${e.name} ${e.result}`)).toEqual([
        'mount -1 EPERM',
        'socket -1 EACCES',
        'socket -1 EPERM',
        'chown -1 EPERM',
        'bind -1 EACCES',
        'bind -1 EACCES',
        'execve -1 EPERM',
      ]);
      // strace pads short calls with spaces before `=`.
      const ret = (e: { ok: boolean; result: string }) => (e.ok ? '\\s*= \\d+' : `\\s*= ${e.result}`);
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const shape = (e: { name: string; args: string[]; ok: boolean; result: string }): RegExp => {
        switch (e.name) {
          case 'mount':
            return new RegExp(`mount\\(${esc(e.args[0]!)}, "/mnt", "tmpfs", 0, NULL\\)${ret(e)}`);
          case 'chown':
            return new RegExp(`(chown\\("/tmp/owned", 1000, -1\\)|fchownat\\(AT_FDCWD, "/tmp/owned", 1000, -1, 0\\))${ret(e)}`);
          case 'socket':
            return new RegExp(`socket\\(${e.args.join(', ')}\\)${ret(e)}`);
          case 'bind':
            return new RegExp(
              `bind\\(\\d+, \\{sa_family=AF_INET, sin_port=htons\\(80\\), sin_addr=inet_addr\\("0\\.0\\.0\\.0"\\)\\}, 16\\)${ret(e)}`,
            );
          default:
            return new RegExp(`execve\\(${esc(e.args[0]!)}, \\["true"\\], .*\\)${ret(e)}`);
        }
      };
      const used = new Set<number>();
      for (const e of attempts) {
        const i = trace.findIndex((line, n) => !used.has(n) && shape(e).test(line));
        expect(i, `strace has ${e.name}(${e.args.join(', ')}) = ${e.result}`).toBeGreaterThan(-1);
        used.add(i);
      }
      expect(machineState(paths)).toEqual(CLEAN);
    }, 180_000);
  });

  it('after kill -9 in the middle of the lesson, cleanup leaves nothing', async () => {
    await killLabAt('capabilities', 'Step 6 of', env);
    const clean = await runLab(['cleanup'], { env });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    await waitUntil(() => isClean(machineState(paths)), 1000);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);
});
