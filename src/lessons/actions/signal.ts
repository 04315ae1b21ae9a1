/**
 * `signal`: sends a signal to a lesson process, from the host or from inside the container, then
 * optionally waits to show whether it ended.
 *
 * The host signals the container's PID 1 the way `docker stop` / `docker kill` do (kill(2) on its
 * host PID). A PID namespace's init only receives signals it has a handler for, SIGKILL aside, so
 * SIGTERM to a PID 1 without a handler does nothing: `expect: survives` watches for a moment to
 * make that visible.
 * Only processes the lab started can be targets: a lesson's container or a named process.
 */
import { readFileSync } from 'node:fs';
import { t } from '../../i18n/index.js';
import { namespaceMembers } from '../../probes/index.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';
import { arg, listOf } from './words.js';

const SIGNALS = ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

export const signalAction: ActionDef = {
  name: 'signal',
  get summary() {
    return t('actions.signal.summary');
  },
  args: {
    to: arg({ kind: 'pid-ref' }, 'actions.signal.arg.to'),
    signal: arg({ kind: 'enum', values: SIGNALS }, 'actions.signal.arg.signal'),
    from: arg({ kind: 'enum', values: ['host', 'inside'] }, 'actions.signal.arg.from', { default: 'host' }),
    expect: arg({ kind: 'enum', values: ['ends', 'survives'] }, 'actions.signal.arg.expect', { default: 'ends' }),
    watchMs: arg({ kind: 'integer', min: 100, max: 5000 }, 'actions.signal.arg.watch-ms', { default: 500 }),
  },
  waitsOnPurpose: { expect: ['survives'] },
  undo: {
    get cannot() {
      return t('actions.signal.no-undo');
    },
  },
  async run(ctx, args) {
    const to = str(args, 'to');
    const signal = str(args, 'signal') as Signal;
    const hostPid = ctx.resolvePid(to, 'host');
    const innerPid = ctx.resolvePid(to, 'inside');
    if (to === 'lab' || /^\d+$/.test(to) || hostPid === undefined || innerPid === undefined) {
      return { ok: false, output: [], message: t('actions.signal.not-started', { ref: to }) };
    }
    const containerName = to.startsWith('process.') ? (ctx.processes.get(to.slice(8))?.container ?? '') : to.slice(10);
    const c = ctx.container(containerName);
    const output: string[] = [];
    let others: number[] = [];
    if (str(args, 'from') === 'inside') {
      if (!c) return { ok: false, output, message: t('actions.signal.not-running') };
      const argv = ['kill', `-${signal.slice(3)}`, String(innerPid)];
      const r = await ctx.runtime.exec(c, argv, { signal: ctx.signal });
      output.push(t('actions.signal.inside', { command: `$ ${argv.join(' ')}` }), ...`${r.stdout}${r.stderr}`.split('\n').filter(Boolean));
      if (r.exitCode !== 0) return { ok: false, output, message: t('actions.signal.kill-failed', { status: String(r.exitCode) }) };
    } else {
      // Who else is in PID 1's namespace now, to report what became of them (read, not assumed).
      if (c && to.startsWith('container'))
        others = (await namespaceMembers(ctx.hostReader, ctx.procRoot, c.pid)).records.filter((r) => r.pid !== c.pid).map((r) => r.pid);
      if (to.startsWith('process.') && !(await stillInside(ctx, c, hostPid))) {
        return { ok: false, output, message: t('actions.signal.gone-from-container', { ref: to }) };
      }
      const started = performance.now();
      if (c && to.startsWith('container')) await ctx.runtime.kill(c, signal);
      else process.kill(hostPid, signal);
      ctx.record({
        kind: 'syscall',
        name: 'kill',
        args: [String(hostPid), signal],
        result: '0',
        ok: true,
        durationMs: performance.now() - started,
      });
    }
    const survives = str(args, 'expect') === 'survives';
    const seen = await watch(ctx, hostPid, survives ? Number(args.watchMs) : 3000);
    // The runtime learns of PID 1's end through its shim a moment after /proc shows it: wait for
    // that, so the panes read afterwards see a container that has ended.
    if (seen.ended && c && to.startsWith('container')) await Promise.race([c.exited, ctx.sleep(2000)]);
    output.push(seen.sentence);
    if (others.length) {
      const gone = others.filter((pid) => stateOf(ctx.procRoot, pid) === undefined);
      output.push(
        gone.length === others.length
          ? t('actions.signal.others-gone', { count: others.length, pids: listOf(others) })
          : t('actions.signal.others-running', { pids: listOf(others), running: others.length - gone.length }),
      );
    }
    if (seen.ended === !survives) return { ok: true, output };
    return {
      ok: false,
      output,
      message: survives ? t('actions.signal.ended', { pid: hostPid, signal }) : t('actions.signal.survived', { pid: hostPid, signal }),
    };
  },
};

/**
 * Watches the host's /proc for up to `limitMs`, stopping early once the process is gone. A process
 * that ended is a zombie until its parent reaps it, which takes a moment even for a parent that
 * does: only a zombie that stays one for a second is reported as not reaped.
 */
async function watch(ctx: ActionContext, hostPid: number, limitMs: number): Promise<{ ended: boolean; sentence: string }> {
  const start = performance.now();
  let zombieSince: number | undefined;
  for (;;) {
    const state = stateOf(ctx.procRoot, hostPid);
    const elapsed = Math.round(performance.now() - start);
    if (state === undefined) return { ended: true, sentence: t('actions.signal.reaped', { ms: elapsed, pid: hostPid }) };
    if (state === 'Z') {
      zombieSince ??= elapsed;
      if (elapsed - zombieSince >= 1000 || elapsed >= Math.max(limitMs, 1000)) {
        return {
          ended: true,
          sentence: t('actions.signal.zombie', { ms: elapsed, pid: hostPid }),
        };
      }
    } else if (elapsed >= limitMs) {
      return { ended: false, sentence: t('actions.signal.running', { ms: elapsed, pid: hostPid, state }) };
    }
    await ctx.sleep(10);
  }
}

// A PID is only signalled from the host while it still names a process in the lesson's container:
// after the process ends its number may be given to an unrelated host process.
async function stillInside(ctx: ActionContext, c: Container | undefined, hostPid: number): Promise<boolean> {
  if (!c) return false;
  const { records } = await namespaceMembers(ctx.hostReader, ctx.procRoot, c.pid);
  return records.some((r) => r.pid === hostPid);
}

function stateOf(procRoot: string, pid: number): string | undefined {
  try {
    return readFileSync(`${procRoot}/${pid}/stat`, 'utf8').split(') ')[1]?.charAt(0);
  } catch {
    return undefined;
  }
}
