/**
 * `try-privileged`: runs one operation that needs one capability inside a container, and shows two
 * things: what the program printed (what a user would see), and the kernel's own answer — the same
 * call made by the lab in the container's context, with the errno it returned (cap-kernel.ts).
 * The operations are a closed set:
 *   mount          mount -t tmpfs none /mnt         needs CAP_SYS_ADMIN
 *   chown          chown 1000 /tmp/owned            needs CAP_CHOWN
 *   ping           ping -c 1 127.0.0.1              needs CAP_NET_RAW (raw socket) unless ping_group_range allows ICMP datagram sockets
 *   bind           as user learner: nc -l -p 80     needs CAP_NET_BIND_SERVICE for a port below 1024
 *   bind-file-cap  as user learner: /opt/cap/nc -l -p 80   the same, through the file's capabilities
 * For the two `bind` operations the kernel is asked twice: execve of the file as uid 1000 (what
 * capabilities does the kernel give learner's process?), then bind with exactly that effective set.
 * Everything runs inside the container; `ping` targets the container's own loopback.
 */
import { t } from '../../i18n/index.js';
import { capsAfterExecve, execveRefused, readCapLastCap, readCapStatus } from '../../capabilities/index.js';
import { CAP, decodeCapMask } from '../../kernel/constants.js';
import type { Container } from '../../runtime/api.js';
import { ip, listeningOn } from '../../runtime/network/index.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';
import { grantNetBindService } from './cap-file.js';
import { eitherAnswer, kernelAnswer, type KernelAnswer } from './cap-kernel.js';
import { labNet, netnsOf } from './net-lab.js';
import { arg } from './words.js';

const LEARNER = { uid: 1000, gid: 1000 };

const OPS = {
  mount: { needs: 'CAP_SYS_ADMIN', argv: ['mount', '-t', 'tmpfs', 'none', '/mnt'] },
  chown: { needs: 'CAP_CHOWN', argv: ['chown', '1000', '/tmp/owned'] },
  ping: { needs: 'CAP_NET_RAW', argv: ['ping', '-c', '1', '-W', '1', '127.0.0.1'] },
  // Any program without file capabilities gets the same sets at execve; /bin/true is in every rootfs.
  bind: { needs: 'CAP_NET_BIND_SERVICE', argv: ['su', 'learner', '-c', 'exec nc -l -p 80'], file: '/bin/true' },
  'bind-file-cap': { needs: 'CAP_NET_BIND_SERVICE', argv: ['su', 'learner', '-c', 'exec /opt/cap/nc -l -p 80'], file: '/opt/cap/nc' },
} as const;
type Op = keyof typeof OPS;

interface ProgramRun {
  ok: boolean;
  lines: string[];
  /** The shell found no such program in the container (exit status 127): nothing was tried. */
  missing?: boolean;
  /** CapEff of the process that tried, when the lab could read it while it ran. */
  capEff?: bigint;
}

const names = (mask: bigint): string => decodeCapMask(mask).join(' ') || t('actions.try-privileged.empty');
const hex = (mask: bigint): string => mask.toString(16).padStart(16, '0');

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
  if (execveRefused(input)) return t('actions.try-privileged.predicts-refused');
  const eff = names(capsAfterExecve(input).effective);
  return t(input.noNewPrivs ? 'actions.try-privileged.predicts-no-new-privs' : 'actions.try-privileged.predicts', { names: eff });
}

function stop(handle: { kill(): void }): void {
  try {
    handle.kill();
  } catch {
    // it ended on its own meanwhile
  }
}

/** A listener succeeds by listening: it is started, watched in /proc/<pid>/net/tcp, then killed. */
async function tryListen(ctx: ActionContext, c: Container, argv: string[]): Promise<ProgramRun> {
  const handle = await ctx.runtime.spawn(c, argv, { signal: ctx.signal });
  let ended = false;
  void handle.done.then(() => (ended = true));
  for (let i = 0; i < 200 && !ended; i++) {
    if (listeningOn(handle.hostPid, 80, ctx.procRoot)) {
      const capEff = readCapStatus(handle.hostPid, ctx.procRoot).sets.effective;
      stop(handle);
      await handle.done;
      return {
        ok: true,
        lines: [t('actions.try-privileged.listening', { pid: handle.hostPid })],
        capEff,
      };
    }
    await ctx.sleep(5);
  }
  if (!ended) stop(handle);
  const r = await handle.done;
  return { ok: false, missing: r.exitCode === 127, lines: [...r.stderr.split('\n'), ...r.stdout.split('\n')].filter((l) => l.trim()) };
}

/** Runs the program as a user would, and reads what the kernel showed of it. */
async function tryProgram(ctx: ActionContext, c: Container, op: Op): Promise<ProgramRun> {
  const argv = [...OPS[op].argv];
  if (op === 'bind' || op === 'bind-file-cap') return tryListen(ctx, c, argv);
  const r = await ctx.runtime.exec(c, argv, { signal: ctx.signal, timeoutMs: 5000 });
  const ran = {
    ok: r.exitCode === 0,
    missing: r.exitCode === 127,
    lines: [...r.stdout.split('\n'), ...r.stderr.split('\n')].filter((l) => l.trim()),
  };
  if (op === 'mount' && ran.ok) await ctx.runtime.exec(c, ['umount', '/mnt']);
  return ran;
}

