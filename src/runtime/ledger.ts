/**
 * The ledger: every resource the lab creates, written down durably just before it is made.
 *
 * It is an append-only file of JSON lines in /run/container-lab/ledger.jsonl:
 *   {"op":"add","id":"7","entry":{"kind":"mount","target":"/var/lib/container-lab/…/merged"}}
 *   {"op":"remove","id":"7"}
 * Each `add` is fsync'ed before the call returns, so after a crash or `kill -9` the next start (or
 * `container-lab cleanup`) knows exactly what is left and tears down only that, newest first. A
 * `remove` is written but not waited for: if a crash loses it, the next start looks for the thing,
 * finds it gone (every teardown checks first), and crosses it off then.
 * Like bubblewrap, teardown is registered when the resource is made, not remembered at exit.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';

/** The kinds of resource the lab makes. Each has one teardown, see `teardown.ts`. */
export type LedgerEntry =
  | { kind: 'dir'; path: string }
  | { kind: 'mount'; target: string }
  | { kind: 'cgroup'; name: string }
  | { kind: 'link'; name: string }
  | { kind: 'process'; pid: number; startTime: string; what: string }
  | { kind: 'rule'; family: 'nft'; table: string }
  /** An iptables chain of the lab's own in `table`, and the jump to it from that table's built-in OUTPUT chain. */
  | { kind: 'rule'; family: 'iptables'; table: 'nat'; chain: string };

export interface LedgerRecord {
  id: string;
  entry: LedgerEntry;
}

type Line = { op: 'add'; id: string; entry: LedgerEntry } | { op: 'remove'; id: string };

export class Ledger {
  private readonly file: string;
  private live = new Map<string, LedgerEntry>();
  private nextId = 1;
  private readonly removed = new Set<(id: string) => void>();

  /** Opens (and replays) the ledger file in `runDir`. A torn last line from a crash is ignored. */
  constructor(runDir: string) {
    this.file = path.join(runDir, 'ledger.jsonl');
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // a line cut short by a crash: the resource it named was not yet made
      }
      if (line.op === 'add') this.live.set(line.id, line.entry);
      else this.live.delete(line.id);
      this.nextId = Math.max(this.nextId, Number(line.id) + 1);
    }
  }

  /**
   * Records a resource; call it just before making the resource (a process, whose PID is only known
   * once it runs, right after). Returns its ledger id.
   */
  add(entry: LedgerEntry): string {
    const id = String(this.nextId++);
    this.append({ op: 'add', id, entry });
    this.live.set(id, entry);
    return id;
  }

  /** Records that a resource is gone. */
  remove(id: string): void {
    if (!this.live.has(id)) return;
    this.append({ op: 'remove', id }, false);
    this.live.delete(id);
    for (const listener of this.removed) listener(id);
  }

  /** Calls `listener` with each id crossed off from now on (the quit screen ticks them off). */
  onRemove(listener: (id: string) => void): () => void {
    this.removed.add(listener);
    return () => this.removed.delete(listener);
  }

  /** Resources still recorded as existing, oldest first. */
  entries(): LedgerRecord[] {
    return [...this.live].map(([id, entry]) => ({ id, entry }));
  }

  /** Empties the file once nothing is live, so it does not grow forever. */
  compact(): void {
    if (this.live.size === 0) fs.rmSync(this.file, { force: true });
  }

  private append(line: Line, durable = true): void {
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(line) + '\n');
      if (durable) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Describes an entry in a sentence fragment, for `container-lab cleanup`'s report. */
export function describeEntry(e: LedgerEntry): string {
  switch (e.kind) {
    case 'dir':
      return t('runtime.entry.dir', { path: e.path });
    case 'mount':
      return t('runtime.entry.mount', { target: e.target });
    case 'cgroup':
      return t('runtime.entry.cgroup', { name: e.name });
    case 'link':
      return t('runtime.entry.link', { name: e.name });
    case 'process':
      return t('runtime.entry.process', { pid: e.pid, what: processWhat(e.what) });
    case 'rule':
      return e.family === 'nft'
        ? t('runtime.entry.nft', { table: e.table })
        : t('runtime.entry.iptables', { chain: e.chain, table: e.table });
  }
}

/**
 * What a recorded process is, in the learner's language. The ledger file keeps the English the lab
 * wrote when it started the process (`PID 1 of ab12c`), and may outlive a change of language, so the
 * few phrases the lab writes are recognised here; anything else (`shim`, a program) shows as written.
 */
function processWhat(what: string): string {
  const pid1 = /^PID 1 of (\S+)$/.exec(what);
  if (pid1) return t('runtime.entry.pid1-of', { id: pid1[1]! });
  return what === MOUNT_LAB_HELPER ? t('runtime.entry.mount-lab') : what;
}

/** How the ledger names the mount lab's helper process (see {@link processWhat}). */
export const MOUNT_LAB_HELPER = 'mount lab helper';
