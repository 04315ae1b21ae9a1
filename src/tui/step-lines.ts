/**
 * The parts of the lesson screen that depend on one step: the primitives it ran (with its output and
 * what the lab put back), the predict question, the your-turn task with its hints, and the message.
 */
import type { StepResult } from '../lessons/engine/results.js';
import { eventLines, formatMs } from '../lessons/event-lines.js';
import type { Step } from '../lessons/types.js';
import { hang, plain, wrap } from './line.js';
import type { Line } from './line.js';
import type { StepState } from './state.js';

/**
 * Long absolute paths shortened to their last three parts (`…/merged/dev/null`), so a call's flags
 * stay on screen; the full list (`e`) and the plain runner keep every path whole.
 */
export function shortenPaths(text: string): string {
  return text.replace(/\/(?:[^/\s",:=]+\/){3,}[^/\s",:=]*/g, (path) => `…/${path.split('/').slice(-3).join('/')}`);
}

/** The primitives pane: what the step really ran, or what pressing Enter will do. */
export function primitiveLines(step: Step, state: StepState | undefined, running: { elapsedMs: number } | undefined, width: number, full = false): Line[] {
  if (running) return [plain(`Running… ${formatMs(running.elapsedMs)}   (Esc cancels)`, 'muted')];
  const result = state?.result;
  if (!result) {
    if (step.predict && state?.choice === undefined) return [plain(`Answer the question above (1-${step.predict.choices.length}); the step runs when you do.`, 'muted')];
    return [plain(step.yourTurn ? 'Press Enter to look at the panes and type your answer.' : 'Press Enter to run this step.', 'muted')];
  }
  const lines: Line[] = [];
  const events = (list: StepResult['events']) => {
    for (const e of eventLines(list)) {
      const call = [{ text: full ? e.text : shortenPaths(e.text), tone: e.ok ? undefined : ('bad' as const) }, { text: `  ${formatMs(e.durationMs)}`, tone: 'muted' as const }];
      if (full) lines.push(...hang([{ text: e.ok ? '  ' : '✗ ', tone: e.ok ? undefined : 'bad' }], call, width));
      else lines.push([{ text: e.ok ? '  ' : '✗ ', tone: e.ok ? undefined : 'bad' }, ...call]);
      if (e.error) lines.push(...hang([{ text: '    ' }], plain(`${e.error.code}: ${e.error.text}. ${e.error.hint}`, 'bad'), width));
    }
  };
  events(result.events);
  for (const out of result.output) lines.push([{ text: '│ ', tone: 'muted' }, { text: out, tone: 'code' }]);
  if (result.reverted) {
    lines.push(plain('The lab put things back:', 'heading'));
    events(result.reverted.events);
    for (const out of result.reverted.output) lines.push([{ text: '│ ', tone: 'muted' }, { text: out, tone: 'code' }]);
  }
  if (lines.length === 0) lines.push(plain('Nothing ran: this step only looks. The panes show the state as it is.', 'muted'));
  return lines;
}

/** The predict question and, once answered and run, whether the guess was right and why. */
export function predictLines(step: Step, state: StepState | undefined, width: number): Line[] {
  const p = step.predict;
  if (!p) return [];
  const lines = hang([{ text: 'Predict: ', tone: 'key' }], [{ text: p.question, tone: 'strong' }], width);
  if (state?.choice !== undefined && state.result) {
    // Once answered and run, the choices give way to the verdict, to leave room for the panes.
    const right = state.choice === p.answer;
    const verdict = right ? `Right: ${p.choices[p.answer]}. ` : `You said ${p.choices[state.choice]}; it is ${p.choices[p.answer]}. `;
    return [...lines, ...wrap([{ text: verdict, tone: right ? 'ok' : 'bad' }, { text: p.reveal }], width)];
  }
  p.choices.forEach((c, i) => {
    const chosen = state?.choice === i;
    lines.push(...hang([{ text: ` ${chosen ? '›' : ' '} ${i + 1}  `, tone: 'key' }], [{ text: c, tone: chosen ? 'strong' : undefined }], width));
  });
  return lines;
}

/** The your-turn task, the answer being typed, and the hints asked for so far. */
export function yourTurnLines(step: Step, state: StepState | undefined, answering: boolean, prompt: string, width: number): Line[] {
  const t = step.yourTurn;
  if (!t) return [];
  const lines = hang([{ text: 'Your turn: ', tone: 'key' }], [{ text: t.task, tone: 'strong' }], width);
  state?.hints.forEach((h, i) => lines.push(...hang([{ text: `Hint ${i + 1}: `, tone: 'key' }], [{ text: h }], width)));
  if (answering) lines.push([{ text: `${prompt} › `, tone: 'key' }, { text: state?.answer ?? '' }, { text: '▌', tone: 'muted' }, { text: '   Enter checks · Esc closes', tone: 'muted' }]);
  else if (state?.check?.ok) lines.push(...wrap(plain(`✓ ${state.check.message}`, 'ok'), width));
  return lines;
}

/** The message line(s): a result that needs attention, or the lab's own message. */
export function messageLines(state: StepState | undefined, own: { text: string; tone: 'info' | 'ok' | 'bad' } | undefined, width: number): Line[] {
  if (own) return wrap(plain(own.text, own.tone === 'info' ? undefined : own.tone), width).slice(0, 2);
  const r = state?.result;
  if (!r || r.status === 'done') return [];
  const text = `${r.status === 'skipped' ? 'Skipped: ' : r.status === 'cancelled' ? '' : '✗ '}${r.message ?? ''}${r.hint ? ` Hint: ${r.hint}` : ''}`;
  return wrap(plain(text, r.status === 'failed' ? 'bad' : undefined), width).slice(0, 3);
}
