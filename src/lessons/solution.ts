/**
 * A your-turn solution as words, for the instructor's key in the TUI: the command typed into the
 * container's shell, or the action with its arguments and what it does.
 */
import { language, t } from '../i18n/index.js';
import { ACTIONS } from './actions/index.js';
import type { RunSpec } from './types.js';

export function describeSolution(run: RunSpec): string {
  const argv = Array.isArray(run.args.argv) ? (run.args.argv as readonly string[]) : undefined;
  if (run.action === 'exec' && argv) {
    const command = argv[0] === '/bin/sh' && argv[1] === '-c' ? argv[2]! : argv.join(' ');
    const container = String(run.args.container ?? '');
    return t('workshop.solution.exec', { command, container, where: container ? 'named' : 'default' });
  }
  const args =
    Object.entries(run.args)
      .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : String(v)}`)
      .join(t('workshop.list-separator')) || 'none';
  // An action's summary is written once, in English, for lesson authors (lessons/README.md): in
  // another language the action's name and arguments say what it does. The caller ends the sentence.
  const summary = language() === 'en' ? (ACTIONS[run.action]?.summary ?? '').replace(/\.$/, '') : '';
  return summary
    ? t('workshop.solution.action-does', { action: run.action, args, summary })
    : t('workshop.solution.action', { action: run.action, args });
}
