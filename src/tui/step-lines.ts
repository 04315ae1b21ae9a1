/**
 * The parts of the lesson screen that depend on one step: the primitives it ran (with its output and
 * what the lab put back), the predict question, the your-turn task with its hints, and the message.
 */
import type { StepResult } from '../lessons/engine/results.js';
import { eventLines, formatMs } from '../lessons/event-lines.js';
import { parseInline } from '../lessons/markdown.js';
import type { Step, Teaches } from '../lessons/types.js';
import { t } from '../i18n/index.js';
import { hang, lead, plain, wrap } from './line.js';
import type { Line } from './line.js';
import type { StepState } from './state.js';
import type { Tone } from './theme.js';

/**
 * A question, choice, reveal, task or hint as the step's text draws its prose: `code` in the code
 * tone without its backticks (which read as noise beside Chinese: 运行 `ps` 看看), the rest in `tone`.
 */
function prose(text: string, tone?: Tone): Line {
  return parseInline(text).map((s) => ({ text: s.text, tone: s.kind === 'code' ? 'code' : s.kind === 'text' ? tone : 'strong' }));
}

/**
 * A line of a command's output, one code piece a word: a line wider than the screen then wraps
 * between its words (`2 still` / `running`), not inside one (`2 still r` / `un`).
 */
function outputWords(text: string): Line {
  return text
    .split(/( +)/)
    .filter((w) => w !== '')
    .map((w) => ({ text: w, tone: 'code' as const }));
}

/**
 * Long absolute paths shortened to their last `keep` parts (four: `…/9e91a/merged/dev/null`), so a
 * call's flags stay on screen; the full list (`e`) and the plain runner keep every path whole.
 */
export function shortenPaths(text: string, keep = 4): string {
  const long = new RegExp(`/(?:[^/\\s",:=]+/){${keep},}[^/\\s",:=]*`, 'g');
  return text.replace(long, (path) => `…/${path.split('/').slice(-keep).join('/')}`);
}

/** A line of the primitives pane, with how much it matters when not every line fits. */
export interface RanLine {
  line: Line;
  /**
   * 4: what the step teaches (its `teaches:` output or calls), 3: a failure and its hint, 2: what
   * the action printed or observed, 1: a program started, 0: the rest.
   */
  weight: number;
}

/** The weight of a line the step teaches: such lines are kept whole, and kept first. */
export const TAUGHT = 4;

/** True when the event line is a call the step teaches (`ran: [openat]` matches `openat(…)`). */
function taughtCall(text: string, teaches: Teaches | undefined): boolean {
  return Boolean(teaches?.ran.some((name) => text.startsWith(`${name}(`) || text.startsWith(`${name} `)));
}

/** The primitives pane: what the step really ran, or what pressing Enter will do. */
export function primitiveLines(
  step: Step,
  state: StepState | undefined,
  running: { elapsedMs: number } | undefined,
  width: number,
  full = false,
): RanLine[] {
  const teaches = step.teaches;
  const note = (text: string): RanLine[] => [{ line: plain(text, 'muted'), weight: 2 }];
  if (running) return note(t('tui.step.running', { elapsed: formatMs(running.elapsedMs) }));
  const result = state?.result;
  if (!result) {
    if (step.predict && state?.choice === undefined) return note(t('tui.step.answer-above', { count: step.predict.choices.length }));
    return note(step.yourTurn ? t('tui.step.enter-your-turn') : t('tui.step.enter-run'));
  }
  const lines: RanLine[] = [];
  const events = (list: StepResult['events']) => {
    for (const e of eventLines(list)) {
      const mark = { text: e.ok ? '  ' : '✗ ', tone: e.ok ? undefined : ('bad' as const) };
      const call = [
        { text: full ? e.text : shortenPaths(e.text), tone: e.ok ? undefined : ('bad' as const) },
        { text: `  ${formatMs(e.durationMs)}`, tone: 'muted' as const },
      ];
      const taught = taughtCall(e.text, teaches);
      const weight = taught ? TAUGHT : !e.ok ? 3 : /^(spawn|exec) |^kill\(/.test(e.text) ? 1 : 0;
      if (full || taught) lines.push(...hang([mark], call, width).map((line) => ({ line, weight })));
      else lines.push({ line: [mark, ...call], weight });
      if (e.error)
        lines.push(
          ...hang([{ text: '    ' }], plain(`${e.error.code}: ${e.error.text}. ${e.error.hint}`, 'bad'), width).map((line) => ({
            line,
            weight: 3,
          })),
        );
    }
  };
  const output = (out: readonly string[], taught: (i: number) => boolean) => {
    out.forEach((text, i) => {
      const bar = { text: '│ ', tone: 'muted' as const };
      const weight = taught(i) ? TAUGHT : 2;
      // A taught line wraps, whole; the others are cut to the width (all of them wrap under `e`).
      if (full || weight === TAUGHT) lines.push(...hang([bar], outputWords(text), width).map((line) => ({ line, weight })));
      else lines.push({ line: [bar, { text, tone: 'code' }], weight });
    });
  };
  events(result.events);
  const taughtOutput = {
    all: () => true,
    first: (i: number) => i === 0,
    last: (i: number) => i === result.output.length - 1,
    none: () => false,
  }[teaches?.output ?? 'none'];
  output(result.output, taughtOutput);
  if (result.reverted) {
    lines.push({ line: plain(t('tui.step.reverted'), 'heading'), weight: 2 });
    events(result.reverted.events);
    output(result.reverted.output, () => false);
  }
  if (lines.length) return lines;
  return note(result.status === 'skipped' ? t('tui.step.nothing-skipped') : t('tui.step.nothing-looks'));
}

/**
 * The lines to show in `height` rows: all of them if they fit; otherwise the weightiest, in their
 * order, and a last line saying how many were left out.
 */
export function pickLines(lines: readonly RanLine[], height: number, more: (count: number) => string): Line[] {
  if (lines.length <= height) return lines.map((l) => l.line);
  if (height <= 0) return [];
  const room = height - 1;
  const ranked = lines
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, room);
  const kept = ranked.sort((a, b) => a.i - b.i).map((l) => l.line);
  return [...kept, plain(more(lines.length - room), 'muted')];
}

