/**
 * Finding a container's process from the host, by reading the host's /proc (never by guessing).
 *
 * A command started with `docker exec` (here `runtime.spawn`) may be a launcher outside the
 * container (nsenter) whose child is the real process inside; the host PID the runtime returns is the
 * launcher's. So the process is looked up among the members of the container's PID namespace.
 */
import { t } from '../../i18n/index.js';
import { innerPid, namespaceMembers } from '../../probes/index.js';
import type { ProcRecord } from '../../probes/index.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext } from './action.js';

const TRIES = 50;
const INTERVAL_MS = 10;

/**
 * Reads the members of the container's PID namespace every 10 ms, up to ~0.5 s, until `seen`
 * returns something other than undefined, and returns that (undefined if it never did).
 */
async function watchMembers<T>(ctx: ActionContext, c: Container, seen: (records: ProcRecord[]) => T | undefined): Promise<T | undefined> {
  for (let i = 0; i < TRIES; i++) {
    const { records } = await namespaceMembers(ctx.hostReader, ctx.procRoot, c.pid);
    const answer = seen(records);
    if (answer !== undefined) return answer;
    await ctx.sleep(INTERVAL_MS);
  }
  return undefined;
}

/** Waits (up to ~0.5 s) for the process launched as host PID `launcher` to be in the container. */
export async function findLaunched(ctx: ActionContext, c: Container, launcher: number): Promise<{ hostPid: number; innerPid: number }> {
  const found = await watchMembers(ctx, c, (records) => {
    const byPid = new Map(records.map((r) => [r.pid, r]));
    return records.find((r) => r.pid !== c.pid && descendsFrom(r, launcher, byPid));
  });
  if (!found) throw new Error(t('actions.find.not-appeared', { pid: launcher, id: c.id }));
  return { hostPid: found.pid, innerPid: innerPid(found) };
}

// Inside the namespace a launched process's parent is either the launcher itself (outside) or, for a
// launcher that forks twice, a member whose parent is the launcher.
function descendsFrom(r: ProcRecord, launcher: number, members: Map<number, ProcRecord>): boolean {
  if (r.pid === launcher || r.ppid === launcher) return true;
  const parent = members.get(r.ppid);
  return parent !== undefined && parent.ppid === launcher;
}

/** The host PID of the container process numbered `inner` inside; waits briefly for it to appear. */
export async function hostPidOf(ctx: ActionContext, c: Container, inner: number): Promise<number> {
  const found = await watchMembers(ctx, c, (records) => records.find((r) => innerPid(r) === inner));
  if (!found) throw new Error(t('actions.find.not-found', { inner, id: c.id }));
  return found.pid;
}

/**
 * Waits (up to ~0.5 s) until container process `hostPid` has been handed to the container's init and
 * is asleep. Between `fork` and its first blocking call a new process is running (state R), and an
 * orphan's parent may still be exiting; a pane read in that window shows a state the next pane no
 * longer does. Returns whether it settled; a process that never sleeps, or has ended, is shown as it is.
 */
export async function settledUnderInit(ctx: ActionContext, c: Container, hostPid: number): Promise<boolean> {
  const settled = await watchMembers(ctx, c, (records) => {
    const r = records.find((m) => m.pid === hostPid);
    if (!r) return false;
    return r.ppid === c.pid && r.state === 'S' ? true : undefined;
  });
  return settled === true;
}

/**
 * Waits (up to ~0.5 s) until a new container's processes are all asleep and no more are appearing:
 * PID 1 may still be starting its first child (the pid-namespace lesson's init starts `sleep`), and
 * a pane read in that moment lists a row, or a state, the other pane does not. Returns whether it
 * settled; a container whose command keeps running is shown as it is.
 */
export async function settledContainer(ctx: ActionContext, c: Container): Promise<boolean> {
  let before = '';
  const settled = await watchMembers(ctx, c, (records) => {
    const now = records.map((r) => `${r.pid}:${r.state}`).join(' ');
    const same = now === before && records.every((r) => r.state === 'S');
    before = now;
    return same || undefined;
  });
  return settled === true;
}
