/**
 * `try-privileged`: runs one operation that needs one capability inside a container, and reads the
 * errno the kernel gave when it is refused. The operations are a closed set:
 *   mount          mount -t tmpfs none /mnt         needs CAP_SYS_ADMIN
 *   chown          chown 1000 /tmp/owned            needs CAP_CHOWN
 *   ping           ping -c 1 127.0.0.1              needs CAP_NET_RAW (raw socket) unless ping_group_range allows ICMP datagram sockets
 *   bind           as user learner: nc -l -p 80     needs CAP_NET_BIND_SERVICE for a port below 1024
 *   bind-file-cap  as user learner: /opt/cap/nc -l -p 80   the same, through the file's capabilities
 * Everything runs inside the container; `ping` targets the container's own loopback.
 */
import { capsAfterExecve, execveRefused, readCapLastCap, readCapStatus } from '../../capabilities/index.js';
import { errnoFromOutput } from '../../capabilities/errno.js';
import { CAP, decodeCapMask } from '../../kernel/constants.js';
import type { Container } from '../../runtime/api.js';
import { ip, listeningOn } from '../../runtime/network/index.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';
import { grantNetBindService } from './cap-file.js';
import { labNet, netnsOf } from './net-lab.js';

const OPS = {
  mount: { needs: 'CAP_SYS_ADMIN', program: 'mount', argv: ['mount', '-t', 'tmpfs', 'none', '/mnt'] },
  chown: { needs: 'CAP_CHOWN', program: 'chown', argv: ['chown', '1000', '/tmp/owned'] },
  ping: { needs: 'CAP_NET_RAW', program: 'ping', argv: ['ping', '-c', '1', '-W', '1', '127.0.0.1'] },
  bind: { needs: 'CAP_NET_BIND_SERVICE', program: 'nc', argv: ['su', 'learner', '-c', 'exec nc -l -p 80'] },
  'bind-file-cap': { needs: 'CAP_NET_BIND_SERVICE', program: 'nc', argv: ['su', 'learner', '-c', 'exec /opt/cap/nc -l -p 80'] },
} as const;
type Op = keyof typeof OPS;

interface Attempt {
  ok: boolean;
  lines: string[];
  /** CapEff of the process that tried, when the lab could read it while it ran. */
  capEff?: bigint;
}

