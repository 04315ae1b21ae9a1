/** zh-TW messages: check verdicts of your-turn steps (src/lessons/checks/). */
import type { checks as english } from '../en/checks.js';
import type { Translation } from '../translation.js';

export const checks = {} satisfies Translation<typeof english>;
