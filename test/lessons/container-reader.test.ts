import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { READER_SCRIPT, containerReader, parseReaderOutput } from '../../src/probes/container-reader.js';
import type { Container, ContainerRuntime, ExecResult } from '../../src/runtime/api.js';
import { procTree } from './proc-fixture.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('container reader', () => {
  it('parses files, links, the reader PID, and files that vanished', () => {
    const T = '@clabtoken';
    const out = [
      `${T} P 9`,
      `${T} F /proc/1/status`,
      'Name:\tsh',
      'Pid:\t1',
      '',
      `${T} F /proc/1/cmdline`,
      'sleep\u00001000\u0000', // no trailing newline in the file: the script adds one
      `${T} L /proc/[0-9]*/ns/pid`,
      'lrwxrwxrwx    1 root     root             0 Nov 22 14:03 /proc/1/ns/pid -> pid:[4026532177]',
      `${T} F /proc/7/status`,
      `${T} E /proc/7/status`,
      `${T} E /proc/9/missing`,
      '',
    ].join('\n');
    const snap = parseReaderOutput(out, T, [
      { path: '/proc/9/missing', kind: 'file' },
      { path: '/proc/1/ns/mnt', kind: 'link' },
    ]);
    expect(snap.readerPid).toBe(9);
    expect(snap.files.get('/proc/1/status')).toBe('Name:\tsh\nPid:\t1\n');
    expect(snap.files.get('/proc/1/cmdline')).toBe('sleep\u00001000\u0000');
    expect(snap.files.has('/proc/7/status')).toBe(false);
    expect(snap.links.get('/proc/1/ns/pid')).toBe('pid:[4026532177]');
    expect(snap.errors.get('/proc/9/missing')).toBe('No such file or directory (ENOENT)');
    expect(snap.errors.get('/proc/1/ns/mnt')).toBe('No such file or directory (ENOENT)');
  });

  it('reads a tree through its real script (run here by the host sh, as it would be inside)', async () => {
    const tree = procTree([
      { pid: 1, ppid: 0, name: 'sh', args: ['/bin/sh'] },
      { pid: 12, ppid: 1, name: 'sleep', args: ['sleep', '5'] },
    ]);
    cleanup = tree.cleanup;
    // A stand-in runtime whose exec runs the argv on this host: enough to test the script itself.
    const runtime = {
      async exec(_c: Container, argv: string[]): Promise<ExecResult> {
        const stdout = execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
        return { stdout, stderr: '', exitCode: 0, signal: null, durationMs: 0 };
      },
    } as unknown as ContainerRuntime;
    const reader = containerReader(runtime, {} as Container);
    const snap = await reader.read([
      { path: `${tree.root}/[0-9]*/cmdline`, kind: 'file' },
      { path: `${tree.root}/[0-9]*/ns/pid`, kind: 'link' },
      { path: `${tree.root}/99/status`, kind: 'file' },
    ]);
    expect(snap.files.get(`${tree.root}/12/cmdline`)).toBe('sleep\u00005\u0000');
    expect(snap.links.get(`${tree.root}/1/ns/pid`)).toBe('pid:[4026531836]');
    expect(snap.errors.get(`${tree.root}/99/status`)).toBe('No such file or directory (ENOENT)');
    expect(snap.readerPid).toBeGreaterThan(0);
    expect(READER_SCRIPT).not.toContain('eval');
  });
});
