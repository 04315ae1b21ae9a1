/**
 * `container-lab notes <lesson>`: the facilitator's sheet for one lesson, as Markdown on stdout.
 * Per step: its title and minutes, the predict question with the right answer and why, the
 * your-turn task with its solution and hints, and the step's `### Notes` from text.md. It reads the
 * lesson files only: no root, no kernel.
 */
import { parseArgs } from 'node:util';
import { ACTIONS } from '../lessons/actions/index.js';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import { formatProblem, loadLessons } from '../lessons/load-lessons.js';
import { presentTemplate } from '../lessons/templates.js';
import type { ArgValue, Lesson, RunSpec, Step } from '../lessons/types.js';
import { language, t } from '../i18n/index.js';

/**
 * The minutes a step's notes start with, the convention lessons/README.md asks for: `3 min.` in
 * English, `3 分钟。` and `3 分鐘。` in the Chinese text files.
 */
export function noteMinutes(notes: string | undefined): number | undefined {
  const m = notes?.match(/^(\d+)\s*(?:min\b|分钟|分鐘)/);
  return m ? Number(m[1]) : undefined;
}

/** The sheet's sentences, each in one place. */
const SAY = {
  title: (lesson: Lesson) => t('lessons.notes.title', { title: lesson.title, id: lesson.id }),
  length: (order: number, steps: number, minutes: number, untimed: number) => t('lessons.notes.length', { order, steps, minutes, untimed }),
  step: (n: number, step: Step, minutes: number | undefined) =>
    t('lessons.notes.step', { number: n, title: step.title, id: step.id, minutes: minutes === undefined ? 'none' : String(minutes) }),
  predict: (question: string) => t('lessons.notes.predict', { question }),
  right: (choice: string) => t('lessons.notes.right', { choice }),
  why: (reveal: string) => t('lessons.notes.why', { reveal }),
  task: (task: string) => t('lessons.notes.task', { task }),
  solution: (how: string) => t('lessons.notes.solution', { how }),
  hints: () => t('lessons.notes.hints'),
  answerHint: () => t('lessons.notes.answer-hint'),
  notes: () => t('lessons.notes.notes'),
  noNotes: () => t('lessons.notes.no-notes'),
};

/** Placeholders such as `{host:container}` in words: the sheet is read before anything runs. */
const words = (text: string) => presentTemplate(text, {});

function argText(value: ArgValue): string {
  return Array.isArray(value) ? `\`${value.join(' ')}\`` : `\`${String(value)}\``;
}

/** A solution in words: the action, what it does, and its arguments. */
export function describeSolution(solution: RunSpec): string {
  const action = ACTIONS[solution.action];
  // Arguments left at their defaults (the default container, "") say nothing to a reader.
  const args = Object.entries(solution.args)
    .filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(action?.args[name]?.default))
    .map(([name, value]) => `${name} ${argText(value)}`);
  return t('lessons.notes.solution-action', {
    action: solution.action,
    args: args.length ? args.join(', ') : 'none',
    summary: action?.summary || 'none',
  });
}

function stepLines(step: Step, index: number): string[] {
  const out = ['', SAY.step(index + 1, step, noteMinutes(step.notes)), ''];
  if (step.predict) {
    const p = step.predict;
    out.push(
      SAY.predict(words(p.question)),
      '',
      ...p.choices.map((c, i) => `${i + 1}. ${i === p.answer ? SAY.right(c) : c}`),
      '',
      SAY.why(words(p.reveal)),
      '',
    );
  }
  if (step.yourTurn) {
    const turn = step.yourTurn;
    out.push(
      SAY.task(words(turn.task)),
      '',
      SAY.solution(describeSolution(turn.solution)),
      '',
      SAY.hints(),
      '',
      ...turn.hints.map((h, i) => `${i + 1}. ${words(h.replace('{answer}', SAY.answerHint()))}`),
      '',
    );
  }
  out.push(...(step.notes ? [SAY.notes(), '', words(step.notes)] : [SAY.noNotes()]));
  return out;
}

/** The whole sheet, as lines of Markdown. */
export function notesSheet(lesson: Lesson): string[] {
  const minutes = lesson.steps.map((s) => noteMinutes(s.notes));
  const total = minutes.reduce<number>((a, m) => a + (m ?? 0), 0);
  const untimed = minutes.filter((m) => m === undefined).length;
  return [
    SAY.title(lesson),
    '',
    SAY.length(lesson.order, lesson.steps.length, total, untimed),
    '',
    lesson.summary,
    ...lesson.steps.flatMap((s, i) => stepLines(s, i)),
    '',
  ];
}

export function notesCommand(argv: string[], out: NodeJS.WritableStream = process.stdout): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { lessons: { type: 'string' } } });
  const { lessons, problems } = loadLessons(values.lessons ?? defaultLessonsDir(), language());
  const lesson = positionals.length === 1 ? lessons.find((l) => l.id === positionals[0]) : undefined;
  if (!lesson) {
    const broken = problems.filter((p) => positionals.length === 1 && p.file.includes(`-${positionals[0]}`));
    for (const p of broken) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(
      `${noSuchLesson(
        positionals[0],
        lessons.map((l) => l.id),
      )}\n`,
    );
    return 2;
  }
  out.write(`${notesSheet(lesson).join('\n')}\n`);
  return 0;
}

function noSuchLesson(asked: string | undefined, ids: string[]): string {
  const listed = ids.join(', ') || t('lessons.host.none');
  return asked === undefined ? t('lessons.notes.name-one', { ids: listed }) : t('lessons.notes.no-such', { id: asked, ids: listed });
}
