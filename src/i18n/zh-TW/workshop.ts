/** zh-TW messages: `doctor --workshop`, the attendees' pre-flight (src/doctor/workshop.ts, workshop-run.ts). */
import type { workshop as english } from '../en/workshop.js';
import type { Translation } from '../translation.js';

export const workshop = {} satisfies Translation<typeof english>;