/**
 * Choice `i` for a verdict: its number as shown, its text, and whether the text ends a sentence
 * itself (`… one mount table.`), so the verdict adds no second full stop.
 */
function choice(choices: readonly string[], i: number) {
  const text = choices[i] ?? '';
  return { number: i + 1, choice: text, ends: /[.!?。！？]$/.test(text) ? 'sentence' : 'open' };
}

/** The predict question and, once answered and run, whether the guess was right and why. */
export function predictLines(step: Step, state: StepState | undefined, width: number): Line[] {
  const p = step.predict;
  if (!p) return [];
  if (state?.choice !== undefined && state.result) {
    // Once answered and run, question and choices give way to the verdict, to leave room for the panes.
    const right = state.choice === p.answer;
    const answer = choice(p.choices, p.answer);
    const chosen = choice(p.choices, state.choice);
    const verdict = right
      ? t('tui.step.right', answer)
      : t('tui.step.wrong', { ...chosen, answer: answer.number, answerChoice: answer.choice, answerEnds: answer.ends });
    return [...wrap([{ text: verdict, tone: right ? 'ok' : 'bad' }], width), ...wrap(prose(p.reveal), width)];
  }
  const lines = hang([{ text: t('tui.step.predict'), tone: 'key' }], prose(p.question, 'strong'), width);
  p.choices.forEach((c, i) => {
    const chosen = state?.choice === i;
    lines.push(...hang([{ text: ` ${chosen ? '›' : ' '} ${i + 1}  `, tone: 'key' }], prose(c, chosen ? 'strong' : undefined), width));
  });
  return lines;
}

/** The your-turn task, the answer being typed, and the hints asked for so far. */
export function yourTurnLines(step: Step, state: StepState | undefined, answering: boolean, prompt: string, width: number): Line[] {
  const turn = step.yourTurn;
  if (!turn) return [];
  const lines = lead([{ text: t('tui.step.your-turn'), tone: 'key' }], prose(turn.task, 'strong'), width);
  // Once the answer is right, the verdict takes the hints' place: the task is done.
  if (!state?.check?.ok)
    state?.hints.forEach((h, i) => {
      lines.push(...lead([{ text: t('tui.step.hint', { number: i + 1 }), tone: 'key' }], prose(h), width));
    });
  if (answering)
    lines.push([
      { text: `${prompt} › `, tone: 'key' },
      { text: state?.answer ?? '' },
      { text: '▌', tone: 'muted' },
      { text: t('tui.step.answer-keys'), tone: 'muted' },
    ]);
  else if (state?.check?.ok) lines.push(...wrap(plain(`✓ ${state.check.message}`, 'ok'), width));
  return lines;
}

/** A sentence and the hint that goes with it, when there is one. */
export function withHint(message: string, hint: string | undefined): string {
  return hint ? t('tui.with-hint', { message, hint }) : message;
}

/** The message line(s): a result that needs attention, or the lab's own message. */
export function messageLines(
  state: StepState | undefined,
  own: { text: string; tone: 'info' | 'ok' | 'bad' } | undefined,
  width: number,
): Line[] {
  if (own) return wrap(plain(own.text, own.tone === 'info' ? undefined : own.tone), width).slice(0, 4);
  const r = state?.result;
  if (!r || r.status === 'done') return [];
  const message = withHint(r.message ?? '', r.hint);
  const text = r.status === 'skipped' ? t('tui.step.skipped', { message }) : r.status === 'cancelled' ? message : `✗ ${message}`;
  return wrap(plain(text, r.status === 'failed' ? 'bad' : undefined), width).slice(0, 3);
}
