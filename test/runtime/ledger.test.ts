import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/runtime/ledger.js';
import { LabBusyError, acquireLock, lockOwner } from '../../src/runtime/lock.js';
import { isLabPath, isMountPoint, mountsUnder } from '../../src/runtime/teardown.js';
import { isSameProcess, processStartTime } from '../../src/runtime/proc-identity.js';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-ledger-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Ledger', () => {
  it('survives a restart: what was added and not removed is still there, in order', () => {
    const a = new Ledger(dir);
    const d = a.add({ kind: 'dir', path: '/var/lib/container-lab/containers/x' });
    a.add({ kind: 'cgroup', name: 'x' });
    a.add({ kind: 'link', name: 'clab0' });
    a.remove(d);
    const b = new Ledger(dir);
    expect(b.entries().map((r) => r.entry.kind)).toEqual(['cgroup', 'link']);
    expect(Number(b.add({ kind: 'link', name: 'clabx' }))).toBeGreaterThan(3);
  });
  it('ignores a line torn by a crash', () => {
    const a = new Ledger(dir);
    a.add({ kind: 'cgroup', name: 'x' });
    fs.appendFileSync(path.join(dir, 'ledger.jsonl'), '{"op":"add","id":"9","entry":{"kind":"mo');
    expect(new Ledger(dir).entries()).toHaveLength(1);
  });
  it('deletes its file once nothing is live', () => {
    const a = new Ledger(dir);
    a.remove(a.add({ kind: 'cgroup', name: 'x' }));
    a.compact();
    expect(fs.existsSync(path.join(dir, 'ledger.jsonl'))).toBe(false);
  });
});

describe('lock', () => {
  it('gives a second instance a sentence that says what to do', () => {
    const lock = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrowError(LabBusyError);
    expect(() => acquireLock(dir)).toThrowError(
      `Another container-lab is already running (PID ${process.pid}). Quit it first (press q in its window), or if it is stuck, stop it with: sudo kill ${process.pid}`,
    );
    expect(lockOwner(dir)).toBe(process.pid);
    lock.release();
    expect(lockOwner(dir)).toBeUndefined();
  });
  it('takes over a lock whose owner died', () => {
    fs.writeFileSync(path.join(dir, 'lock'), '999999 12345\n');
    const lock = acquireLock(dir);
    expect(lock.stale).toBe(true);
    lock.release();
  });
  it('takes over a lock whose owner is a zombie (killed, not yet reaped by its parent)', async () => {
    // The child exits after its parent has exec'd `sleep`, which never calls wait(): the child stays a
    // zombie. (A child that exits at once may be reaped by sh itself before the exec.)
    const parent = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 10'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
      const state = () => fs.readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]!.split(' ')[0];
      for (let i = 0; i < 200 && state() !== 'Z'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(state()).toBe('Z');
      const startTime = processStartTime(zombie)!;
      expect(startTime).toMatch(/^\d+$/);
      expect(isSameProcess(zombie, startTime)).toBe(false);

      fs.writeFileSync(path.join(dir, 'lock'), `${zombie} ${startTime}\n`);
      expect(lockOwner(dir)).toBeUndefined();
      const lock = acquireLock(dir);
      expect(lock.stale).toBe(true);
      lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

describe('teardown guards', () => {
  const mountinfo =
    '36 35 0:30 / /var/lib/container-lab/a\\040b rw - tmpfs tmpfs rw\n37 35 0:31 / /var/lib/container-lab/a\\040b/sub rw - tmpfs tmpfs rw\n';
  it('reads mount points with escaped spaces', () => {
    expect(isMountPoint('/var/lib/container-lab/a b', mountinfo)).toBe(true);
    expect(mountsUnder('/var/lib/container-lab/a b', mountinfo)).toHaveLength(2);
  });
  it('only ever removes paths inside the lab state directories', () => {
    const paths = { stateDir: '/var/lib/container-lab', runDir: '/run/container-lab', cgroupParent: 'container-lab', linkPrefix: 'clab' };
    expect(isLabPath('/var/lib/container-lab/containers/x', paths)).toBe(true);
    expect(isLabPath('/var/lib/container-lab-decoy/x', paths)).toBe(false);
    expect(isLabPath('/var/lib/container-lab/../docker', paths)).toBe(false);
  });
  it('identifies a process by PID and start time', () => {
    expect(processStartTime(process.pid)).toMatch(/^\d+$/);
    expect(processStartTime(99999999)).toBeUndefined();
  });
});
