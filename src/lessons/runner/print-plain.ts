/**
 * `--plain`: a lesson as plain text, for screen readers, notes and CI logs. No colour, no boxes;
 * every pane is printed with its title (the exact file or command it shows) and the differences
 * spelled out in words.
 */
import { describeDifferences } from '../../probes/index.js';
import { meterLines } from '../../probes/meter-lines.js';
import type { View } from '../../probes/index.js';
import type { FastForward } from '../engine/fast-forward.js';
import { fastForwardedLine, fastForwardStoppedLine } from '../engine/fast-forward-text.js';
import type { Pane, StepResult } from '../engine/results.js';
import { comparable } from '../pane-pair.js';
import { eventLines, formatMs } from '../event-lines.js';
import { plainText } from '../markdown.js';
import { presentTemplate } from '../templates.js';
import type { Lesson, Step } from '../types.js';
import type { StepReport } from './drive.js';

export function plainHeader(lesson: Lesson): string[] {
  return [`Lesson ${lesson.order}: ${lesson.title}`, lesson.summary, '', ...plainText(lesson.intro), ''];
}

/** A view as aligned text columns. */
export function viewLines(view: View): string[] {
  const table = view.columns ? [view.columns, ...view.rows.map((r) => r.cells)] : view.rows.map((r) => r.cells);
  const widths: number[] = [];
  for (const cells of table)
    cells.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  const lines = table.map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  return view.note ? [...lines, view.note] : lines;
}

function paneLines(label: string, pane: Pane | undefined): string[] {
  if (!pane) return [];
  if (!pane.ok) return [`${label}: ${pane.reason}`];
  return [`${label}: ${pane.view.title}`, ...viewLines(pane.view).map((l) => `  ${l}`)];
}

/** What ran, indented: each primitive with its time (and errno), the action's output, live reads. */
export function ranLines(result: StepResult): string[] {
  const out = eventLines(result.events).map(
    (e) => `  ${e.text}  (${formatMs(e.durationMs)})${e.error ? `\n    ${e.error.code}: ${e.error.text}. ${e.error.hint}` : ''}`,
  );
  for (const line of result.output) out.push(`  | ${line}`);
  if (result.live?.length) {
    const reads = result.live.map((s) => ({ atMs: s.atMs, meters: s.view.meters ?? [] }));
    out.push(`Live: ${reads.length} reads of ${result.live[0]!.view.title} while it ran:`, ...meterLines(reads).map((l) => `  ${l}`));
  }
  return out;
}

/** The two panes' titles: `Host` and `Container`, or the containers they show. */
export function paneLabels(step: Step): { host: string; container: string } {
  return { host: step.host?.label ?? 'Host', container: step.container?.label ?? 'Container' };
}

/** The differences between two comparable panes, in words (nothing when they cannot be compared). */
export function differenceLines(step: Step, host: Pane | undefined, inside: Pane | undefined): string[] {
  if (!host?.ok || !inside?.ok || !comparable(step.host, step.container)) return [];
  const labels = paneLabels(step);
  const where = {
    a: labels.host === 'Host' ? 'on the host' : `in ${labels.host}`,
    b: labels.container === 'Container' ? 'in the container' : `in ${labels.container}`,
  };
  const diffs = describeDifferences(host.view, inside.view, where);
  return [
    diffs.length ? `Differs (${labels.host} ⟷ ${labels.container}):` : `${labels.host} and ${labels.container} show the same.`,
    ...diffs.map((d) => `  ${d}`),
  ];
}

export function plainStep(r: StepReport, total: number): string[] {
  const { step, result } = r;
  // A PID the step could not know (a reference to a process not started) is said in words.
  const out = [`Step ${r.index + 1} of ${total}: ${step.title}  [${step.id}]`, ...plainText(presentTemplate(result.text, {}))];
  if (step.predict) {
    out.push(`Predict: ${step.predict.question}`, ...step.predict.choices.map((c, i) => `  ${i + 1}) ${c}`));
  }
  if (step.yourTurn) out.push(`Your turn: ${step.yourTurn.task}`);
  out.push(`Shell: ${presentTemplate(result.shell, {}, true)}`);
  if (step.docker) out.push(`Docker: ${step.docker}`);
  const events = eventLines(result.events);
  out.push(
    events.length || result.output.length
      ? 'Ran:'
      : result.status === 'skipped'
        ? 'Ran: nothing (this host cannot run this step: see the result below).'
        : 'Ran: nothing (this step only looks).',
  );
  out.push(...ranLines(result));
  const labels = paneLabels(step);
  const host = r.check?.host ?? result.host;
  const inside = r.check?.container ?? result.container;
  out.push(...paneLines(labels.host, host), ...paneLines(labels.container, inside), ...differenceLines(step, host, inside));
  if (step.predict) out.push(`Answer: ${step.predict.answer + 1}) ${step.predict.choices[step.predict.answer]}. ${step.predict.reveal}`);
  if (r.answer !== undefined)
    out.push(`Answer given by --solve: ${r.answer}. Check: ${r.check?.ok ? 'passed' : 'failed'}. ${r.check?.message ?? ''}`.trimEnd());
  if (result.reverted) {
    out.push(
      'Put back by the lab:',
      ...eventLines(result.reverted.events).map((e) => `  ${e.text}`),
      ...result.reverted.output.map((l) => `  | ${l}`),
    );
    if (result.reverted.message) out.push(`  failed: ${result.reverted.message}`);
  }
  const status = { done: 'done', failed: 'FAILED', skipped: 'skipped', cancelled: 'cancelled' }[result.status];
  out.push(
    `Result: ${status} in ${formatMs(result.durationMs)}.${result.message ? ` ${result.message}` : ''}${result.hint ? ` Hint: ${result.hint}` : ''}`,
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
