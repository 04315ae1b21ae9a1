import { afterEach, describe, expect, it } from 'vitest';
import { hostReader } from '../../src/probes/host-reader.js';
import { PROBES } from '../../src/probes/index.js';
import { diffViews, describeDifferences } from '../../src/probes/diff.js';
import { decodeSignalMask, describeSignalMask } from '../../src/probes/signals.js';
import { parseStat } from '../../src/probes/proc.js';
import { procTree } from './proc-fixture.js';

const CONTAINER_NS = { pid: '4026532178', mnt: '4026532179', uts: '4026532180', ipc: '4026532181', net: '4026532182' };
let cleanup = () => {};
afterEach(() => cleanup());

function hostFixture() {
  const tree = procTree([
    { pid: 1, ppid: 0, name: 'systemd', args: ['/sbin/init'] },
    { pid: 900, ppid: 1, name: 'bash', args: ['-bash'] },
    { pid: 950, ppid: 900, name: 'node', args: ['node', 'dist/cli.js'] },
    { pid: 3848, ppid: 950, name: 'node', args: ['node', 'dist/shim.js'] },
    { pid: 3948, ppid: 3848, nspid: [3948, 1], name: 'sh', args: ['/bin/sh', '-c', 'init'], ns: CONTAINER_NS, sigCgt: '0000000000010002' },
    { pid: 3975, ppid: 3948, nspid: [3975, 12], name: 'sleep', args: ['sleep', '3600'], ns: CONTAINER_NS },
  ]);
  cleanup = tree.cleanup;
  return tree.root;
}

describe('probes on a fixture /proc', () => {
  it('processes: lists only the members of a PID namespace, keyed by their PID inside', async () => {
    const root = hostFixture();
    const view = await PROBES.processes!.run({ reader: hostReader(), procRoot: root, args: { of: 3948 } });
    expect(view.columns).toEqual(['PID', 'PPID', 'S', 'COMMAND']);
    expect(view.rows).toEqual([
      { key: 'inner:1', cells: ['3948', '3848', 'S', '/bin/sh -c init'] },
      { key: 'inner:12', cells: ['3975', '3948', 'S', 'sleep 3600'] },
    ]);
  });

  it('processes: says why when the process is gone', async () => {
    const root = hostFixture();
    const view = await PROBES.processes!.run({ reader: hostReader(), procRoot: root, args: { of: 4242 } });
    expect(view.rows).toEqual([]);
    expect(view.note).toBe(`${root}/4242/ns/pid: No such file or directory (ENOENT).`);
  });

  it('process-status: chosen fields, signal masks decoded', async () => {
    const root = hostFixture();
    const view = await PROBES['process-status']!.run({
      reader: hostReader(),
      procRoot: root,
      args: { pid: 3948, fields: ['Pid', 'NSpid', 'SigCgt', 'SigIgn'] },
    });
    expect(view.title).toBe(`${root}/3948/status`);
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['Pid', '3948'],
      ['NSpid', '3948 1'],
      ['SigCgt', 'SIGINT SIGCHLD'],
      ['SigIgn', 'none'],
    ]);
  });

  it('namespaces: one row per kind, the *_for_children links left out', async () => {
    const root = hostFixture();
    const view = await PROBES.namespaces!.run({ reader: hostReader(), procRoot: root, args: { pid: 3948 } });
    expect(view.rows.map((r) => r.key)).toEqual(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);
    expect(view.rows.find((r) => r.key === 'pid')?.cells).toEqual(['pid', 'pid:[4026532178]']);
  });

  it('ancestry: follows PPid up to PID 1 with each PID namespace', async () => {
    const root = hostFixture();
    const view = await PROBES.ancestry!.run({ reader: hostReader(), procRoot: root, args: { of: 950 } });
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['950', '900', '4026531836', 'node dist/cli.js'],
      ['900', '1', '4026531836', '-bash'],
      ['1', '0', '4026531836', '/sbin/init'],
    ]);
  });

  it('pid-summary: counts what this side can see', async () => {
    const root = hostFixture();
    const view = await PROBES['pid-summary']!.run({ reader: hostReader(), procRoot: root, args: {} });
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['processes visible', '6'],
      ['lowest PID', '1'],
      ['highest PID', '3975'],
    ]);
  });
});

describe('diff', () => {
  it('marks the cells that differ and the rows only one side has', () => {
    const host = {
      title: 'h',
      rows: [
        { key: 'Pid', cells: ['Pid', '3948'] },
        { key: 'Name', cells: ['Name', 'sh'] },
        { key: 'x', cells: ['x', '1'] },
      ],
    };
    const inside = {
      title: 'c',
      rows: [
        { key: 'Pid', cells: ['Pid', '1'] },
        { key: 'Name', cells: ['Name', 'sh'] },
      ],
    };
    expect(diffViews(host, inside)).toEqual({
      a: [{ kind: 'changed', cells: [1] }, { kind: 'same' }, { kind: 'only' }],
      b: [{ kind: 'changed', cells: [1] }, { kind: 'same' }],
    });
    expect(describeDifferences(host, inside)).toEqual(['Pid 3948  ⟷  Pid 1', 'only on the host: x 1']);
  });
});

describe('proc parsing', () => {
  it('decodes signal masks (bit n-1 is signal n)', () => {
    expect(decodeSignalMask('0000000001001004')).toEqual(['SIGQUIT', 'SIGPIPE', 'SIGXFSZ']);
    expect(describeSignalMask('0000000000000000')).toBe('none');
    expect(decodeSignalMask('0000000200000000')).toEqual(['SIG34']);
  });

  it('parses stat even when the command name has spaces and parentheses', () => {
    expect(parseStat('42 (my (odd) name) S 7 42 42 0')).toEqual({ pid: 42, comm: 'my (odd) name', state: 'S', ppid: 7 });
  });
});
