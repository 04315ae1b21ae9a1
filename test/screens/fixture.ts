/**
 * The recorded steps of a lesson (record.ts writes them, the screen test reads them): what each
 * step showed when it ran on a real kernel, in lesson order.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckResult } from '../../src/lessons/engine/session.js';
import type { StepResult } from '../../src/lessons/engine/results.js';
import type { Lang } from '../../src/i18n/index.js';

export interface RecordedStep {
  id: string;
  result: StepResult;
  /** A your-turn step: a wrong answer's verdict, the three hints, and the right answer checked. */
  turn?: { wrong: CheckResult; hints: string[]; answer: string; check: CheckResult };
}

export interface RecordedLesson {
  lesson: string;
  /** The recording process's PID: what `{host:lab}` stood for. */
  labPid: number;
  steps: RecordedStep[];
}

/** Where a lesson's recording in `lang` is kept: English at the top, other languages in a folder each. */
export function fixtureFile(lesson: string, lang: Lang = 'en'): string {
  return path.join(__dirname, 'fixtures', ...(lang === 'en' ? [] : [lang]), `${lesson}.json`);
}

export function recorded(lesson: string, lang: Lang = 'en'): RecordedLesson {
  return JSON.parse(fs.readFileSync(fixtureFile(lesson, lang), 'utf8')) as RecordedLesson;
}
