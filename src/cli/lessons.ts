/**
 * The lesson commands, wired into src/cli.ts (command-line code: the engine under src/lessons/
 * never parses arguments or starts the TUI):
 *   container-lab [--lessons DIR] [--presenter] [--transcript FILE]   the TUI
 *   container-lab lesson <id> [--plain|--json] [--step N|ID] [--solve] [--lessons DIR] [--transcript FILE]
 *   container-lab lint-lessons [DIR]
 * The TUI and the runtime are loaded with import() only when needed, so linting stays fast and
 * never loads Ink.
 */
import { parseArgs } from 'node:util';
import { language, t } from '../i18n/index.js';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import type { Transcript } from '../lessons/transcript.js';
import { needRoot, UsageError } from './parse.js';

/** What a lesson does as root: `cli.needs-root-why` says it in words. */
const WHY_ROOT = 'namespaces';

function usage(message: string): never {
  throw new UsageError(message);
}

/** The ids of the lessons in `dir` (default: the shipped ones), for commands that name one. */
export async function lessonIds(dir?: string): Promise<string[]> {
  const { loadLessons } = await import('../lessons/load-lessons.js');
  return loadLessons(dir ?? defaultLessonsDir()).lessons.map((l) => l.id);
}

export async function lessonCommands(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lint-lessons') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    if (positionals.length > 1) usage(t('cli.lint-one-dir'));
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
        solve: { type: 'boolean', default: false },
        lessons: { type: 'string' },
        step: { type: 'string' },
        transcript: { type: 'string' },
      },
    });
    if (positionals.length !== 1) usage(t('cli.name-one-lesson'));
    if (values.plain && values.json) usage(t('cli.one-output'));
    const { formatProblem, loadLessons } = await import('../lessons/load-lessons.js');
    const { lessons, problems } = loadLessons(values.lessons ?? defaultLessonsDir(), language());
    const lesson = lessons.find((l) => l.id === positionals[0]);
    if (!lesson) {
      const broken = problems.filter((p) => p.file.includes(`-${positionals[0]}`));
      if (broken.length) {
        for (const p of broken) process.stderr.write(`${formatProblem(p)}\n`);
        usage(t('cli.lesson-broken', { id: positionals[0]! }));
      }
      const id = positionals[0]!;
      usage(lessons.length ? t('cli.no-such-lesson', { id, ids: lessons.map((l) => l.id).join(', ') }) : t('cli.no-lessons-here', { id }));
    }
    const from = values.step === undefined ? 0 : (await import('./step-option.js')).stepIndex(lesson, values.step);
    needRoot('lesson', WHY_ROOT);
    if (values.step !== undefined && !values.plain && !values.json)
      return openLabAt(values.lessons ?? defaultLessonsDir(), lesson.id, from);
    const { runLessonCommand } = await import('../lessons/runner/run-command.js');
    return withTranscript(values.transcript, (t) =>
      runLessonCommand(lesson, values.json ? 'json' : 'plain', values.solve ?? false, process.stdout, t, from),
    );
  }
  const { values } = parseArgs({
    args: argv,
    options: { lessons: { type: 'string' }, transcript: { type: 'string' }, presenter: { type: 'boolean', default: false } },
  });
  needRoot('lab', WHY_ROOT);
  const { startLab } = await import('../tui/start.js');
  const lessonsDir = values.lessons ?? defaultLessonsDir();
  return withTranscript(values.transcript, (transcript) => startLab({ lessonsDir, transcript, presenter: values.presenter ?? false }));
}

/** `--transcript FILE`: opened once root is confirmed; a FILE that cannot be written is one sentence, status 2. */
async function withTranscript(file: string | undefined, run: (t: Transcript | undefined) => Promise<number>): Promise<number> {
  if (file === undefined) return run(undefined);
  const { Transcript, TranscriptError } = await import('../lessons/transcript.js');
  let transcript: Transcript;
  try {
    transcript = Transcript.open(file);
  } catch (err) {
    if (!(err instanceof TranscriptError)) throw err;
    process.stderr.write(`container-lab: ${err.message}\n`);
    return 2;
  }
  try {
    return await run(transcript);
  } finally {
    transcript.close();
  }
}

/** `lesson <id> --step N` without --plain or --json: the lab itself, opened at that step (fast-forwarded). */
async function openLabAt(lessonsDir: string, lesson: string, step: number): Promise<number> {
  const { startLab } = await import('../tui/start.js');
  return startLab({ lessonsDir, openAt: { lesson, step } });
}
