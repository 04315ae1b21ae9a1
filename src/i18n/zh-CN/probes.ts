/** zh-CN messages: probe pane titles, notes and errors (src/probes/). */
import type { probes as english } from '../en/probes.js';
import type { Translation } from '../translation.js';

export const probes = {} satisfies Translation<typeof english>;
