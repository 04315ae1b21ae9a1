/**
 * `host-pid-of-container-process`: the learner names, by its host PID, a process they started inside
 * the container (other than PID 1). Checked by reading the host's /proc: the PID must exist, and its
 * `ns/pid` link must name the container's PID namespace.
 */
import { innerPid, namespaceMembers, parseNSpid, parseStatus } from '../../probes/index.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import type { Args } from '../types.js';
import type { CheckDef, CheckOutcome } from './check.js';

async function candidates(ctx: ActionContext, args: Args) {
  const c = ctx.container(str(args, 'container'));
  if (!c) return { c, records: [] };
  const { records } = await namespaceMembers(ctx.hostReader, ctx.procRoot, c.pid);
  return { c, records: records.filter((r) => r.pid !== c.pid) };
}

export const hostPidOfContainerProcess: CheckDef = {
  name: 'host-pid-of-container-process',
  summary: 'The answer is the host PID of a process running inside the container, other than its PID 1.',
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  prompt: 'host PID',
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const c = ctx.container(str(args, 'container'));
    if (!c) return { ok: false, message: 'The container is not running: press r to reset the lesson, then start your process again.' };
    const pid = Number(answer.trim());
    if (!/^\d+$/.test(answer.trim()) || pid <= 0)
      return { ok: false, message: `"${answer}" is not a PID: type a whole number, such as the one you found on the host.` };
    if (pid === c.pid)
      return {
        ok: false,
        message: `${pid} is the container's PID 1 (the shell that started with it). Find the process you started yourself.`,
      };
    const snap = await ctx.hostReader.read([
      { path: `${ctx.procRoot}/${pid}/status`, kind: 'file' },
      { path: `${ctx.procRoot}/${pid}/ns/pid`, kind: 'link' },
      { path: `${ctx.procRoot}/${c.pid}/ns/pid`, kind: 'link' },
    ]);
    const status = snap.files.get(`${ctx.procRoot}/${pid}/status`);
    if (status === undefined)
      return { ok: false, message: `No process ${pid} exists on the host. Is your process still running? Look again on the host side.` };
    const theirs = snap.links.get(`${ctx.procRoot}/${pid}/ns/pid`);
    const container = snap.links.get(`${ctx.procRoot}/${c.pid}/ns/pid`);
    if (theirs !== container) {
      const small =
        pid < 100 ? ' A number this small is probably the PID inside the container: the host numbers the same process differently.' : '';
      return {
        ok: false,
        message: `Host PID ${pid} is a host process outside the container: its PID namespace is ${theirs ?? 'unknown'}, the container's is ${container ?? 'unknown'}.${small}`,
      };
    }
    const nspid = parseNSpid(parseStatus(status).get('NSpid'));
    const inside = nspid[nspid.length - 1];
    return {
      ok: true,
      message: `Right: host PID ${pid} is PID ${inside} inside the container (NSpid: ${nspid.join(' ')}). One process, one PID per namespace it is in.`,
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
    if (!c) return 'the container is not running yet, so there is no answer to give';
    if (records.length === 0) return 'no process besides PID 1 runs in the container yet: start one first, then ask again';
    return records.map((r) => `host PID ${r.pid} (\`${r.command}\`, PID ${innerPid(r)} inside)`).join('; ');
  },
};