/** What capabilities(7) predicts for learner (no capabilities) running /opt/cap/nc (cap_net_bind_service=ep). */
function predictFileCap(ctx: ActionContext, c: Container): string {
  const pid1 = readCapStatus(c.pid, ctx.procRoot);
  const input = {
    before: { inheritable: 0n, permitted: 0n, effective: 0n, bounding: pid1.sets.bounding, ambient: 0n },
    uid: 1000,
    file: { permitted: 1n << BigInt(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true },
    noNewPrivs: pid1.noNewPrivs === true,
    lastCap: readCapLastCap(ctx.procRoot),
  };
  if (execveRefused(input)) return 'capabilities(7) predicts: execve refused with EPERM (the file asks for more than the bounding set allows)';
  const eff = decodeCapMask(capsAfterExecve(input).effective);
  return `capabilities(7) predicts CapEff after execve: ${eff.join(' ') || 'empty'}${input.noNewPrivs ? ' (no_new_privs: nothing is granted)' : ''}`;
}

function stop(handle: { kill(): void }): void {
  try {
    handle.kill();
  } catch {
    // it ended on its own meanwhile
  }
}

/** A listener succeeds by listening: it is started, watched in /proc/<pid>/net/tcp, then killed. */
async function tryListen(ctx: ActionContext, c: Container, argv: string[]): Promise<Attempt> {
  const handle = await ctx.runtime.spawn(c, argv, { signal: ctx.signal });
  let ended = false;
  void handle.done.then(() => (ended = true));
  for (let i = 0; i < 200 && !ended; i++) {
    if (listeningOn(handle.hostPid, 80, ctx.procRoot)) {
      const capEff = readCapStatus(handle.hostPid, ctx.procRoot).sets.effective;
      stop(handle);
      await handle.done;
      return { ok: true, lines: [`listening on port 80 (seen in /proc/${handle.hostPid}/net/tcp6 or tcp as state 0A, LISTEN); the lab stopped it`], capEff };
    }
    await ctx.sleep(5);
  }
  if (!ended) stop(handle);
  const r = await handle.done;
  return { ok: false, lines: [...r.stderr.split('\n'), ...r.stdout.split('\n')].filter((l) => l.trim()) };
}

export const tryPrivilegedAction: ActionDef = {
  name: 'try-privileged',
  summary: 'Inside a container, tries one operation that needs a capability (mount, chown, ping, bind port 80) and reads the errno.',
  args: {
    op: { type: { kind: 'enum', values: Object.keys(OPS) }, doc: 'which operation' },
    container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' },
    expect: { type: { kind: 'enum', values: ['succeeds', 'fails'] }, doc: 'what the lesson expects the kernel to answer' },
  },
  hostPrograms: [
    // `ping` raises the container's lo first (with the host's ip, in its network namespace).
    { anyOf: ['ip'], when: { op: ['ping'] } },
    { anyOf: ['nsenter'], when: { op: ['ping'] } },
    { anyOf: ['setcap'], when: { op: ['bind-file-cap'] } },
    { anyOf: ['getcap'], when: { op: ['bind-file-cap'] } },
  ],
  async run(ctx, args) {
    const op = str(args, 'op') as Op;
    const spec = OPS[op];
    const c = await ctx.ensureContainer(str(args, 'container'));
    const has = decodeCapMask(readCapStatus(c.pid, ctx.procRoot).sets.effective).includes(spec.needs);
    const output = [`PID 1 of ${c.id} ${has ? 'has' : 'lacks'} ${spec.needs} in CapEff`, `$ ${spec.argv.join(' ')}`];
    if (op === 'chown') await ctx.runtime.exec(c, ['touch', '/tmp/owned']);
    if (op === 'ping') {
      await ip(labNet(ctx).deps, netnsOf(c), ['link', 'set', 'lo', 'up']);
      const range = (await ctx.runtime.exec(c, ['cat', '/proc/sys/net/ipv4/ping_group_range'])).stdout.trim().replace(/\s+/g, ' ');
      output.splice(1, 0, `net.ipv4.ping_group_range inside ${c.id}: "${range}"${range === '1 0' ? ' (no group may open ICMP datagram sockets, so ping needs a raw socket)' : ''}`);
    }
    if (op === 'bind-file-cap' && (await ctx.runtime.exec(c, ['test', '-e', '/opt/cap/nc'])).exitCode !== 0) {
      const granted = await grantNetBindService(ctx, c);
      output.splice(1, 0, 'first, the same file capability as before:', ...granted.output);
      if (!granted.ok) return granted;
    }

    let attempt: Attempt;
    if (op === 'bind' || op === 'bind-file-cap') attempt = await tryListen(ctx, c, [...spec.argv]);
    else {
      const r = await ctx.runtime.exec(c, [...spec.argv], { signal: ctx.signal, timeoutMs: 5000 });
      attempt = { ok: r.exitCode === 0, lines: [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter((l) => l.trim()) };
      if (op === 'mount' && attempt.ok) await ctx.runtime.exec(c, ['umount', '/mnt']);
    }
    output.push(...attempt.lines);
    if (attempt.capEff !== undefined) output.push(`its CapEff while it ran: ${decodeCapMask(attempt.capEff).join(' ') || 'empty'}`);
    if (!attempt.ok) {
      const reading = errnoFromOutput(spec.program, attempt.lines.join('\n'));
      output.push(reading ? `the kernel answered ${reading.errno}: ${reading.evidence}` : 'the program printed no errno the lab can read');
    } else output.push('the kernel allowed it');
    if (op === 'bind-file-cap') output.push(predictFileCap(ctx, c));
    const wanted = str(args, 'expect') === 'succeeds';
    if (attempt.ok === wanted) return { ok: true, output };
    return { ok: false, output, message: `\`${spec.argv.join(' ')}\` ${attempt.ok ? 'succeeded' : 'failed'} in ${c.id}, where the lesson expected it to ${wanted ? 'succeed' : 'fail'}.` };
  },
};
