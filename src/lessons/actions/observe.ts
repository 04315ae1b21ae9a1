/**
 * `observe`: runs nothing. The step only looks: its panes show the current state.
 */
import type { ActionDef } from './action.js';

export const observeAction: ActionDef = {
  name: 'observe',
  summary: 'Runs nothing; the step only reads state into its panes.',
  args: {},
  undo: 'reads-only',
  async run() {
    return { ok: true, output: [] };
  },
};
