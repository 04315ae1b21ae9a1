/**
 * Meters drawn as text, for a pane that is read again and again while a step runs: a bar for a
 * level that has a ceiling (memory in use against memory.max), a sparkline for a level without
 * one, and for a counter that only grows (CPU time, throttled periods) a sparkline of how much it
 * grew between two reads. Pure: the TUI and the plain runner draw the same lines.
 *
 * A sparkline is made of reads, and says so: the highest of them is not the peak. Memory charged
 * and freed between two reads (an allocator killed at the limit) never shows in it. The kernel
 * keeps the true peak itself (memory.peak, memory.max_usage_in_bytes), drawn as its own bar:
 *
 *   memory.current
 *     ██████████████████░░░░░░ 27.1 MiB of 32.0 MiB
 *     ▁▂▃▄▅▆▇ 7 reads, highest 27.1 MiB
 *   memory.peak
 *     ████████████████████████ 32.0 MiB, kept by the kernel
 *   memory.events oom_kill
 *     ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█ 1 (+1)
 */
import { t } from '../i18n/index.js';
import { textWidth } from '../i18n/text-width.js';
import type { Meter } from './view.js';
import { formatBytes } from './cgroup-read.js';

/** One read of a live probe: when (ms since the step started) and the meters it found. */
export interface MeterSample {
  atMs: number;
  meters: readonly Meter[];
}

const TICKS = '▁▂▃▄▅▆▇█';

/** A sparkline of `values`, scaled so that `top` is a full block. */
export function sparkline(values: readonly number[], top: number): string {
  const scale = top > 0 ? top : 1;
  return values.map((v) => TICKS[Math.max(0, Math.min(TICKS.length - 1, Math.round((v / scale) * (TICKS.length - 1))))]).join('');
}

/** A bar `width` cells wide, filled to `fraction` (0..1). */
export function bar(fraction: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return '█'.repeat(full) + '░'.repeat(width - full);
}

function amount(value: number, unit: Meter['unit']): string {
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'usec') return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(2)} s` : `${Math.round(value / 1000)} ms`;
  return String(value);
}

/** How much a counter grew per second between consecutive reads. */
function rates(series: readonly { atMs: number; value: number }[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < series.length; i++) {
    const dt = (series[i]!.atMs - series[i - 1]!.atMs) / 1000;
    out.push(dt > 0 ? Math.max(0, series[i]!.value - series[i - 1]!.value) / dt : 0);
  }
  return out;
}

type Point = { atMs: number; value: number };

/** A level with a ceiling: now, as a bar against it; then every read so far, and the highest read. */
function levelAgainstLimit(meter: Meter, max: number, series: readonly Point[], width: number): string[] {
  const text = t('probes.meter.of-limit', { value: amount(meter.value, meter.unit), max: amount(max, meter.unit) });
  const lines = [`  ${bar(meter.value / max, Math.max(8, width - 3 - textWidth(text)))} ${text}`];
  if (series.length < 2) return lines;
  const highest = t('probes.meter.reads', { count: series.length, highest: amount(Math.max(...series.map((p) => p.value)), meter.unit) });
  const values = series.slice(-Math.max(4, width - 3 - textWidth(highest))).map((p) => p.value);
  return [...lines, `  ${sparkline(values, max)} ${highest}`];
}

/** The kernel's own peak: one bar, against the ceiling when there is one. */
function kernelPeak(meter: Meter, width: number): string[] {
  const text = t('probes.meter.kernel-peak', { value: amount(meter.value, meter.unit) });
  if (meter.max === undefined) return [`  ${text}`];
  return [`  ${bar(meter.value / meter.max, Math.max(8, width - 3 - textWidth(text)))} ${text}`];
}

/** A level without a ceiling: every read so far, against its own peak. */
function level(meter: Meter, series: readonly Point[], width: number): string[] {
  const text = amount(meter.value, meter.unit);
  const values = series.slice(-Math.max(4, width - 3 - text.length)).map((p) => p.value);
  return [`  ${sparkline(values, Math.max(...values))} ${text}`];
}

/** A counter that only grows: how much it grew per second between reads, and its value. */
function total(meter: Meter, series: readonly Point[], width: number): string[] {
  const perSecond = rates(series);
  const now = perSecond[perSecond.length - 1];
  const first = series[0]?.value ?? meter.value;
  const text =
    meter.unit === 'usec'
      ? `${amount(meter.value, 'usec')}${now === undefined ? '' : `, +${Math.round(now / 1000)} ms/s`}`
      : `${meter.value}${meter.value !== first ? ` (+${meter.value - first})` : ''}`;
  const values = perSecond.slice(-Math.max(4, width - 3 - text.length));
  if (values.length === 0) return [`  ${text}`];
  // CPU time is drawn against one whole CPU (1 000 000 µs per second), counts against their peak.
  return [`  ${sparkline(values, meter.unit === 'usec' ? Math.max(1_000_000, ...values) : Math.max(...values))} ${text}`];
}

/** For each meter of the latest read: its label, then its drawing, `width` columns wide. */
export function meterLines(samples: readonly MeterSample[], width = 44): string[] {
  const last = samples[samples.length - 1];
  if (!last) return [];
  return last.meters.flatMap((meter) => {
    const series = samples.flatMap((s) => s.meters.filter((m) => m.key === meter.key).map((m) => ({ atMs: s.atMs, value: m.value })));
    if (meter.kind === 'total') return [meter.label, ...total(meter, series, width)];
    if (meter.kind === 'peak') return [meter.label, ...kernelPeak(meter, width)];
    if (meter.max !== undefined) return [meter.label, ...levelAgainstLimit(meter, meter.max, series, width)];
    return [meter.label, ...level(meter, series, width)];
  });
}
