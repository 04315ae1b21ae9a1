/** zh-TW messages: doctor findings and fixes (src/doctor/). */
import type { doctor as english } from '../en/doctor.js';
import type { Translation } from '../translation.js';

export const doctor = {} satisfies Translation<typeof english>;
