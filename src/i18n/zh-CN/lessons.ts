/** zh-CN messages: lesson engine, runner and plain/JSON output (src/lessons/engine/, runner/, event-lines.ts). */
import type { lessons as english } from '../en/lessons.js';
import type { Translation } from '../translation.js';

export const lessons = {} satisfies Translation<typeof english>;
