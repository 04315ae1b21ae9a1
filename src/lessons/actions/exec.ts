/**
 * `exec`: runs a command inside a lesson container and waits for it, like `docker exec`.
 *
 * The argv comes from the lesson and runs only inside the container, in its namespaces and cgroup.
 * `expect: fails` marks a command that is meant to be refused (a kill the namespace forbids): then
 * a non-zero exit is the lesson working, and a zero exit is the surprise worth reporting.
 */
import { message, t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';
import { list, str } from './action.js';
import { arg } from './words.js';

/** The placeholders a lesson may put in argv, shown as they are written. */
const ARGV_DOC = message('actions.exec.arg.argv', { host: '{host:…}', inside: '{inside:…}' });

export const execAction: ActionDef = {
  name: 'exec',
  get summary() {
    return t('actions.exec.summary');
  },
  args: {
    argv: arg({ kind: 'argv' }, ARGV_DOC),
    container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }),
    expect: arg({ kind: 'enum', values: ['succeeds', 'fails'] }, 'actions.exec.arg.expect', { default: 'succeeds' }),
  },
  undo: {
    get cannot() {
      return t('actions.exec.no-undo');
    },
  },
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const argv = list(args, 'argv').map((a) => ctx.fill(a));
    const result = await ctx.runtime.exec(c, argv, { signal: ctx.signal });
    const output = [`$ ${argv.join(' ')}`, ...lines(result.stdout), ...lines(result.stderr)];
    const status = result.signal
      ? t('actions.exit.killed', { signal: result.signal })
      : t('actions.exit.status', { code: String(result.exitCode) });
    const failed = result.exitCode !== 0;
    const wanted = str(args, 'expect') === 'fails';
    output.push(wanted && failed ? t('actions.exec.refused-as-expected', { status }) : status);
    if (failed === wanted) return { ok: true, output };
    return {
      ok: false,
      output,
      message: wanted
        ? t('actions.exec.succeeded', { command: argv.join(' ') })
        : t('actions.exec.failed', { command: argv.join(' '), status }),
    };
  },
};

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
