/**
 * `exec`: runs a command inside a lesson container and waits for it, like `docker exec`.
 *
 * The argv comes from the lesson and runs only inside the container, in its namespaces and cgroup.
 * `expect: fails` marks a command that is meant to be refused (a kill the namespace forbids): then
 * a non-zero exit is the lesson working, and a zero exit is the surprise worth reporting.
 */
import type { ActionDef } from './action.js';
import { list, str } from './action.js';

export const execAction: ActionDef = {
  name: 'exec',
  summary: 'Runs a command inside a lesson container (never on the host) and shows its output.',
  args: {
    argv: { type: { kind: 'argv' }, doc: 'the command and its arguments; {host:…}/{inside:…} filled with PIDs' },
    container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' },
    expect: { type: { kind: 'enum', values: ['succeeds', 'fails'] }, default: 'succeeds', doc: 'whether the command should succeed' },
  },
  undo: { cannot: 'the lab cannot know everything a command changed inside the container' },
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const argv = list(args, 'argv').map((a) => ctx.fill(a));
    const result = await ctx.runtime.exec(c, argv, { signal: ctx.signal });
    const output = [`$ ${argv.join(' ')}`, ...lines(result.stdout), ...lines(result.stderr)];
    const status = result.signal ? `killed by ${result.signal}` : `exit status ${result.exitCode}`;
    const failed = result.exitCode !== 0;
    const wanted = str(args, 'expect') === 'fails';
    output.push(`${status}${wanted && failed ? ' (refused, as expected)' : ''}`);
    if (failed === wanted) return { ok: true, output };
    return {
      ok: false,
      output,
      message: wanted
        ? `\`${argv.join(' ')}\` succeeded inside the container, where this lesson expected it to be refused.`
        : `\`${argv.join(' ')}\` failed inside the container (${status}); see its output above.`,
    };
  },
};

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
