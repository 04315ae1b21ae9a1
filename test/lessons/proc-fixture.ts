/**
 * Fixture procfs trees for probe and engine tests: a directory per PID with `status`, `stat`,
 * `cmdline` and `ns/*` symlinks, written from a compact description.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FakeProcess {
  pid: number;
  ppid: number;
  /** NSpid, outermost first; defaults to [pid]. */
  nspid?: number[];
  /** NSsid, outermost first (0 where the session's leader is outside); no line when absent. */
  nssid?: number[];
  name: string;
  args?: string[];
  state?: string;
  /** Namespace inodes by kind; defaults to the host's. */
  ns?: Partial<Record<string, string>>;
  sigCgt?: string;
  sigIgn?: string;
}

export const HOST_NS: Record<string, string> = {
  cgroup: '4026531835',
  ipc: '4026531839',
  mnt: '4026531832',
  net: '4026531833',
  pid: '4026531836',
  time: '4026531834',
  user: '4026531837',
  uts: '4026531838',
};

export function writeProcess(procRoot: string, p: FakeProcess): void {
  const dir = path.join(procRoot, String(p.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'ns'), { recursive: true });
  const state = p.state ?? 'S';
  const words: Record<string, string> = { S: 'sleeping', R: 'running', Z: 'zombie' };
  writeFileSync(
    path.join(dir, 'status'),
    [
      `Name:\t${p.name}`,
      `State:\t${state} (${words[state] ?? '?'})`,
      `Pid:\t${p.pid}`,
      `PPid:\t${p.ppid}`,
      `NSpid:\t${(p.nspid ?? [p.pid]).join('\t')}`,
      ...(p.nssid ? [`NSsid:\t${p.nssid.join('\t')}`] : []),
      `SigIgn:\t${p.sigIgn ?? '0000000000000000'}`,
      `SigCgt:\t${p.sigCgt ?? '0000000000000000'}`,
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'stat'), `${p.pid} (${p.name}) ${state} ${p.ppid} 0 0\n`);
  writeFileSync(path.join(dir, 'cmdline'), p.state === 'Z' ? '' : `${(p.args ?? [p.name]).join('\0')}\0`);
  const ns = { ...HOST_NS, ...(p.ns ?? {}) };
  for (const [kind, inode] of Object.entries(ns)) symlinkSync(`${kind}:[${inode}]`, path.join(dir, 'ns', kind));
}

export function removeProcess(procRoot: string, pid: number): void {
  rmSync(path.join(procRoot, String(pid)), { recursive: true, force: true });
}

/** A temporary procfs root with the given processes; `cleanup()` removes it. */
export function procTree(processes: FakeProcess[]): { root: string; cleanup(): void } {
  const base = mkdtempSync(path.join(tmpdir(), 'clab-proc-'));
  const root = path.join(base, 'proc');
  mkdirSync(root);
  for (const p of processes) writeProcess(root, p);
  return { root, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
