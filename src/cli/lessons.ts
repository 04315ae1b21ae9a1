/**
 * The lesson commands, wired into src/cli.ts (command-line code: the engine under src/lessons/
 * never parses arguments or starts the TUI):
 *   container-lab [--lessons DIR]                       the TUI
 *   container-lab lesson <id> [--plain|--json] [--step N|ID] [--lessons DIR]
 *   container-lab lint-lessons [DIR]
 * The TUI and the runtime are loaded with import() only when needed, so linting stays fast and
 * never loads Ink.
 */
import { parseArgs } from 'node:util';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import { needRoot, UsageError } from './parse.js';

const WHY_ROOT = 'namespaces, mounts and cgroups';

function usage(message: string): never {
  throw new UsageError(message);
}

export async function lessonCommands(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lint-lessons') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    if (positionals.length > 1) usage('lint-lessons takes at most one directory.');
    const { lintCommand } = await import('../lessons/lint-command.js');
    return lintCommand(positionals[0]);
  }
  if (command === 'lesson') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        plain: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lessons: { type: 'string' },
        step: { type: 'string' },
      },
    });
    if (positionals.length !== 1) usage('Name one lesson: container-lab lesson <id> --plain (ids: see `container-lab --help`).');
    if (values.plain && values.json) usage('Choose one output: --plain or --json.');
    const { formatProblem, loadLessons } = await import('../lessons/load-lessons.js');
    const { lessons, problems } = loadLessons(values.lessons ?? defaultLessonsDir());
    const lesson = lessons.find((l) => l.id === positionals[0]);
    if (!lesson) {
      const broken = problems.filter((p) => p.file.includes(`-${positionals[0]}`));
      if (broken.length) {
        for (const p of broken) process.stderr.write(`${formatProblem(p)}\n`);
        usage(`Lesson "${positionals[0]}" has problems (above); fix them, or run \`container-lab lint-lessons\`.`);
      }
      usage(`There is no lesson "${positionals[0]}". Lessons here: ${lessons.map((l) => l.id).join(', ') || 'none'}.`);
    }
    const from = values.step === undefined ? 0 : (await import('./step-option.js')).stepIndex(lesson, values.step);
    needRoot('Running a lesson', WHY_ROOT);
    if (values.step !== undefined && !values.plain && !values.json)
      return openLabAt(values.lessons ?? defaultLessonsDir(), lesson.id, from);
    const { runLessonCommand } = await import('../lessons/runner/run-command.js');
    return runLessonCommand(lesson, values.json ? 'json' : 'plain', process.stdout, from);
  }
  const { values } = parseArgs({ args: argv, options: { lessons: { type: 'string' } } });
  needRoot('The lab', WHY_ROOT);
  const { startLab } = await import('../tui/start.js');
  return startLab({ lessonsDir: values.lessons ?? defaultLessonsDir() });
}

/** `lesson <id> --step N` without --plain or --json: the lab itself, opened at that step (fast-forwarded). */
async function openLabAt(lessonsDir: string, lesson: string, step: number): Promise<number> {
  const { startLab } = await import('../tui/start.js');
  return startLab({ lessonsDir, openAt: { lesson, step } });
}
