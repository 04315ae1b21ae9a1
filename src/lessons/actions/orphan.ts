/**
 * `orphan`: starts a command inside a lesson container whose parent exits at once, leaving it an
 * orphan, as happens when a daemon double-forks. The kernel hands an orphan to the init of its PID
 * namespace, the container's PID 1 (not the host's): watching its PPID change to 1 shows that.
 * Later steps refer to it as `process.<name>`.
 */
import { t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';
import { list, str } from './action.js';
import { hostPidOf, settledUnderInit } from './find-in-container.js';
import { arg } from './words.js';

/** Quotes one word for the container's `sh`: the command line is built and run inside only. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export const orphanAction: ActionDef = {
  name: 'orphan',
  get summary() {
    return t('actions.orphan.summary');
  },
  args: {
    name: arg({ kind: 'name' }, 'actions.arg.process-name'),
    argv: arg({ kind: 'argv' }, 'actions.orphan.arg.argv'),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
  },
  starts: 'process',
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const command = list(args, 'argv')
      .map((a) => quote(ctx.fill(a)))
      .join(' ');
    // The inner sh starts the command in the background, prints its PID and exits: the orphan's
    // output goes to /dev/null so the exec does not wait for it.
    const script = `${command} </dev/null >/dev/null 2>&1 & echo $!`;
    const result = await ctx.runtime.exec(c, ['sh', '-c', script], { signal: ctx.signal });
    const inner = Number(result.stdout.trim());
    const output = [`$ sh -c "${script}"`, ...result.stdout.trim().split('\n'), ...result.stderr.trim().split('\n')].filter(Boolean);
    if (result.exitCode !== 0 || !Number.isInteger(inner) || inner <= 0) {
      return { ok: false, output, message: t('actions.orphan.failed', { status: String(result.exitCode) }) };
    }
    const hostPid = await hostPidOf(ctx, c, inner);
    // The panes are read one after the other: wait until the kernel has reparented the orphan to the
    // container's PID 1 and `sleep` is asleep, so both read the same PPID and state.
    await settledUnderInit(ctx, c, hostPid);
    const name = str(args, 'name');
    ctx.processes.set(name, { name, container: ctx.containerName(str(args, 'container')), hostPid, innerPid: inner });
    output.push(t('actions.orphan.started', { inner, host: hostPid }));
    return { ok: true, output };
  },
};
