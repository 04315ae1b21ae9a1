/**
 * The home screen as lines: the lessons found (in order) with the learner's progress, a one-line
 * doctor summary, why a lesson cannot run here, and "continue where you left off".
 */
import { cut, plain, wrap } from './line.js';
import type { Line } from './line.js';
import { homeRows } from './state.js';
import type { LabState } from './state.js';

export function planHome(state: LabState): { lines: Line[]; footer: Line } {
  const width = state.columns;
  const lines: Line[] = [
    cut(
      [
        { text: 'container-lab', tone: 'title' },
        { text: '  learn how containers work, one kernel primitive at a time', tone: 'muted' },
      ],
      width,
    ),
    cut(plain(state.doctorLine, state.doctorLine.includes('failing') ? 'bad' : 'muted'), width),
    [],
  ];
  const titleWidth = Math.max(...state.lessons.map((l) => l.title.length), 10);
  homeRows(state).forEach((row, i) => {
    const lesson = state.lessons.find((l) => l.id === row.id)!;
    const selected = i === state.selected;
    const pointer = { text: selected ? ' › ' : '   ', tone: 'key' as const };
    if (row.kind === 'continue') {
      const label = row.next
        ? `Next: ${lesson.title}, step ${row.step + 1} of ${lesson.steps}`
        : `Continue: ${lesson.title}, step ${row.step + 1} of ${lesson.steps}`;
      lines.push(cut([pointer, { text: label, tone: selected ? 'selected' : 'strong' }], width), []);
      return;
    }
    const done = state.progress.lessons[row.id]?.done.length ?? 0;
    const mark = done >= lesson.steps ? '✓' : `${done}/${lesson.steps}`;
    const n = state.lessons.indexOf(lesson) + 1;
    lines.push(
      cut(
        [
          pointer,
          { text: `${String(n).padStart(2)}  ${lesson.title.padEnd(titleWidth)}`, tone: selected ? 'selected' : 'heading' },
          { text: `  ${mark.padEnd(6)}`, tone: done >= lesson.steps ? 'ok' : 'muted' },
          { text: lesson.summary, tone: 'muted' },
        ],
        width,
      ),
    );
    if (lesson.blocked)
      lines.push(
        ...wrap(plain(`cannot run here: ${lesson.blocked}`, 'bad'), width - 8, '        ').map((l) => [{ text: '        ' }, ...l]),
      );
    else if (lesson.skipped?.count) lines.push(cut([{ text: '        ' }, { text: skippedLine(lesson.skipped), tone: 'muted' }], width));
  });
  if (state.lessons.length === 0) lines.push(plain('   No lessons were found. Give a lessons folder with --lessons DIR.', 'bad'));
  lines.push([]);
  if (state.message) lines.push(...wrap(plain(state.message.text, state.message.tone === 'bad' ? 'bad' : undefined), width));
  const footer = cut(
    [
      { text: 'Enter', tone: 'key' },
      { text: ' open  ' },
      { text: '↑↓', tone: 'key' },
      { text: ' choose  ' },
      { text: '?', tone: 'key' },
      { text: ' help  ' },
      { text: 'q', tone: 'key' },
      { text: ' quit' },
    ],
    width,
  );
  return { lines: lines.slice(0, Math.max(1, state.rows - 2)), footer };
}

/** "1 step will be skipped on this host (`apt install nftables` lets it run)". */
export function skippedLine(skipped: { count: number; fix?: string }): string {
  const steps = skipped.count === 1 ? '1 step' : `${skipped.count} steps`;
  const fix = skipped.fix ? `\`${skipped.fix}\` lets ${skipped.count === 1 ? 'it' : 'them'} run` : '`container-lab doctor` says why';
  return `${steps} will be skipped on this host (${fix})`;
}

/** The help screen: every key, and how to read the panes. */
export function helpLines(width: number): Line[] {
  const key = (k: string, what: string): Line[] => wrap([{ text: k.padEnd(10), tone: 'key' }, { text: what }], width, ' '.repeat(10));
  return [
    plain('Keys', 'title'),
    ...key('Enter', 'run the step; once it has run, go on to the next (on a your-turn step: type your answer)'),
    ...key('← → p n', 'previous / next step (Enter on a step runs first the steps before it you passed without running)'),
    ...key(
      'g',
      'go to a step: type its number, Enter; the lesson starts again from fresh containers and the steps before it are fast-forwarded (run quietly, your-turns solved)',
    ),
    ...key('1-5', 'answer a predict question; the step then runs'),
    ...key('h', 'a hint for a your-turn task: a nudge, then a pointer, then the answer (also while typing it)'),
    ...key('↑ ↓', "scroll the step's text when it is longer than its rows"),
    ...key('s', "a real shell inside the lesson's container; `exit` brings you back"),
    ...key('r', 'reset the lesson: its containers are deleted, and the steps before this one fast-forwarded again'),
    ...key('e', 'show every primitive the step ran (again: back)'),
    ...key('Esc', 'cancel a running step; otherwise back to the lessons'),
    ...key('q', 'quit: everything the lab made is removed first'),
    [],
    plain('Reading the panes', 'title'),
    ...wrap(
      plain(
        'Host shows what the host sees, Container what the container sees, of the same thing. Each pane is titled with the exact file or command it read.',
      ),
      width,
    ),
    ...wrap(
      [
        { text: '≠ ', tone: 'changed' },
        { text: 'marks a row that differs from the other pane; the differing values are highlighted (between * * without colour). ' },
        { text: '+ ', tone: 'only' },
        { text: 'marks a row only this side has.' },
      ],
      width,
    ),
    ...wrap(
      plain(
        '"What ran" lists the primitives: each syscall with its flags, each write to a kernel file, each program started, and how long it took. "by hand" is the shell command a person would type for the same thing.',
      ),
      width,
    ),
    [],
    plain('Press ? or Esc to go back.', 'muted'),
  ];
}

/** Shown instead of the lab when the terminal is too small. */
export function tooSmallLines(columns: number, rows: number): Line[] {
  return wrap(
    plain(
      `The terminal is ${columns}×${rows}; the lab needs at least 80×24. Make the window larger, or run \`container-lab lesson <id> --plain\` for the same lesson as plain text.`,
      'bad',
    ),
    Math.max(20, columns),
  );
}
