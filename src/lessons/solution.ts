/**
 * A your-turn solution as words, for the instructor's key in the TUI and the facilitator's sheet:
 * the command typed into the container's shell, or the action with what it does and its arguments.
 */
import { ACTIONS } from './actions/index.js';
import type { RunSpec } from './types.js';

export function describeSolution(run: RunSpec): string {
  const argv = Array.isArray(run.args.argv) ? (run.args.argv as readonly string[]) : undefined;
  const where = run.args.container ? `container ${String(run.args.container)}` : 'the container';
  if (run.action === 'exec' && argv) {
    const typed = argv[0] === '/bin/sh' && argv[1] === '-c' ? argv[2] : argv.join(' ');
    return `\`${typed}\` in ${where}'s shell`;
  }
  const args = Object.entries(run.args)
    .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : String(v)}`);
  // The summary is a sentence; the caller ends it.
  const summary = (ACTIONS[run.action]?.summary ?? '').replace(/\.$/, '');
  return `\`${run.action}\`${args.length ? ` (${args.join(', ')})` : ''}: ${summary}`;
}
