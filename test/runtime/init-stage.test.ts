import { translate } from '../../src/i18n/index.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { SyscallError } from '../../src/kernel/errors.js';
import { prepareInit, resolveCommand } from '../../src/runtime/shim/init-stage.js';
import type { CreateRequest } from '../../src/runtime/shim/protocol.js';
import { resolveSpec } from '../../src/runtime/spec.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-init-'));
  for (const d of ['lower1', 'lower2', 'upper', 'work', 'merged/dev']) fs.mkdirSync(path.join(dir, d), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function request(overrides: Parameters<typeof resolveSpec>[0] = {}): CreateRequest {
  return {
    op: 'create',
    spec: resolveSpec({ id: 'c1', hostname: 'box', ...overrides }, () => 'x'),
    lowers: [path.join(dir, 'lower1'), path.join(dir, 'lower2')],
    upper: path.join(dir, 'upper'),
    work: path.join(dir, 'work'),
    merged: path.join(dir, 'merged'),
    cgroupProcs: [],
  };
}

describe('the init stage on the recording kernel', () => {
  it('makes / private before the first mount and pivots into the overlay', () => {
    const k = new RecordingKernel();
    prepareInit(k, request(), 40);
    const t = k.texts;
    const at = (prefix: string) => t.findIndex((x) => x.startsWith(prefix));
    expect(t[0]).toBe('unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWNET)');
    expect(t[1]).toBe('mount(NULL, "/", NULL, MS_REC|MS_PRIVATE, NULL)');
    // overlay lists the top layer first
    expect(t[2]).toBe(
      `mount("overlay", "${dir}/merged", "overlay", 0, "lowerdir=${dir}/lower2:${dir}/lower1,upperdir=${dir}/upper,workdir=${dir}/work")`,
    );
    expect(at('sethostname("box")')).toBeGreaterThan(2);
    // the cgroup namespace comes after the root (by then the shim has put PID 1 in its cgroup)
    expect(at('unshare(CLONE_NEWCGROUP)')).toBeGreaterThan(at('mount("sysfs"'));
    expect(t.slice(at('pivot_root'), at('pivot_root') + 3)).toEqual(['pivot_root(".", ".")', 'umount2(".", MNT_DETACH)', 'chdir("/")']);
    // /proc comes after pivot_root (we are PID 1 inside) and /proc/sys ends read-only
    expect(at('mount("proc", "/proc", "proc", MS_NOSUID|MS_NODEV|MS_NOEXEC, NULL)')).toBeGreaterThan(at('pivot_root'));
    expect(t).toContain('mount(NULL, "/proc/sys", NULL, MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_REMOUNT|MS_BIND, NULL)');
  });

  it('drops every capability Docker drops, and keeps its 14', () => {
    const k = new RecordingKernel();
    prepareInit(k, request(), 40);
    const dropped = k.texts.filter((x) => x.startsWith('prctl(PR_CAPBSET_DROP'));
    expect(dropped).toHaveLength(41 - 14);
    expect(dropped).toContain('prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN)');
    expect(dropped).not.toContain('prctl(PR_CAPBSET_DROP, CAP_NET_RAW)');
    expect(k.texts.at(-1)).toBe('capset(eff=0x00000000a80425fb, prm=0x00000000a80425fb, inh=0x0000000000000000)');
  });

  it('creates only the namespaces asked for', () => {
    const k = new RecordingKernel();
    prepareInit(k, request({ namespaces: ['pid', 'mnt'] }), 40);
    expect(k.texts[0]).toBe('unshare(CLONE_NEWNS)');
    expect(k.texts.some((x) => x.startsWith('sethostname'))).toBe(false);
  });

  it('refuses a namespace kind it does not make (user, time) instead of running without it', () => {
    // A spec read from JSON, past the type checker: the runtime must say no, not ignore the kind.
    const asked = ['pid', 'mnt', 'user', 'time'] as unknown as Parameters<typeof resolveSpec>[0]['namespaces'];
    expect(() => resolveSpec({ id: 'c1', namespaces: asked }, () => 'x')).toThrow(
      translate('en', 'runtime.spec.unsupported-ns', { kinds: 'user, time', supported: 'pid, mnt, uts, ipc, net, cgroup' }),
    );
  });

  it("leaves the lab's session before the capabilities go", () => {
    const k = new RecordingKernel();
    prepareInit(k, request(), 40);
    const t = k.texts;
    expect(t.filter((x) => x === 'setsid()')).toHaveLength(1);
    expect(t.indexOf('setsid()')).toBeLessThan(t.findIndex((x) => x.startsWith('prctl(PR_CAPBSET_DROP')));
  });

  it("keeps the session when PID 1's stdin is the learner's terminal (run's shell needs it for job control)", () => {
    const k = new RecordingKernel();
    prepareInit(k, request(), 40, true);
    expect(k.texts).not.toContain('setsid()');
  });

  it('sets no_new_privs when asked', () => {
    const k = new RecordingKernel();
    prepareInit(k, request({ noNewPrivs: true }), 40);
    expect(k.texts.at(-1)).toBe('prctl(PR_SET_NO_NEW_PRIVS, 1)');
  });

  it('stops at an injected EPERM with the syscall, errno and a hint, and goes no further', () => {
    const k = new RecordingKernel().failOn('mount', 'EPERM', 2);
    let error: unknown;
    try {
      prepareInit(k, request(), 40);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SyscallError);
    expect((error as SyscallError).code).toBe('EPERM');
    expect((error as SyscallError).hint).toMatch(/root/);
    expect(k.texts.some((x) => x.startsWith('pivot_root'))).toBe(false);
  });

  it.each([
    ['pivotRoot', 'EBUSY'],
    ['umount2', 'EINVAL'],
    ['mount', 'ENOSPC'],
  ])('surfaces %s failing with %s', (method, errno) => {
    const k = new RecordingKernel().failOn(method, errno);
    expect(() => prepareInit(k, request(), 40)).toThrowError(new RegExp(`failed: ${errno}`));
  });
});

describe('resolveCommand', () => {
  it('finds a program on PATH like Docker does, and says what to do when it cannot', () => {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'hello'), '#!/bin/sh\n', { mode: 0o755 });
    expect(resolveCommand('hello', `/nope:${bin}`)).toBe(path.join(bin, 'hello'));
    expect(resolveCommand('/bin/sh', '')).toBe('/bin/sh');
    expect(() => resolveCommand('nosuch', bin)).toThrowError(/"nosuch" was not found on the container's PATH/);
  });
});
