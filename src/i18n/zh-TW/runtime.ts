/** zh-TW messages: runtime messages: containers, ledger, cleanup (src/runtime/). */
import type { runtime as english } from '../en/runtime.js';
import type { Translation } from '../translation.js';

export const runtime = {} satisfies Translation<typeof english>;
