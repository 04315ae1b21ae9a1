/** zh-TW messages: lesson lint messages (src/lessons/validate-*.ts, lint-command.ts). */
import type { lint as english } from '../en/lint.js';
import type { Translation } from '../translation.js';

export const lint = {} satisfies Translation<typeof english>;
