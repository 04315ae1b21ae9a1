/**
 * `--plain`: a lesson as plain text, for screen readers, notes and CI logs. No colour, no boxes;
 * every pane is printed with its title (the exact file or command it shows) and the differences
 * spelled out in words.
 */
import { t } from '../../i18n/index.js';
import { describeDifferences } from '../../probes/index.js';
import { meterLines } from '../../probes/meter-lines.js';
import type { View } from '../../probes/index.js';
import type { FastForward } from '../engine/fast-forward.js';
import { fastForwardedLine, fastForwardStoppedLine } from '../engine/fast-forward-text.js';
import { padText, textWidth } from '../../i18n/text-width.js';
import type { Pane, StepResult } from '../engine/results.js';
import { comparable } from '../pane-pair.js';
import { eventLines, formatMs } from '../event-lines.js';
import { plainText } from '../markdown.js';
import { presentTemplate } from '../templates.js';
import type { Lesson, Step } from '../types.js';
import type { StepReport } from './drive.js';

export function plainHeader(lesson: Lesson): string[] {
  return [t('lessons.plain.lesson', { order: lesson.order, title: lesson.title }), lesson.summary, '', ...plainText(lesson.intro), ''];
}

/** A view as aligned text columns (measured in terminal columns: a Chinese character takes two). */
export function viewLines(view: View): string[] {
  const table = view.columns ? [view.columns, ...view.rows.map((r) => r.cells)] : view.rows.map((r) => r.cells);
  const widths: number[] = [];
  for (const cells of table)
    cells.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, textWidth(c));
    });
  const lines = table.map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padText(c, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  return view.note ? [...lines, view.note] : lines;
}

function paneLines(label: string, pane: Pane | undefined): string[] {
  if (!pane) return [];
  if (!pane.ok) return [t('lessons.plain.pane', { label, title: pane.reason })];
  return [t('lessons.plain.pane', { label, title: pane.view.title }), ...viewLines(pane.view).map((l) => `  ${l}`)];
}

/** What ran, indented: each primitive with its time (and errno), the action's output, live reads. */
export function ranLines(result: StepResult): string[] {
  const out = eventLines(result.events).map(
    (e) => `  ${e.text}  (${formatMs(e.durationMs)})${e.error ? `\n    ${t('lessons.plain.call-failed', e.error)}` : ''}`,
  );
  for (const line of result.output) out.push(`  | ${line}`);
  if (result.live?.length) {
    const reads = result.live.map((s) => ({ atMs: s.atMs, meters: s.view.meters ?? [] }));
    out.push(
      t('lessons.plain.live', { count: reads.length, title: result.live[0]!.view.title }),
      ...meterLines(reads).map((l) => `  ${l}`),
    );
  }
  return out;
}

/** The two panes' titles: `Host` and `Container`, or the containers they show. */
export function paneLabels(step: Step): { host: string; container: string } {
  return { host: step.host?.label ?? t('tui.lesson.host'), container: step.container?.label ?? t('tui.lesson.container') };
}

/** The differences between two comparable panes, in words (nothing when they cannot be compared). */
export function differenceLines(step: Step, host: Pane | undefined, inside: Pane | undefined): string[] {
  if (!host?.ok || !inside?.ok || !comparable(step.host, step.container)) return [];
  const labels = paneLabels(step);
  const where = {
    a: labels.host === t('tui.lesson.host') ? t('lessons.pane.on-host') : t('lessons.pane.in-named', { label: labels.host }),
    b:
      labels.container === t('tui.lesson.container')
        ? t('lessons.pane.in-container')
        : t('lessons.pane.in-named', { label: labels.container }),
  };
  const diffs = describeDifferences(host.view, inside.view, where);
  return [t(diffs.length ? 'lessons.plain.differs' : 'lessons.plain.same', labels), ...diffs.map((d) => `  ${d}`)];
}

export function plainStep(r: StepReport, total: number): string[] {
  const { step, result } = r;
  // A PID the step could not know (a reference to a process not started) is said in words.
  const out = [
    t('lessons.plain.step', { number: r.index + 1, total, title: step.title, id: step.id }),
    ...plainText(presentTemplate(result.text, {})),
  ];
  if (step.predict) {
    out.push(t('lessons.plain.predict', { question: step.predict.question }), ...step.predict.choices.map((c, i) => `  ${i + 1}) ${c}`));
  }
  if (step.yourTurn) out.push(t('lessons.plain.your-turn', { task: step.yourTurn.task }));
  out.push(t('lessons.plain.shell', { command: presentTemplate(result.shell, {}, true) }));
  if (step.docker) out.push(t('lessons.plain.docker', { command: step.docker }));
  const events = eventLines(result.events);
  out.push(
    t(
      events.length || result.output.length
        ? 'lessons.plain.ran'
        : result.status === 'skipped'
          ? 'lessons.plain.ran-skipped'
          : 'lessons.plain.ran-looks',
    ),
  );
  out.push(...ranLines(result));
  const labels = paneLabels(step);
  const host = r.check?.host ?? result.host;
  const inside = r.check?.container ?? result.container;
  out.push(...paneLines(labels.host, host), ...paneLines(labels.container, inside), ...differenceLines(step, host, inside));
  if (step.predict) {
    const choice = step.predict.choices[step.predict.answer] ?? '';
    out.push(
      t('lessons.plain.answer', { number: step.predict.answer + 1, choice, ends: sentenceEnd(choice), reveal: step.predict.reveal }),
    );
  }
  if (r.answer !== undefined)
    out.push(t('lessons.plain.checked', { answer: r.answer, ok: r.check?.ok ? 'yes' : 'no', message: r.check?.message || 'none' }));
  if (result.reverted) {
    out.push(
      t('lessons.plain.put-back'),
      ...eventLines(result.reverted.events).map((e) => `  ${e.text}`),
      ...result.reverted.output.map((l) => `  | ${l}`),
    );
    if (result.reverted.message) out.push(`  ${t('lessons.plain.put-back-failed', { message: result.reverted.message })}`);
  }
  out.push(
    t('lessons.plain.result', {
      status: result.status,
      time: formatMs(result.durationMs),
      message: result.message || 'none',
      hint: result.hint || 'none',
    }),
    '',
  );
  return out;
}

/**
 * The steps before a `--step` jump: one line saying what ran, quietly; if one failed, that line
 * and the failed step printed whole, where the run stops.
 */
export function plainFastForward(lesson: Lesson, ff: FastForward): string[] {
  if (!ff.stopped) return [fastForwardedLine({ indices: ff.steps.map((s) => s.index), durationMs: ff.durationMs }), ''];
  const { index, reason } = ff.stopped;
  const failed = ff.steps.find((s) => s.index === index);
  return [
    fastForwardStoppedLine({ index, stepId: lesson.steps[index]!.id, reason }),
    '',
    ...(failed ? plainStep({ ...failed, step: lesson.steps[index]! }, lesson.steps.length) : []),
  ];
}

/** Whether a choice already ends a sentence (so the answer line adds no full stop of its own). */
export function sentenceEnd(choice: string): 'sentence' | 'other' {
  return /[.!?。！？]$/.test(choice.trim()) ? 'sentence' : 'other';
}
