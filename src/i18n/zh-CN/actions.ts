/** zh-CN messages: action results and errors (src/lessons/actions/). */
import type { actions as english } from '../en/actions.js';
import type { Translation } from '../translation.js';

export const actions = {} satisfies Translation<typeof english>;
