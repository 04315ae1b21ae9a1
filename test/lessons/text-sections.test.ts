import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/lessons/text-sections.js';

const section = (body: string) => splitText(`# Lesson\n\nIntro.\n\n## one\n\n${body}\n`).sections[0]!;

describe('text.md: the facilitator notes of a step', () => {
  it('takes everything after `### Notes` as notes, and keeps them out of the text', () => {
    const s = section('Press Enter.\n\n### Notes\n\n3 min. Point at the PID column.');
    expect(s.text).toBe('Press Enter.');
    expect(s.notes).toBe('3 min. Point at the PID column.');
    expect(s.ranText).toBeUndefined();
    expect(s.strayHeadings).toEqual([]);
  });

  it('comes after `### Once it has run`, which keeps its own part', () => {
    const s = section('The lab will remove it.\n\n### Once it has run\n\nThe lab has removed it.\n\n### Notes\n\n2 min.');
    expect(s.text).toBe('The lab will remove it.');
    expect(s.ranText).toBe('The lab has removed it.');
    expect(s.notes).toBe('2 min.');
  });

  it('a step without notes has none; an empty `### Notes` is kept empty for the linter', () => {
    expect(section('Press Enter.').notes).toBeUndefined();
    expect(section('Press Enter.\n\n### Notes\n').notes).toBe('');
  });

  it('a heading after the notes is reported as stray, with its line', () => {
    const s = section('Text.\n\n### Notes\n\nNotes.\n\n### Once it has run\n\nLate.');
    expect(s.ranText).toBeUndefined();
    expect(s.notes).toContain('Notes.');
    expect(s.strayHeadings).toEqual([13]);
  });
});
