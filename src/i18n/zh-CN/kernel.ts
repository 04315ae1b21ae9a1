/** zh-CN messages: syscall-error hints (src/kernel/). */
import type { kernel as english } from '../en/kernel.js';
import type { Translation } from '../translation.js';

export const kernel = {} satisfies Translation<typeof english>;