/** The same operation made by the lab in the container's context; `effective` is PID 1's CapEff. */
async function askKernel(ctx: ActionContext, c: Container, op: Op, effective: bigint, output: string[]): Promise<KernelAnswer> {
  switch (op) {
    case 'mount':
      return kernelAnswer(ctx, c, { call: 'mount', target: '/mnt', fstype: 'tmpfs' }, effective);
    case 'chown':
      return kernelAnswer(ctx, c, { call: 'chown', path: '/tmp/owned', uid: 1000 }, effective);
    case 'ping':
      // The two sockets a ping can use: an ICMP datagram socket, allowed by group
      // (net.ipv4.ping_group_range), and a raw one, allowed by CAP_NET_RAW.
      return eitherAnswer(
        await kernelAnswer(ctx, c, { call: 'icmp-socket', type: 'SOCK_DGRAM' }, effective),
        await kernelAnswer(ctx, c, { call: 'icmp-socket', type: 'SOCK_RAW' }, effective),
      );
    case 'bind':
    case 'bind-file-cap': {
      const file = OPS[op].file;
      const started = await kernelAnswer(ctx, c, { call: 'execve', path: file, argv0: 'true', ...LEARNER }, effective);
      output.push(...started.lines);
      // execve itself refused: that is the kernel's answer (its line is already in the output).
      if (started.capEff === undefined) return { ...started, lines: [] };
      output.push(t('actions.try-privileged.gave', { hex: hex(started.capEff), names: names(started.capEff) }));
      return kernelAnswer(ctx, c, { call: 'bind', port: 80 }, started.capEff);
    }
  }
}

export const tryPrivilegedAction: ActionDef = {
  name: 'try-privileged',
  get summary() {
    return t('actions.try-privileged.summary');
  },
  args: {
    op: arg({ kind: 'enum', values: Object.keys(OPS) }, 'actions.arg.which-op'),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
    expect: arg({ kind: 'enum', values: ['succeeds', 'fails'] }, 'actions.try-privileged.arg.expect'),
  },
  hostPrograms: [
    // `ping` raises the container's lo first (with the host's ip, in its network namespace).
    { anyOf: ['ip'], when: { op: ['ping'] } },
    { anyOf: ['nsenter'], when: { op: ['ping'] } },
  ],
  async run(ctx, args) {
    const op = str(args, 'op') as Op;
    const spec = OPS[op];
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pid1 = readCapStatus(c.pid, ctx.procRoot).sets.effective;
    const has = decodeCapMask(pid1).includes(spec.needs);
    const output = [t('actions.try-privileged.pid1', { id: c.id, has: has ? 'yes' : 'no', cap: spec.needs })];
    if (op === 'chown') await ctx.runtime.exec(c, ['touch', '/tmp/owned']);
    if (op === 'ping') {
      await ip(labNet(ctx).deps, netnsOf(c), ['link', 'set', 'lo', 'up']);
      const range = (await ctx.runtime.exec(c, ['cat', '/proc/sys/net/ipv4/ping_group_range'])).stdout.trim().replace(/\s+/g, ' ');
      output.push(
        t(range === '1 0' ? 'actions.try-privileged.group-range-none' : 'actions.try-privileged.group-range', { id: c.id, range }),
      );
    }
    if (op === 'bind-file-cap' && (await ctx.runtime.exec(c, ['test', '-e', '/opt/cap/nc'])).exitCode !== 0) {
      const granted = await grantNetBindService(ctx, c);
      output.push(t('actions.try-privileged.file-cap-first'), ...granted.output);
      if (!granted.ok) return granted;
    }

    output.push(`$ ${spec.argv.join(' ')}`);
    const program = await tryProgram(ctx, c, op);
    output.push(...program.lines);
    if (program.capEff !== undefined) output.push(t('actions.try-privileged.cap-eff', { names: names(program.capEff) }));
    if (program.missing) output.push(t('actions.try-privileged.missing', { program: spec.argv[0] }));

    output.push(
      op === 'bind' || op === 'bind-file-cap'
        ? t('actions.try-privileged.own-calls', { id: c.id })
        : t('actions.try-privileged.own-call', { id: c.id, hex: hex(pid1) }),
    );
    const kernel = await askKernel(ctx, c, op, pid1, output);
    output.push(...kernel.lines);
    output.push(kernel.ok ? t('actions.try-privileged.allowed') : t('actions.try-privileged.answered', { errno: String(kernel.errno) }));
    if (op === 'bind-file-cap') output.push(predictFileCap(ctx, c));

    if (!program.missing && program.ok !== kernel.ok) {
      return {
        ok: false,
        output,
        message: t('actions.try-privileged.disagree', {
          command: spec.argv.join(' '),
          program: program.ok ? 'ok' : 'failed',
          id: c.id,
          kernel: kernel.ok ? 'ok' : 'failed',
        }),
      };
    }
    const wanted = str(args, 'expect') === 'succeeds';
    if (kernel.ok === wanted) return { ok: true, output };
    return {
      ok: false,
      output,
      message: t('actions.try-privileged.unexpected', {
        kernel: kernel.ok ? 'ok' : 'refused',
        what: spec.needs === 'CAP_NET_BIND_SERVICE' ? 'bind' : op,
        id: c.id,
        wanted: wanted ? 'succeeds' : 'fails',
      }),
    };
  },
};
