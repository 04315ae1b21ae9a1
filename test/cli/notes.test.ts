/**
 * `container-lab notes <lesson>`: the facilitator sheet of every shipped lesson, checked for its
 * structure (a heading per step with its minutes, the right predict answer, a your-turn solution,
 * the notes), not its prose; and an unknown lesson is one sentence naming the lessons, status 2.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { noteMinutes, notesCommand, notesSheet } from '../../src/cli/notes.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';

const { lessons, problems } = loadLessons(path.resolve(__dirname, '../../lessons'));

/** The sheet cut into its step sections, each starting at its `## n.` heading. */
function sections(sheet: string[]): string[] {
  return sheet
    .join('\n')
    .split(/^(?=## \d+\. )/m)
    .slice(1);
}

describe('the facilitator sheet', () => {
  it('loads every shipped lesson', () => {
    expect(problems).toEqual([]);
    expect(lessons.length).toBe(7);
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: every step has its heading, minutes, answers and notes', (_id, lesson) => {
    const sheet = notesSheet(lesson);
    expect(sheet[0]).toContain(lesson.title);
    const parts = sections(sheet);
    expect(parts).toHaveLength(lesson.steps.length);
    let total = 0;
    lesson.steps.forEach((step, i) => {
      const part = parts[i]!;
      const minutes = noteMinutes(step.notes);
      // Every shipped step has notes that start with their minutes.
      expect(minutes, `${lesson.id}/${step.id} notes start with "N min"`).toBeGreaterThan(0);
      total += minutes ?? 0;
      expect(part.split('\n')[0]).toBe(`## ${i + 1}. ${step.title} (\`${step.id}\`) · ${minutes} min`);
      expect(part).toContain(step.notes!.split('\n')[0]);
      if (step.predict) {
        const right = part.match(/^\d+\. \*\*.*\*\* \(right\)$/gm) ?? [];
        expect(right).toEqual([`${step.predict.answer + 1}. **${step.predict.choices[step.predict.answer]}** (right)`]);
        expect(part).toContain('**Why:**');
      } else expect(part).not.toContain('**Predict:**');
      if (step.yourTurn) expect(part).toMatch(new RegExp(`^\\*\\*Solution:\\*\\* \`${step.yourTurn.solution.action}\``, 'm'));
      else expect(part).not.toContain('**Solution:**');
      expect(part).not.toMatch(/\{(host|inside):/);
    });
    expect(sheet[2]).toContain(`${lesson.steps.length} steps · about ${total} min`);
  });

  it('a solution names its action and the arguments it sets, not the defaults', () => {
    const sheet = notesSheet(lessons.find((l) => l.id === 'cgroups')!).join('\n');
    expect(sheet).toMatch(/\*\*Solution:\*\* `cgroup-limit` with memory `96M`: /);
    expect(sheet).not.toMatch(/container ``/);
  });

  it('an unknown lesson is one sentence naming every lesson, and status 2', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(notesCommand(['nope'])).toBe(2);
      const said = err.mock.calls.map((c) => String(c[0])).join('');
      expect(said.trim().split('\n')).toHaveLength(1);
      for (const l of lessons) expect(said).toContain(l.id);
    } finally {
      err.mockRestore();
    }
  });
});
