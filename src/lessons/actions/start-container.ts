/**
 * `start-container`: creates one of the lesson's containers from its spec in lesson.yaml, as
 * `docker run` would: new namespaces, an overlay root, pivot_root, /proc mounted inside, PID 1
 * started. A container from an earlier run of the step is deleted first, so the step always shows
 * the full sequence of primitives.
 */
import type { ActionDef } from './action.js';
import { str } from './action.js';

export const startContainerAction: ActionDef = {
  name: 'start-container',
  summary: 'Creates a lesson container from its spec (deleting an earlier one); every primitive is shown.',
  args: { container: { type: { kind: 'name' }, default: '', doc: "which of the lesson's containers (default: the first)" } },
  starts: 'container',
  undo: { cannot: 'it replaced the container, and the one before it is gone' },
  async run(ctx, args) {
    const c = await ctx.startContainer(str(args, 'container'));
    return { ok: true, output: [`container ${c.id} is running: its PID 1 is ${c.pid} on the host`] };
  },
};
