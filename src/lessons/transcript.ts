/**
 * `--transcript FILE`: the session as Markdown, written as it happens, for study notes or a
 * handout. Each step's text, what ran (calls and results, as the lab lists them), both panes as
 * tables, the learner's predictions, your-turn answers and checks. Every entry is written to the
 * file at once (a crash keeps what was written) and holds only what the lab showed: nothing of the
 * environment, no path beyond what a pane names.
 *
 * An existing file is appended to, under a new session heading: a second session adds to the first.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckResult } from './engine/session.js';
import type { Pane, StepResult } from './engine/results.js';
import { formatMs } from './event-lines.js';
import { differenceLines, paneLabels, ranLines, viewLines } from './runner/print-plain.js';
import { presentTemplate } from './templates.js';
import type { Lesson, Step } from './types.js';

/** The transcript's sentences and headings, each in one place. */
const SAY = {
  session: (at: string) => `# container-lab session, ${at}`,
  lesson: (lesson: Lesson) => `## Lesson ${lesson.order}: ${lesson.title}`,
  step: (n: number, total: number, step: Step) => `### Step ${n} of ${total}: ${step.title}`,
  predict: (question: string) => `**Predict:** ${question}`,
  predicted: (choice: string, right: boolean) => `**Your prediction:** ${choice} (${right ? 'right' : 'not this time'})`,
  answer: (choice: string, reveal: string) => `**Answer:** ${choice}. ${reveal}`,
  task: (task: string) => `**Your turn:** ${task}`,
  ran: (shell: string) => `**What ran** (by hand: \`${shell}\`):`,
  ranNothing: '**What ran:** nothing (this step only looks).',
  pane: (label: string, title: string) => `**${label}:** ${title}`,
  noPane: (label: string, reason: string) => `**${label}:** ${reason}`,
  checked: (answer: string, ok: boolean, message: string) =>
    `**Your answer:** ${answer}. **Check:** ${ok ? 'passed' : 'not yet'}. ${message}`,
  putBack: '**Put back by the lab:**',
  result: (status: string, ms: number, message?: string) => `_Result: ${status} in ${formatMs(ms)}.${message ? ` ${message}` : ''}_`,
  lookedAgain: (label: string) => `**Read again after the container's shell** (${label}):`,
  reset: "_Reset: the lesson's containers were removed; each step starts what it needs again._",
};

/** Raised for a file the transcript cannot be written to; the CLI prints it as one sentence. */
export class TranscriptError extends Error {
  override name = 'TranscriptError';
}

/** The plain runner's lines sit two spaces in; a code block needs no indent. */
const unindent = (lines: string[]): string[] => lines.map((l) => l.replace(/^ {2}/, ''));

const fence = (lines: string[]): string[] => (lines.length ? ['```text', ...lines, '```'] : []);

function paneBlock(label: string, pane: Pane | undefined): string[] {
  if (!pane) return [];
  if (!pane.ok) return [SAY.noPane(label, pane.reason), ''];
  return [SAY.pane(label, `\`${pane.view.title}\``), '', ...fence(viewLines(pane.view)), ''];
}

function panesBlock(step: Step, panes: Pick<StepResult, 'host' | 'container'>): string[] {
  const labels = paneLabels(step);
  const diffs = differenceLines(step, panes.host, panes.container);
  return [
    ...paneBlock(labels.host, panes.host),
    ...paneBlock(labels.container, panes.container),
    ...(diffs.length ? [diffs[0]!, '', ...diffs.slice(1).map((d) => `- ${d.trim()}`), ''] : []),
  ];
}

export class Transcript {
  private constructor(private readonly fd: number) {}

  /**
   * Opens FILE for appending and writes a session heading. A directory that does not exist, or a
   * FILE that is a directory, is a TranscriptError. A file made here by root under sudo is given
   * to the user who ran sudo, so they can read and edit their own notes.
   */
  static open(file: string, now = new Date()): Transcript {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir))
      throw new TranscriptError(`--transcript ${file}: the directory ${dir} does not exist; create it, or name a file in one that does.`);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      throw new TranscriptError(`--transcript ${file} is a directory: name a file to write the transcript to.`);
    const existed = fs.existsSync(file);
    const fd = fs.openSync(file, 'a', 0o644);
    const uid = Number(process.env.SUDO_UID);
    const gid = Number(process.env.SUDO_GID);
    if (!existed && process.getuid?.() === 0 && Number.isInteger(uid) && Number.isInteger(gid)) fs.fchownSync(fd, uid, gid);
    const transcript = new Transcript(fd);
    const earlier = fs.fstatSync(fd).size > 0;
    transcript.write([...(earlier ? ['', '---', ''] : []), SAY.session(now.toISOString().replace(/\.\d+Z$/, 'Z')), '']);
    return transcript;
  }

  /** Each entry goes to the kernel at once: a lab that crashes keeps every entry written before. */
  private write(lines: string[]): void {
    fs.writeSync(this.fd, lines.map((l) => `${l}\n`).join(''));
  }

  lesson(lesson: Lesson): void {
    this.write([SAY.lesson(lesson), '', lesson.summary, '', ...(lesson.intro ? [lesson.intro, ''] : [])]);
  }

  /** A step that ran (or was skipped): its text, what ran, both panes; `choice` is the learner's prediction. */
  step(lesson: Lesson, index: number, result: StepResult, choice?: number): void {
    const step = lesson.steps[index]!;
    const out = [SAY.step(index + 1, lesson.steps.length, step), '', presentTemplate(result.text, {}), ''];
    const p = step.predict;
    if (p) {
      out.push(SAY.predict(p.question), '', ...p.choices.map((c, i) => `${i + 1}. ${c}`), '');
      if (choice !== undefined) out.push(SAY.predicted(`${choice + 1}) ${p.choices[choice]}`, choice === p.answer), '');
    }
    if (step.yourTurn) out.push(SAY.task(step.yourTurn.task), '');
    const ran = ranLines(result);
    out.push(...(ran.length ? [SAY.ran(presentTemplate(result.shell, {}, true)), '', ...fence(unindent(ran)), ''] : [SAY.ranNothing, '']));
    out.push(...panesBlock(step, result));
    if (p) out.push(SAY.answer(`${p.answer + 1}) ${p.choices[p.answer]}`, p.reveal), '');
    if (result.reverted) {
      const back = [...ranLines({ ...result, output: result.reverted.output, events: result.reverted.events, live: undefined })];
      out.push(
        SAY.putBack,
        '',
        ...fence([...unindent(back), ...(result.reverted.message ? [`failed: ${result.reverted.message}`] : [])]),
        '',
      );
    }
    out.push(SAY.result(result.status, result.durationMs, result.message), '');
    this.write(out);
  }

  /** A your-turn answer and its verdict, with the panes the check read. */
  check(lesson: Lesson, index: number, answer: string, check: CheckResult): void {
    this.write([SAY.checked(answer, check.ok, check.message), '', ...panesBlock(lesson.steps[index]!, check)]);
  }

  /** The panes read again after the learner's shell in the container. */
  looked(lesson: Lesson, index: number, panes: Pick<StepResult, 'host' | 'container'>): void {
    this.write([SAY.lookedAgain(lesson.steps[index]!.title), '', ...panesBlock(lesson.steps[index]!, panes)]);
  }

  reset(): void {
    this.write([SAY.reset, '']);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
