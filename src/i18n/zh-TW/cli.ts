/** zh-TW messages: CLI usage, help and messages (src/cli.ts, src/cli/). */
import type { cli as english } from '../en/cli.js';
import type { Translation } from '../translation.js';

export const cli = {} satisfies Translation<typeof english>;
