/**
 * "What ran" leaves nothing out: every change the lab itself made through a lab overlay's merged
 * view (unlink, rmdir, rename, mkdir, mknod, an open that creates or writes) must be one of the
 * syscalls a step listed. `rm -r` through merged is several calls (two rmdir that fail with
 * ENOTEMPTY, the unlinks, the rmdirs); showing one of them tells the learner less than happened.
 *
 * Only calls by the lab's own processes count (Node: the lab, its shims, each init stage before
 * it execs). A program the lab runs is listed as that program; its calls are its own. A
 * container's /dev is a tmpfs the runtime mounts over merged/dev, not the overlay: the device
 * nodes and mount points it makes there are left out.
 * Run after checkPrimitives, which marks every call a listed event stands for.
 */
import path from 'node:path';
import type { TracedRun } from '../run-lesson.js';
import { unquote } from '../strace-log.js';
import type { TracedCall } from '../strace-log.js';
import type { Tally } from '../tally.js';
import { render } from './syscalls.js';

const CHANGES = new Set([
  'unlink',
  'unlinkat',
  'rmdir',
  'rename',
  'renameat',
  'renameat2',
  'mkdir',
  'mkdirat',
  'mknodat',
  'setxattr',
  'lsetxattr',
  'removexattr',
  'lremovexattr',
]);
const WRITES = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

function changedPath(c: TracedCall): string | undefined {
  const at = c.name.endsWith('at') || c.name === 'renameat2';
  if (CHANGES.has(c.name)) return unquote(at ? c.args[1] : c.args[0]);
  if (c.name === 'openat' && WRITES.test(c.args[2] ?? '')) return unquote(c.args[1]);
  return undefined;
}

export function checkCompleteness(run: TracedRun, stateDir: string, tally: Tally): void {
  const merged = new RegExp(`^${stateDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/containers/[^/]+/merged/`);
  // Which program each process runs: what it last exec'd; a process that never exec'd was forked by Node.
  const program = new Map<number, string>();
  for (const c of run.log.calls) {
    if (c.name === 'execve' && !c.errno) program.set(c.pid, path.basename(unquote(c.args[0]) ?? ''));
    const changed = c.step < run.steps.length ? changedPath(c) : undefined;
    if (!changed || !merged.test(changed) || /\/merged\/dev\//.test(changed) || !['node', undefined].includes(program.get(c.pid))) continue;
    tally.expect('what ran', run.steps[c.step]!.step, c.claimed === true, 'What ran does not list this call', () => `strace: ${render(c)}`);
  }
}
