import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/parse.js';
import { stepIndex } from '../../src/cli/step-option.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';

const lesson = loadLessons(path.resolve(__dirname, '../../lessons')).lessons.find((l) => l.id === 'pid-namespace')!;

describe('--step', () => {
  it('takes a number counted from 1, or a step id', () => {
    expect(stepIndex(lesson, '1')).toBe(0);
    expect(stepIndex(lesson, String(lesson.steps.length))).toBe(lesson.steps.length - 1);
    expect(stepIndex(lesson, 'orphan')).toBe(lesson.steps.findIndex((s) => s.id === 'orphan'));
  });

  it('refuses anything else with one sentence naming the range and the ids', () => {
    for (const bad of ['0', String(lesson.steps.length + 1), '-1', '2.5', 'Orphan', '']) {
      expect(() => stepIndex(lesson, bad)).toThrowError(UsageError);
    }
    expect(() => stepIndex(lesson, 'x')).toThrowError(
      `--step "x" is not a step of pid-namespace: give a number from 1 to ${lesson.steps.length}, or a step id (${lesson.steps.map((s) => s.id).join(', ')}).`,
    );
  });
});
