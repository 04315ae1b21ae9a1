/**
 * `host-pid-of-container-process`: the learner names, by its host PID, a process they started inside
 * the container (other than PID 1). Checked by reading the host's /proc: the PID must exist, its
 * `ns/pid` link must name the container's PID namespace, and it must not be one PID 1 started.
 *
 * What PID 1 started is in PID 1's session: the container's init calls setsid() (as runc's does),
 * so its children's `NSsid` ends in 1. A process that came in from outside, through the lab's shell
 * or `docker exec`, keeps the session of whoever launched it, which the container numbers 0.
 */
import { t } from '../../i18n/index.js';
import { innerPid, namespaceMembers, parseCmdline, parseNSpid, parseStatus } from '../../probes/index.js';
import type { ProcRecord } from '../../probes/index.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import type { Args } from '../types.js';
import { verdict } from './check.js';
import type { CheckDef, CheckOutcome } from './check.js';

async function candidates(ctx: ActionContext, args: Args) {
  const c = ctx.container(str(args, 'container'));
  if (!c) return { c, records: [] };
  const { records } = await namespaceMembers(ctx.hostReader, ctx.procRoot, c.pid);
  return { c, records: records.filter((r) => r.pid !== c.pid && !startedByInit(r.nssid)) };
}

/** Whether a process is in the session of its namespace's PID 1 (the last `NSsid` is 1). */
function startedByInit(nssid: ProcRecord['nssid']): boolean {
  return nssid[nssid.length - 1] === 1;
}

export const hostPidOfContainerProcess: CheckDef = {
  name: 'host-pid-of-container-process',
  summary: 'The answer is the host PID of a process running inside the container, other than its PID 1.',
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  get prompt() {
    return t('checks.host-pid.prompt');
  },
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const c = ctx.container(str(args, 'container'));
    if (!c) return verdict(false, 'checks.host-pid.not-running');
    const pid = Number(answer.trim());
    if (!/^\d+$/.test(answer.trim()) || pid <= 0) return verdict(false, 'checks.host-pid.not-a-pid', { answer });
    if (pid === c.pid) return verdict(false, 'checks.host-pid.pid-1', { pid });
    const snap = await ctx.hostReader.read([
      { path: `${ctx.procRoot}/${pid}/status`, kind: 'file' },
      { path: `${ctx.procRoot}/${pid}/cmdline`, kind: 'file' },
      { path: `${ctx.procRoot}/${pid}/ns/pid`, kind: 'link' },
      { path: `${ctx.procRoot}/${c.pid}/ns/pid`, kind: 'link' },
    ]);
    const status = snap.files.get(`${ctx.procRoot}/${pid}/status`);
    if (status === undefined) return verdict(false, 'checks.host-pid.no-process', { pid });
    const theirs = snap.links.get(`${ctx.procRoot}/${pid}/ns/pid`);
    const container = snap.links.get(`${ctx.procRoot}/${c.pid}/ns/pid`);
    if (theirs !== container) {
      const unknown = t('checks.host-pid.unknown');
      // A number this small is probably the PID inside the container: the message says so.
      const small = pid < 100 ? 'yes' : 'no';
      return verdict(false, 'checks.host-pid.outside', { pid, theirs: theirs ?? unknown, container: container ?? unknown, small });
    }
    const fields = parseStatus(status);
    const nssid = parseNSpid(fields.get('NSsid'));
    if (startedByInit(nssid)) {
      const command = parseCmdline(snap.files.get(`${ctx.procRoot}/${pid}/cmdline`) ?? '') || (fields.get('Name') ?? '?');
      return verdict(false, 'checks.host-pid.init-started', { pid, command, nssid: nssid.join(' ') });
    }
    const nspid = parseNSpid(fields.get('NSpid'));
    const inside = nspid[nspid.length - 1];
    return {
      ...verdict(true, 'checks.host-pid.right', { pid, inside: inside ?? pid, nspid: nspid.join(' ') }),
      show: {
        probe: 'process-status',
        host: { pid, fields: ['Name', 'State', 'Pid', 'PPid', 'NSpid'] },
        container: { pid: inside ?? pid, fields: ['Name', 'State', 'Pid', 'PPid', 'NSpid'] },
      },
    };
  },
  async answers(ctx, args) {
    return (await candidates(ctx, args)).records.map((r) => String(r.pid));
  },
  async describeAnswer(ctx, args) {
    const { c, records } = await candidates(ctx, args);
    if (!c) return t('checks.host-pid.answer-not-running');
    if (records.length === 0) return t('checks.host-pid.answer-none');
    return records.map((r) => t('checks.host-pid.answer', { pid: r.pid, command: r.command, inside: innerPid(r) })).join('; ');
  },
};
