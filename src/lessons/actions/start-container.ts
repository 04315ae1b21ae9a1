/**
 * `start-container`: creates one of the lesson's containers from its spec in lesson.yaml, as
 * `docker run` would: new namespaces, an overlay root, pivot_root, /proc mounted inside, PID 1
 * started. A container from an earlier run of the step is deleted first, so the step always shows
 * the full sequence of primitives.
 */
import { t } from '../../i18n/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { settledContainer } from './find-in-container.js';
import { arg } from './words.js';

export const startContainerAction: ActionDef = {
  name: 'start-container',
  get summary() {
    return t('actions.start-container.summary');
  },
  args: { container: arg({ kind: 'name' }, 'actions.arg.lesson-container', { default: '' }) },
  starts: 'container',
  undo: {
    get cannot() {
      return t('actions.start-container.no-undo');
    },
  },
  async run(ctx, args) {
    const c = await ctx.startContainer(str(args, 'container'));
    await settledContainer(ctx, c);
    return { ok: true, output: [t('actions.start-container.running', { id: c.id, pid: c.pid })] };
  },
};
