/**
 * `observe`: runs nothing. The step only looks: its panes show the current state.
 */
import { t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';

export const observeAction: ActionDef = {
  name: 'observe',
  get summary() {
    return t('actions.observe.summary');
  },
  args: {},
  undo: 'reads-only',
  async run() {
    return { ok: true, output: [] };
  },
};
