/**
 * `container-lab reset [lesson] [--yes]`: forgets the learner's progress, of every lesson or of one,
 * after a confirmation line. It touches the progress file only: never a container, mount, cgroup or
 * link. While a lab runs it stops, since that lab holds the progress in memory and would write it
 * back (and the learner would lose the place they are at now).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { loadProgress, progressLocation, resetProgress, saveProgress } from '../lessons/progress.js';
import { isSameProcess } from '../runtime/proc-identity.js';
import { labPaths } from '../runtime/paths.js';

/** Every sentence `reset` says, each in one place. */
const SAY = {
  askAll: (count: number) => `Reset progress of all ${count} lessons? [y/N] `,
  askOne: (lesson: string) => `Reset progress of lesson ${lesson}? [y/N] `,
  noTerminal: 'reset asks before it forgets progress, and there is no terminal to ask on: pass --yes to reset without asking.',
  labRunning: (pid: number) => `A lab is running (PID ${pid}) and holds your progress: quit it first (q), then reset. Nothing was changed.`,
  lockUnreadable: (dir: string) =>
    `Cannot tell whether a lab is running (${dir} is root's): run \`sudo container-lab reset\`. Nothing was changed.`,
  kept: 'Nothing was reset.',
  resetAll: (count: number, file: string) => `Progress of all ${count} lessons reset (${file}): each starts again at step 1.`,
  resetOne: (lesson: string, file: string) => `Progress of lesson ${lesson} reset (${file}): it starts again at step 1.`,
};

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
      resolve(/^y(es)?$/i.test(answer.trim()));
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
  if (running === 'unreadable') return refuse(SAY.lockUnreadable(runDir));
  if (running !== undefined) return refuse(SAY.labRunning(running));
  if (!opts.yes) {
    if (!input.isTTY) return refuse(SAY.noTerminal);
    const question = opts.lesson === undefined ? SAY.askAll(opts.lessonCount) : SAY.askOne(opts.lesson);
    if (!(await ask(question, input, output))) {
      say(SAY.kept);
      return 0;
    }
  }
  const loc = progressLocation(env);
  const { progress } = loadProgress(loc.file);
  const warning = saveProgress(loc, resetProgress(progress, opts.lesson));
  if (warning) return refuse(warning);
  say(opts.lesson === undefined ? SAY.resetAll(opts.lessonCount, loc.file) : SAY.resetOne(opts.lesson, loc.file));
  return 0;
}
