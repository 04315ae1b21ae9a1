/**
 * `--json`: one JSON object per line, for tools: the step, each primitive as the runtime reported it,
 * the action's output, both panes (rows, columns and difference marks) and the result.
 *
 * Fields and their values stay English whatever the learner's language, so a tool never depends on
 * it; a sentence the lab wrote in another language comes beside them under `text` (`{ lang, … }`).
 * A sentence its producer kept only as text (an action's result) is in the learner's language.
 */
import type { FastForward } from '../engine/fast-forward.js';
import { fastForwardedLine, fastForwardStoppedLine } from '../engine/fast-forward-text.js';
import { language, render, t, translate } from '../../i18n/index.js';
import type { Message } from '../../i18n/index.js';
import type { Pane } from '../engine/results.js';
import type { Lesson } from '../types.js';
import type { StepReport } from './drive.js';

export function jsonHeader(lesson: Lesson): string[] {
  return [JSON.stringify({ type: 'lesson', id: lesson.id, title: lesson.title, steps: lesson.steps.length })];
}

/**
 * The steps before a `--step` jump, run quietly: which ran with their statuses, how long it took,
 * and where it stopped if one failed (then that step's events follow, as `jsonStep` prints them).
 */
export function jsonFastForward(lesson: Lesson, ff: FastForward): string[] {
  const stopped = ff.stopped && { ...ff.stopped, step: lesson.steps[ff.stopped.index]!.id };
  const line = stopped
    ? fastForwardStoppedLine({ index: stopped.index, stepId: stopped.step, reason: stopped.reason })
    : fastForwardedLine({ indices: ff.steps.map((s) => s.index), durationMs: ff.durationMs });
  const failed = stopped && ff.steps.find((s) => s.index === stopped.index);
  return [
    JSON.stringify({
      type: 'fast-forward',
      steps: ff.steps.map((s) => ({ index: s.index, step: lesson.steps[s.index]!.id, status: s.result.status })),
      durationMs: Math.round(ff.durationMs * 10) / 10,
      ...(stopped ? { stopped: { index: stopped.index, step: stopped.step, reason: stopped.reason } } : {}),
      text: line,
    }),
    ...(failed ? jsonStep({ ...failed, step: lesson.steps[failed.index]! }) : []),
  ];
}

function pane(step: string, side: 'host' | 'container', label: string, p: Pane | undefined): string[] {
  if (!p) return [];
  return [
    JSON.stringify(
      p.ok
        ? { type: 'pane', step, side, label, ...p.view, marks: p.marks }
        : { type: 'pane', step, side, label, title: p.title, unavailable: p.reason },
    ),
  ];
}

/** The learner's sentences under `text`, when the learner reads another language than English. */
function localized(fields: Record<string, string | undefined>): { text?: Record<string, string | undefined> } {
  const lang = language();
  return lang === 'en' ? {} : { text: { lang, ...fields } };
}

/** A sentence in English when its producer kept the message, else as written. */
const english = (said: Message | undefined, written: string | undefined) => (said ? render(said, 'en') : written);

/** A pane's label in English when it is the plain word (`Host`, `Container`); a named container's label stays as loaded. */
function englishLabel(label: string | undefined, word: 'tui.lesson.host' | 'tui.lesson.container'): string {
  return label === undefined || label === t(word) ? translate('en', word) : label;
}

export function jsonStep(r: StepReport): string[] {
  const step = r.step.id;
  const res = r.result;
  const check = r.check;
  return [
    JSON.stringify({ type: 'step', index: r.index, step, title: r.step.title, shell: res.shell }),
    ...res.events.map((e) => JSON.stringify({ type: 'primitive', step, ...e })),
    ...res.output.map((line) => JSON.stringify({ type: 'output', step, line })),
    ...(res.live ?? []).map((s) =>
      JSON.stringify({ type: 'sample', step, atMs: s.atMs, title: s.view.title, meters: s.view.meters ?? [] }),
    ),
    ...pane(step, 'host', englishLabel(r.step.host?.label, 'tui.lesson.host'), check?.host ?? res.host),
    ...pane(step, 'container', englishLabel(r.step.container?.label, 'tui.lesson.container'), check?.container ?? res.container),
    ...(r.answer !== undefined
      ? [
          JSON.stringify({
            type: 'check',
            step,
            answer: r.answer,
            ok: check?.ok ?? false,
            ...(check?.verdict ? { messageId: check.verdict.id } : {}),
            message: english(check?.verdict, check?.message),
            ...localized({ message: check?.message }),
          }),
        ]
      : []),
    ...(res.reverted ? res.reverted.events.map((e) => JSON.stringify({ type: 'primitive', step, revert: true, ...e })) : []),
    JSON.stringify({
      type: 'result',
      step,
      status: res.status,
      durationMs: Math.round(res.durationMs * 10) / 10,
      ...(res.said ? { messageId: res.said.id } : {}),
      message: english(res.said, res.message),
      hint: res.hint,
      ...(res.message || res.hint ? localized({ message: res.message, hint: res.hint }) : {}),
    }),
  ];
}
