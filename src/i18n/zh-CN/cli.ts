/** zh-CN messages: CLI usage, help and messages (src/cli.ts, src/cli/). */
import type { cli as english } from '../en/cli.js';
import type { Translation } from '../translation.js';

export const cli = {
  'cli.lang.unknown': '--lang "{lang}" 不是本实验支持的语言：请用 en、zh-CN 或 zh-TW。',
} satisfies Translation<typeof english>;
