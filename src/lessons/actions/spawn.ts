/**
 * `spawn`: starts a long-running command inside a lesson container and names it, like
 * `docker exec -d`. Later steps refer to it as `process.<name>`; it ends with its container or when
 * the lesson is reset.
 */
import { t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';
import { list, str } from './action.js';
import { findLaunched } from './find-in-container.js';
import { hostCall } from './host-call.js';
import { arg } from './words.js';

export const spawnAction: ActionDef = {
  name: 'spawn',
  get summary() {
    return t('actions.spawn.summary');
  },
  args: {
    name: arg({ kind: 'name' }, 'actions.arg.process-name'),
    argv: arg({ kind: 'argv' }, 'actions.arg.argv'),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
  },
  starts: 'process',
  undo: 'restores',
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const argv = list(args, 'argv').map((a) => ctx.fill(a));
    const handle = await ctx.runtime.spawn(c, argv, { signal: ctx.signal });
    // A command that fails at once (not found in the rootfs) ends before it could be found inside.
    const found = await Promise.race([findLaunched(ctx, c, handle.hostPid), handle.done]);
    if ('stdout' in found) {
      const why = found.stderr.trim();
      return {
        ok: false,
        output: [`$ ${argv.join(' ')}`, ...(why ? [why] : [])],
        message: t('actions.spawn.ended-at-once', { command: argv.join(' '), status: String(found.exitCode) }),
      };
    }
    const name = str(args, 'name');
    ctx.processes.set(name, { name, container: ctx.containerName(str(args, 'container')), ...found });
    // Undone by ending the process it started, as `docker exec -d` leaves you to `kill` it.
    const undo = async () => {
      hostCall(ctx.record, 'kill', [String(found.hostPid), 'SIGKILL'], () => process.kill(found.hostPid, 'SIGKILL'));
      await handle.done;
      if (ctx.processes.get(name)?.hostPid === found.hostPid) ctx.processes.delete(name);
      return { ok: true, output: [t('actions.spawn.killed', { name, inner: found.innerPid, host: found.hostPid })] };
    };
    return {
      ok: true,
      output: [`$ ${argv.join(' ')} &`, t('actions.spawn.started', { inner: found.innerPid, host: found.hostPid })],
      undo,
    };
  },
};
