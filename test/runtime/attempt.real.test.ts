/**
 * The shim's `attempt` on the real kernel: the call happens in the container's namespaces with the
 * effective set the lab names, its errno is the kernel's, and afterwards the shim's main thread is
 * back in the host's namespaces with its own capabilities, and nothing it did is left behind.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DOCKER_DEFAULT_CAPS } from '../../src/kernel/constants.js';
import { openRuntime, type OpenRuntime } from '../../src/runtime/index.js';
import type { Container } from '../../src/runtime/api.js';
import { useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('attempt');

const status = (pid: number, field: string) =>
  fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\S+)$`, 'm'))![1]!;
/** The shim is PID 1's parent; /proc/<pid>/ns and CapEff are its main thread's, where attempts run. */
const shimOf = (c: Container) => Number(status(c.pid, 'PPid'));
const ns = (pid: number | 'self', kind: string) => fs.readlinkSync(`/proc/${pid}/ns/${kind}`);
const mountsOn = (pid: number, target: string) =>
  fs
    .readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
    .split('\n')
    .filter((l) => l.split(' ')[4] === target);

describeTier("attempt: a call made by the shim in the container's context", { root: true }, () => {
  let rt: OpenRuntime;
  beforeAll(async () => {
    rt = await openRuntime({ paths, prewarm: false });
  });
  afterAll(async () => {
    await rt?.close();
    expect(machineState(paths)).toEqual(CLEAN);
  });

  it('answers with the errno of the call, and the shim thread comes back whole', async () => {
    const c = await rt.create({});
    const shim = shimOf(c);
    const before = { eff: status(shim, 'CapEff'), mnt: ns(shim, 'mnt'), net: ns(shim, 'net') };
    const pid1 = BigInt(`0x${status(c.pid, 'CapEff')}`);

    const mount = await rt.attempt(c, { call: 'mount', target: '/mnt', fstype: 'tmpfs' }, pid1);
    expect(mount.events.map((e) => `${e.name} ${e.result}`)).toEqual(['mount -1 EPERM']);
    const bind = await rt.attempt(c, { call: 'bind', port: 80 }, 0n);
    expect(bind.events.map((e) => e.name)).toEqual(['socket', 'bind', 'close']);
    expect(bind.events.slice(1).map((e) => e.result)).toEqual(['-1 EACCES', '0']);
    // socket's answer is the new fd, shown as strace shows it.
    expect(Number(bind.events[0]!.result)).toBeGreaterThan(2);
    // The same bind with PID 1's set (which keeps CAP_NET_BIND_SERVICE) is allowed.
    expect((await rt.attempt(c, { call: 'bind', port: 80 }, pid1)).events.every((e) => e.ok)).toBe(true);
    const user = await rt.attempt(c, { call: 'execve', path: '/bin/true', argv0: 'true', uid: 1000, gid: 1000 }, pid1);
    expect(user.capEff).toBe('0000000000000000');

    expect({ eff: status(shim, 'CapEff'), mnt: ns(shim, 'mnt'), net: ns(shim, 'net') }).toEqual(before);
    expect(before.mnt).toBe(ns('self', 'mnt'));
    await rt.delete(c);
  });

  it('undoes what it was allowed to do: a mount made inside is gone, and never reached the host', async () => {
    const c = await rt.create({ capabilities: [...DOCKER_DEFAULT_CAPS, 'CAP_SYS_ADMIN'] });
    const answer = await rt.attempt(c, { call: 'mount', target: '/mnt', fstype: 'tmpfs' }, BigInt(`0x${status(c.pid, 'CapEff')}`));
    expect(answer.events.map((e) => `${e.name}(${e.args.join(', ')}) = ${e.result}`)).toEqual([
      'mount("none", "/mnt", "tmpfs", 0, NULL) = 0',
      'umount2("/mnt", 0) = 0',
    ]);
    expect(mountsOn(c.pid, '/mnt')).toEqual([]);
    expect(mountsOn(process.pid, '/mnt').filter((l) => l.includes(' - tmpfs none '))).toEqual([]);
    await rt.delete(c);
  });
});
