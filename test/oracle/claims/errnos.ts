/**
 * Every errno the lab names outside "What ran" — in a step's output, its panes, its result or a
 * check's message ("the kernel answered EACCES") — must be an errno a traced call returned during
 * that step. An errno read off a program's message and guessed from its text is where this fails.
 *
 * The traced calls include the programs the lab ran inside containers (mount, chown, ping, nc…),
 * so a learner-visible failure is always in the log; the check cannot tell which call a sentence
 * means, only that the kernel really gave that errno in that step.
 */
import os from 'node:os';
import type { LabRecord, TracedRun } from '../run-lesson.js';
import type { TracedCall } from '../strace-log.js';
import type { Tally } from '../tally.js';
import { render } from './syscalls.js';

const ERRNO_NAMES = new Set(Object.keys(os.constants.errno));

/** Every piece of text a step shows apart from its primitive events. */
function texts(r: LabRecord): string[] {
  switch (r.type) {
    case 'output':
      return [String(r.line ?? '')];
    case 'result':
    case 'check':
      return [r.message, r.hint].filter((t): t is string => typeof t === 'string');
    case 'pane': {
      const rows = (r.rows as { cells: string[] }[] | undefined) ?? [];
      return [r.title, r.note, r.unavailable, ...rows.flatMap((row) => row.cells)].filter((t): t is string => typeof t === 'string');
    }
    default:
      return [];
  }
}

/** Failed calls of a step that a learner could have meant, for the report. */
function failedCalls(calls: readonly TracedCall[], step: number): string {
  const failed = calls.filter((c) => c.step === step && c.errno && !['openat', 'read'].includes(c.name));
  if (!failed.length) return 'no traced call failed in this step (besides openat/read)';
  return `the calls that failed in this step: ${failed.slice(0, 4).map(render).join(' | ')}`;
}

export function checkErrnos(run: TracedRun, tally: Tally): void {
  for (const [index, step] of run.steps.entries()) {
    const seen = new Set<string>();
    for (const record of step.records) {
      for (const text of texts(record)) {
        for (const [errno] of text.matchAll(/\bE[A-Z0-9]{2,}\b/g)) {
          if (!ERRNO_NAMES.has(errno) || seen.has(`${errno} ${text}`)) continue;
          seen.add(`${errno} ${text}`);
          const hit = run.log.calls.some((c) => c.step === index && c.errno === errno);
          tally.expect(
            'errno',
            step.step,
            hit,
            text,
            () => `strace: no call returned ${errno} in this step; ${failedCalls(run.log.calls, index)}`,
          );
        }
      }
    }
  }
}
