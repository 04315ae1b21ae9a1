/**
 * Process records assembled from a snapshot of `/proc/<pid>/{status,cmdline,ns/pid}`: the data
 * behind `ps`. Pure; the process probes share it.
 */
import { nsInode, parseCmdline, parseNSpid, parseStatus } from './proc.js';
import type { ReadPattern, Snapshot } from './reader.js';

export interface ProcRecord {
  /** PID as this procfs numbers it (the reader's PID namespace). */
  pid: number;
  ppid: number;
  /** State letter from `State:` (S, R, Z, …). */
  state: string;
  /** PID in each namespace, outermost first; the last one is the PID in its own namespace. */
  nspid: number[];
  /**
   * Its session's ID in each namespace, outermost first (`NSsid`): 0 where the session's leader is
   * outside that namespace. Inside a container, session 1 is PID 1's: what PID 1 started.
   */
  nssid: number[];
  /** Arguments, or `[name]` for kernel threads and zombies, as `ps` shows them. */
  command: string;
  /** Inode of its PID namespace, when the link was read. */
  pidns?: string;
}

/** Patterns that read what {@link recordsFrom} needs, for every process or for one PID. */
export function processPatterns(procRoot: string, pid: number | '[0-9]*' = '[0-9]*'): ReadPattern[] {
  return [
    { path: `${procRoot}/${pid}/status`, kind: 'file' },
    { path: `${procRoot}/${pid}/cmdline`, kind: 'file' },
    { path: `${procRoot}/${pid}/ns/pid`, kind: 'link' },
  ];
}

/** Every process whose status file is in the snapshot, by PID ascending. */
export function recordsFrom(snap: Snapshot, procRoot: string): ProcRecord[] {
  const records: ProcRecord[] = [];
  const pattern = new RegExp(`^${procRoot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(\\d+)/status$`);
  for (const [path, text] of snap.files) {
    const pid = Number(path.match(pattern)?.[1]);
    if (!Number.isInteger(pid)) continue;
    const status = parseStatus(text);
    const ppid = Number(status.get('PPid'));
    if (!Number.isInteger(ppid)) continue;
    const args = parseCmdline(snap.files.get(`${procRoot}/${pid}/cmdline`) ?? '');
    records.push({
      pid,
      ppid,
      state: (status.get('State') ?? '?').charAt(0),
      nspid: parseNSpid(status.get('NSpid')),
      nssid: parseNSpid(status.get('NSsid')),
      command: args || `[${status.get('Name') ?? '?'}]`,
      pidns: nsInode(snap.links.get(`${procRoot}/${pid}/ns/pid`)),
    });
  }
  return records.sort((a, b) => a.pid - b.pid);
}

/** Leaves out the reader's own shell and the commands it ran, which only exist while it reads. */
export function withoutReader(records: ProcRecord[], readerPid: number | undefined): ProcRecord[] {
  if (readerPid === undefined) return records;
  return records.filter((r) => r.pid !== readerPid && r.ppid !== readerPid);
}

/** A record's PID inside its innermost namespace: the key that matches it across the two panes. */
export function innerPid(record: ProcRecord): number {
  return record.nspid[record.nspid.length - 1] ?? record.pid;
}
