/**
 * What the numbers in cgroup files mean: "no limit" as each version spells it, sizes in bytes for
 * people, and the meters a live pane draws, named the same whatever file they came from.
 */
import { t } from '../i18n/index.js';
import { isNoLimit } from '../cgroups/parse.js';
import { formatBytes } from '../cgroups/size.js';
import type { Meter } from './view.js';

/** A value as the file says it, with what it means for people: `33554432 (32.0 MiB)`, `-1 (no limit)`. */
export function withUnit(raw: string, bytes: boolean): string {
  if (isNoLimit(raw) && raw !== 'max') return t('probes.cell.no-limit', { raw });
  const n = Number(raw);
  if (!bytes || !Number.isFinite(n) || raw === '') return raw;
  return n === 0 ? t('probes.cell.zero-bytes', { raw }) : `${raw} (${formatBytes(n)})`;
}

/** The same numbers as meters, under names that do not depend on the cgroup version. */
export function metersFrom(values: Map<string, string>): Meter[] {
  const num = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const limit = (name: string): number | undefined => {
    const raw = values.get(name);
    return raw === undefined || isNoLimit(raw) ? undefined : num(name);
  };
  const meters: Meter[] = [];
  const add = (key: string, label: string, value: number | undefined, kind: Meter['kind'], unit: Meter['unit'], max?: number) => {
    if (value !== undefined) meters.push({ key, label, value, kind, unit, ...(max === undefined ? {} : { max }) });
  };
  const v2 = values.has('memory.max') || values.has('memory.current');
  const memoryLimit = limit(v2 ? 'memory.max' : 'memory.limit_in_bytes');
  add(
    'memory.usage',
    v2 ? 'memory.current' : 'memory.usage_in_bytes',
    num(v2 ? 'memory.current' : 'memory.usage_in_bytes'),
    'level',
    'bytes',
    memoryLimit,
  );
  const peak = v2 ? 'memory.peak' : 'memory.max_usage_in_bytes';
  add('memory.peak', peak, num(peak), 'peak', 'bytes', memoryLimit);
  add(
    'memory.oom_kills',
    v2 ? 'memory.events oom_kill' : 'memory.oom_control oom_kill',
    num(v2 ? 'memory.events oom_kill' : 'memory.oom_control oom_kill'),
    'total',
    'count',
  );
  if (v2) add('memory.limit_hits', 'memory.events max', num('memory.events max'), 'total', 'count');
  add('pids.current', 'pids.current', num('pids.current'), 'level', 'count', limit('pids.max'));
  add('pids.refused', 'pids.events max', num('pids.events max'), 'total', 'count');
  const usageUsec = num('cpu.stat usage_usec') ?? nsToUsec(num('cpuacct.usage'));
  add('cpu.usage', values.has('cpu.stat usage_usec') ? 'cpu.stat usage_usec' : 'cpuacct.usage', usageUsec, 'total', 'usec');
  add('cpu.throttled', 'cpu.stat nr_throttled', num('cpu.stat nr_throttled'), 'total', 'count');
  const throttled = num('cpu.stat throttled_usec') ?? nsToUsec(num('cpu.stat throttled_time'));
  add(
    'cpu.throttled_time',
    values.has('cpu.stat throttled_usec') ? 'cpu.stat throttled_usec' : 'cpu.stat throttled_time',
    throttled,
    'total',
    'usec',
  );
  return meters;
}

function nsToUsec(ns: number | undefined): number | undefined {
  return ns === undefined ? undefined : Math.round(ns / 1000);
}
