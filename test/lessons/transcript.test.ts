/**
 * The transcript writer on its own: a session heading per open (a second session appends under a
 * rule), each entry on disk as soon as it is written, and one sentence for a FILE it cannot write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StepResult } from '../../src/lessons/engine/results.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { Transcript, TranscriptError } from '../../src/lessons/transcript.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-transcript-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const lesson = loadLessons(path.resolve(__dirname, '../../lessons')).lessons.find((l) => l.id === 'pid-namespace')!;

const nspid: StepResult = {
  stepId: 'nspid',
  status: 'done',
  text: lesson.steps[2]!.text,
  shell: 'grep -E Pid /proc/4012/status',
  events: [],
  output: [],
  host: {
    ok: true,
    view: { title: '/proc/4012/status', rows: [{ key: 'NSpid', cells: ['NSpid', '4012 1'] }] },
    marks: [],
  } as unknown as StepResult['host'],
  container: {
    ok: true,
    view: { title: '/proc/1/status', rows: [{ key: 'NSpid', cells: ['NSpid', '1'] }] },
    marks: [],
  } as unknown as StepResult['container'],
  durationMs: 3,
};

describe('the transcript', () => {
  it('writes each entry at once, and a second session appends under its own heading', () => {
    const file = path.join(dir, 'session.md');
    const first = Transcript.open(file, new Date('2026-01-02T03:04:05Z'));
    first.lesson(lesson);
    first.step(lesson, 2, nspid);
    // Before close: what was written is in the file already (a crash would keep it).
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toMatch(/^# container-lab session, 2026-01-02T03:04:05Z\n/);
    expect(written).toContain('## Lesson 1: The PID namespace');
    expect(written).toContain(`### Step 3 of 10: ${lesson.steps[2]!.title}`);
    expect(written).toContain('**Host:** `/proc/4012/status`\n\n```text\nNSpid  4012 1\n```');
    expect(written).toContain('**Container:** `/proc/1/status`\n\n```text\nNSpid  1\n```');
    first.close();
    const second = Transcript.open(file, new Date('2026-01-02T04:00:00Z'));
    second.close();
    const both = fs.readFileSync(file, 'utf8');
    expect(both.startsWith(written)).toBe(true);
    expect(both.slice(written.length)).toBe('\n---\n\n# container-lab session, 2026-01-02T04:00:00Z\n\n');
  });

  it('a FILE in a directory that does not exist, or a directory, is a TranscriptError', () => {
    expect(() => Transcript.open(path.join(dir, 'nowhere', 'x.md'))).toThrow(TranscriptError);
    expect(() => Transcript.open(dir)).toThrow(TranscriptError);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });
});
