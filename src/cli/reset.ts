/**
 * `container-lab reset [lesson] [--yes]`: forgets the learner's progress, of every lesson or of one,
 * after a confirmation line. It touches the progress file only: never a container, mount, cgroup or
 * link. While a lab runs it stops, since that lab holds the progress in memory and would write it
 * back (and the learner would lose the place they are at now).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { t } from '../i18n/index.js';
import { loadProgress, progressLocation, resetProgress, saveProgress } from '../lessons/progress.js';
import { isSameProcess } from '../runtime/proc-identity.js';
import { labPaths } from '../runtime/paths.js';

/**
 * The answers that mean yes, in any of the lab's languages (full-width letters read as ASCII): an
 * English `y`/`yes`, and 是/是的 from a learner answering the Chinese question in Chinese.
 */
const YES = new Set(['y', 'yes', '是', '是的']);

export interface ResetOptions {
  /** One lesson's id, or undefined for all. */
  lesson?: string;
  /** How many lessons there are (for the question). */
  lessonCount: number;
  yes: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

/** The PID of a running lab (from its lock), undefined when none runs, or 'unreadable'. */
function runningLab(runDir: string): number | undefined | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(path.join(runDir, 'lock'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  const [pid, start] = text.trim().split(' ');
  return pid && start && isSameProcess(Number(pid), start) ? Number(pid) : undefined;
}

function ask(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<boolean> {
  // The terminal stays in its ordinary line mode: the kernel's tty edits the line, Enter ends it.
  const rl = readline.createInterface({ input, output, terminal: false });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      resolve(YES.has(answer.trim().normalize('NFKC').toLowerCase()));
      rl.close();
    });
    rl.once('close', () => resolve(false));
  });
}

export async function resetCommand(opts: ResetOptions): Promise<number> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const env = opts.env ?? process.env;
  const say = (line: string) => output.write(`${line}\n`);
  const refuse = (line: string) => {
    process.stderr.write(`${line}\n`);
    return 1;
  };
  const { runDir } = labPaths(env);
  const running = runningLab(runDir);
  if (running === 'unreadable') return refuse(t('workshop.reset.lock-unreadable', { dir: runDir }));
  if (running !== undefined) return refuse(t('workshop.reset.lab-running', { pid: running }));
  if (!opts.yes) {
    if (!input.isTTY) return refuse(t('workshop.reset.no-terminal'));
    const question =
      opts.lesson === undefined
        ? t('workshop.reset.ask-all', { count: opts.lessonCount })
        : t('workshop.reset.ask-one', { lesson: opts.lesson });
    if (!(await ask(`${question} `, input, output))) {
      say(t('workshop.reset.kept'));
      return 0;
    }
  }
  const loc = progressLocation(env);
  const { progress } = loadProgress(loc.file);
  const warning = saveProgress(loc, resetProgress(progress, opts.lesson));
  if (warning) return refuse(warning);
  say(
    opts.lesson === undefined
      ? t('workshop.reset.done-all', { count: opts.lessonCount, file: loc.file })
      : t('workshop.reset.done-one', { lesson: opts.lesson, file: loc.file }),
  );
  return 0;
}
