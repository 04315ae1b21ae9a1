/**
 * The Host pane of a `live:` step: while the step runs, the meters of the latest read (a bar for
 * memory in use against its limit, sparklines for counters), redrawn at each read; once it has
 * run, the same meters over the whole run above the pane's table, so the peak and the jump of a
 * counter stay on screen.
 */
import type { StepResult } from '../lessons/engine/results.js';
import type { MeterSample } from '../probes/meter-lines.js';
import { meterLines } from '../probes/meter-lines.js';
import { cut, plain } from './line.js';
import type { Line } from './line.js';
import { t } from '../i18n/index.js';
import type { PaneLines } from './view-lines.js';

function meters(samples: readonly MeterSample[], width: number): Line[] {
  return meterLines(samples, width - 2).map((text) => cut(plain(text, text.startsWith('  ') ? 'code' : 'muted'), width));
}

/** While running: the latest reads; the title says how often, then where they come from. */
export function runningPane(samples: readonly MeterSample[], title: string, everyMs: number, width: number): PaneLines {
  return {
    title: cut(
      [
        { text: t('tui.lesson.host'), tone: 'heading' },
        { text: t('tui.pane.live', { ms: everyMs, title }), tone: 'muted' },
      ],
      width,
    ),
    body: samples.length ? meters(samples, width) : [plain(t('tui.pane.reading'), 'muted')],
  };
}

/**
 * After the run: the meters over every read, then the pane as read at the end. The meters are what
 * a `live:` step is about: they stay when rows run short.
 */
export function afterRunPane(result: StepResult | undefined, base: PaneLines, width: number): PaneLines {
  const samples = result?.live?.map((s) => ({ atMs: s.atMs, meters: s.view.meters ?? [] })) ?? [];
  if (samples.length === 0) return base;
  const drawn = meters(samples, width);
  return { ...base, body: [...drawn, ...base.body], keep: [...drawn.map(() => true), ...(base.keep ?? base.body.map(() => false))] };
}
