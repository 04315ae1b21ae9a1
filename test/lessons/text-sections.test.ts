import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/lessons/text-sections.js';

const split = (body: string) => splitText(`# Lesson\n\nIntro.\n\n## one: One\n\n${body}\n`);
const section = (body: string) => split(body).sections[0]!;

describe('text.md: the facilitator notes of a step', () => {
  it('takes what is under `### Notes` as notes, and keeps them out of the text', () => {
    const s = section('Press Enter.\n\n### Notes\n\n3 min. Point at the PID column.');
    expect(s.text).toBe('Press Enter.');
    expect(s.parts.Notes?.text).toBe('3 min. Point at the PID column.');
    expect(s.parts['Once it has run']).toBeUndefined();
  });

  it('sits beside `### Once it has run`, which keeps its own part', () => {
    const s = section('The lab will remove it.\n\n### Once it has run\n\nThe lab has removed it.\n\n### Notes\n\n2 min.');
    expect(s.text).toBe('The lab will remove it.');
    expect(s.parts['Once it has run']?.text).toBe('The lab has removed it.');
    expect(s.parts.Notes?.text).toBe('2 min.');
  });

  it('a step without notes has none; an empty `### Notes` is kept empty for the linter', () => {
    expect(section('Press Enter.').parts.Notes).toBeUndefined();
    expect(section('Press Enter.\n\n### Notes\n').parts.Notes?.text).toBe('');
  });

  it('a second `### Notes` is reported with its line', () => {
    const { problems } = split('Text.\n\n### Notes\n\nNotes.\n\n### Notes\n\nMore.');
    expect(problems).toEqual([{ line: 13, message: '`### Notes` appears twice (first at line 9).' }]);
  });
});
