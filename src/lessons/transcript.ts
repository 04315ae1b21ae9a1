/**
 * `--transcript FILE`: the session as Markdown, written as it happens, for study notes or a
 * handout. Each step's text, what ran (calls and results, as the lab lists them), both panes as
 * tables, the learner's predictions, your-turn answers and checks. Every entry is written to the
 * file at once (a crash keeps what was written) and holds only what the lab showed: nothing of the
 * environment, no path beyond what a pane names.
 *
 * An existing file is appended to, under a new session heading: a second session adds to the first.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import type { CheckResult } from './engine/session.js';
import type { Pane, StepResult } from './engine/results.js';
import { formatMs } from './event-lines.js';
import { differenceLines, paneLabels, ranLines, sentenceEnd, viewLines } from './runner/print-plain.js';
import { presentTemplate } from './templates.js';
import type { Lesson, Step } from './types.js';

/** The transcript's sentences and headings, each in one place. */
const SAY = {
  session: (at: string) => t('lessons.transcript.session', { at }),
  lesson: (lesson: Lesson) => t('lessons.transcript.lesson', { order: lesson.order, title: lesson.title }),
  step: (n: number, total: number, step: Step) => t('lessons.transcript.step', { number: n, total, title: step.title }),
  predict: (question: string) => t('lessons.transcript.predict', { question }),
  predicted: (choice: string, right: boolean) => t('lessons.transcript.predicted', { choice, right: right ? 'yes' : 'no' }),
  answer: (choice: string, reveal: string) => t('lessons.transcript.answer', { choice, ends: sentenceEnd(choice), reveal }),
  task: (task: string) => t('lessons.transcript.your-turn', { task }),
  ran: (shell: string) => t('lessons.transcript.ran', { shell }),
  ranNothing: () => t('lessons.transcript.ran-nothing'),
  pane: (label: string, title: string) => t('lessons.transcript.pane', { label, title }),
  checked: (answer: string, ok: boolean, message: string) =>
    t('lessons.transcript.checked', { answer, ok: ok ? 'yes' : 'no', message: message || 'none' }),
  putBack: () => t('lessons.transcript.put-back'),
  putBackFailed: (message: string) => t('lessons.transcript.put-back-failed', { message }),
  result: (status: string, ms: number, message?: string) =>
    t('lessons.transcript.result', { status, time: formatMs(ms), message: message || 'none' }),
  lookedAgain: (title: string) => t('lessons.transcript.looked-again', { title }),
  reset: () => t('lessons.transcript.reset'),
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
  if (!pane.ok) return [SAY.pane(label, pane.reason), ''];
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
    if (!fs.existsSync(dir)) throw new TranscriptError(t('lessons.transcript.no-dir', { file, dir }));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new TranscriptError(t('lessons.transcript.is-dir', { file }));
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
    out.push(
      ...(ran.length ? [SAY.ran(presentTemplate(result.shell, {}, true)), '', ...fence(unindent(ran)), ''] : [SAY.ranNothing(), '']),
    );
    out.push(...panesBlock(step, result));
    if (p) out.push(SAY.answer(`${p.answer + 1}) ${p.choices[p.answer]}`, p.reveal), '');
    if (result.reverted) {
      const back = [...ranLines({ ...result, output: result.reverted.output, events: result.reverted.events, live: undefined })];
      out.push(
        SAY.putBack(),
        '',
        ...fence([...unindent(back), ...(result.reverted.message ? [SAY.putBackFailed(result.reverted.message)] : [])]),
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
    this.write([SAY.reset(), '']);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
