/**
 * Reading a process's cgroup files, on either side: which files hold the limits and the counters of
 * each controller, and what they say.
 *
 * The two cgroup versions name the same things differently, which is why a guide written for one
 * misleads on the other:
 *
 *   what                     v2 (one tree)                  v1 (a tree per controller)
 *   memory limit             memory.max                     memory.limit_in_bytes (+ memory.memsw.limit_in_bytes)
 *   memory in use            memory.current                 memory.usage_in_bytes
 *   OOM kills                memory.events  oom_kill        memory.oom_control  oom_kill
 *   limit reached            memory.events  max             (memory.failcnt: stays 0 with memsw limited)
 *   task limit / count       pids.max, pids.current         the same
 *   forks refused            pids.events  max               the same
 *   CPU quota                cpu.max  "50000 100000"        cpu.cfs_quota_us 50000, cpu.cfs_period_us 100000
 *   CPU time used            cpu.stat  usage_usec (µs)      cpuacct.usage (ns, in the cpuacct tree)
 *   throttled periods/time   cpu.stat  nr_throttled, throttled_usec   cpu.stat  nr_throttled, throttled_time (ns)
 *
 * Which version a controller uses on this host is read, never assumed: the hierarchy that carries it
 * (see cgroup-places.ts) says so. The reader is the host's or the container's.
 */
import { cgroupPlaces, placeOf } from './cgroup-places.js';
import type { CgroupPlace, CgroupTree } from './cgroup-places.js';
import path from 'node:path';
import type { ReadPattern, Reader, Snapshot } from './reader.js';
import type { Meter, Row } from './view.js';

export type Controller = 'memory' | 'pids' | 'cpu';
export const CONTROLLERS: readonly Controller[] = ['memory', 'pids', 'cpu'];

interface FileSpec {
  tree: CgroupTree;
  file: string;
  /** For a flat-keyed file (`oom_kill 1`): the keys to show. */
  keys?: readonly string[];
  part: 'limit' | 'counter';
  bytes?: boolean;
}

const PIDS: FileSpec[] = [
  { tree: 'pids', file: 'pids.max', part: 'limit' },
  { tree: 'pids', file: 'pids.current', part: 'counter' },
  { tree: 'pids', file: 'pids.events', keys: ['max'], part: 'counter' },
];

const FILES: Record<1 | 2, Record<Controller, FileSpec[]>> = {
  2: {
    memory: [
      { tree: 'memory', file: 'memory.max', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.swap.max', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.current', part: 'counter', bytes: true },
      { tree: 'memory', file: 'memory.events', keys: ['max', 'oom_kill'], part: 'counter' },
    ],
    pids: PIDS,
    cpu: [
      { tree: 'cpu', file: 'cpu.max', part: 'limit' },
      { tree: 'cpu', file: 'cpu.stat', keys: ['usage_usec', 'nr_periods', 'nr_throttled', 'throttled_usec'], part: 'counter' },
    ],
  },
  1: {
    memory: [
      { tree: 'memory', file: 'memory.limit_in_bytes', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.memsw.limit_in_bytes', part: 'limit', bytes: true },
      { tree: 'memory', file: 'memory.usage_in_bytes', part: 'counter', bytes: true },
      // memory.failcnt is left out: with memory+swap limited too, recent kernels (6.x) keep it at 0
      // through an OOM kill, which would read as "the limit was never hit".
      { tree: 'memory', file: 'memory.oom_control', keys: ['oom_kill'], part: 'counter' },
    ],
    pids: PIDS,
    cpu: [
      { tree: 'cpu', file: 'cpu.cfs_quota_us', part: 'limit' },
      { tree: 'cpu', file: 'cpu.cfs_period_us', part: 'limit' },
      { tree: 'cpu', file: 'cpu.stat', keys: ['nr_periods', 'nr_throttled', 'throttled_time'], part: 'counter' },
      { tree: 'cpuacct', file: 'cpuacct.usage', part: 'counter' },
    ],
  },
};

/** What one read found. */
export interface CgroupReading {
  /** The directories read, e.g. `/sys/fs/cgroup/{memory,pids,cpu,cpuacct}/container-lab/ab12c`. */
  where: string;
  /** One row per file (or key of a keyed file): [file, value]. */
  rows: Row[];
  meters: Meter[];
  /** Set when nothing could be read, saying why. */
  note?: string;
  /** Each controller's cgroup version here (absent when its tree is not mounted where the reader looks). */
  versions: Partial<Record<Controller, 1 | 2>>;
  /** The directory of each tree that is mounted where the reader looks. */
  dirs: Partial<Record<CgroupTree, string>>;
}

/** Where process `pid`'s cgroups are for this reader: /proc/<pid>/cgroup and the reader's own mountinfo. */
export async function readPlaces(reader: Reader, procRoot: string, pid: number, also: readonly ReadPattern[] = []): Promise<{ places: CgroupPlace[]; error?: string; snap: Snapshot }> {
  const cgroupFile = `${procRoot}/${pid}/cgroup`;
  const mountinfoFile = `${procRoot}/self/mountinfo`;
  const snap = await reader.read([{ path: cgroupFile, kind: 'file' }, { path: mountinfoFile, kind: 'file' }, ...also]);
  const cgroup = snap.files.get(cgroupFile);
  if (cgroup === undefined) return { places: [], error: `${cgroupFile}: ${snap.errors.get(cgroupFile) ?? 'could not be read'}`, snap };
  return { places: cgroupPlaces(cgroup, snap.files.get(mountinfoFile) ?? ''), snap };
}

/**
 * Where a container's own cgroup files are when it has them: at the top of /sys/fs/cgroup (v2) or
 * of one directory per tree below it (v1). A read from inside takes them along with
 * /proc/<pid>/cgroup, so the pane costs one command in the container instead of two.
 */
const INSIDE_ROOT = '/sys/fs/cgroup';

function insideGuesses(controllers: readonly Controller[]): ReadPattern[] {
  const names = new Set(controllers.flatMap((c) => [...FILES[1][c], ...FILES[2][c]].map((f) => f.file)));
  return [...names].flatMap((file) => [{ path: `${INSIDE_ROOT}/${file}`, kind: 'file' as const }, { path: `${INSIDE_ROOT}/*/${file}`, kind: 'file' as const }]);
}

function guessed(file: string): boolean {
  const dir = path.posix.dirname(file);
  return dir === INSIDE_ROOT || path.posix.dirname(dir) === INSIDE_ROOT;
}

/**
 * Reads the limit files (`part: 'limits'`), the counters, or both, of `controllers`, for process
 * `pid`'s cgroups as this reader finds them.
 */
export async function readCgroup(
  reader: Reader, procRoot: string, pid: number, controllers: readonly Controller[], part: 'limits' | 'counters' | 'both',
): Promise<CgroupReading> {
  const guesses = reader.side === 'container' ? insideGuesses(controllers) : [];
  const { places, error, snap: first } = await readPlaces(reader, procRoot, pid, guesses);
  const reading: CgroupReading = { where: `${procRoot}/${pid}/cgroup`, rows: [], meters: [], versions: {}, dirs: {} };
  if (error) return { ...reading, note: `${error}.` };
  const wanted: { spec: FileSpec; path: string }[] = [];
  for (const controller of controllers) {
    const place = placeOf(places, controller);
    if (!place?.dir) continue;
    reading.versions[controller] = place.version;
    for (const spec of FILES[place.version][controller]) {
      const dir = spec.tree === controller ? place.dir : placeOf(places, spec.tree)?.dir;
      if (dir === undefined) continue;
      reading.dirs[spec.tree] = dir;
      wanted.push({ spec, path: `${dir}/${spec.file}` });
    }
  }
  if (wanted.length === 0) {
    return { ...reading, note: `No cgroup filesystem holding ${controllers.join(', ')} is mounted where this side looks (its /proc/self/mountinfo lists none).` };
  }
  reading.where = directoryTitle(Object.values(reading.dirs));
  const rest = wanted.filter((w) => !(guesses.length > 0 && guessed(w.path)));
  const snap = rest.length === 0 ? first : await reader.read(rest.map((w) => ({ path: w.path, kind: 'file' as const })));
  if (snap !== first) for (const [p, text] of first.files) if (!snap.files.has(p)) snap.files.set(p, text);
  const values = new Map<string, string>();
  // Every file is read (the meters need the limits and the counters); the rows show the part asked for.
  for (const { spec, path } of wanted) {
    const text = snap.files.get(path);
    // Files a kernel or host does not have (memory.swap.max without swap accounting) are left out.
    if (text === undefined) continue;
    const shown = part === 'both' || `${spec.part}s` === part;
    if (!spec.keys) {
      values.set(spec.file, text.trim());
      if (shown) reading.rows.push({ key: spec.file, cells: [spec.file, withUnit(text.trim(), spec.bytes === true)] });
      continue;
    }
    const keyed = keyedValues(text);
    for (const key of spec.keys) {
      const value = keyed.get(key);
      if (value === undefined) continue;
      values.set(`${spec.file} ${key}`, value);
      if (shown) reading.rows.push({ key: `${spec.file} ${key}`, cells: [`${spec.file} ${key}`, value] });
    }
  }
  reading.meters = metersFrom(values);
  return reading;
}

function keyedValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined) out.set(key, value);
  }
  return out;
}

/** v1 prints "no limit" as a huge number (memory) or -1 (CPU quota); v2 prints `max`. */
function isUnlimited(raw: string): boolean {
  const n = Number(raw.split(' ')[0]);
  return raw.startsWith('max') || n === -1 || n >= 2 ** 62;
}

function withUnit(raw: string, bytes: boolean): string {
  if (isUnlimited(raw) && raw !== 'max') return `${raw} (no limit)`;
  const n = Number(raw);
  if (!bytes || !Number.isFinite(n) || raw === '') return raw;
  return n === 0 ? `${raw} (none)` : `${raw} (${formatBytes(n)})`;
}

/** `33554432` → `32.0 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

/** The same numbers as meters, under names that do not depend on the cgroup version. */
function metersFrom(values: Map<string, string>): Meter[] {
  const num = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const limit = (name: string): number | undefined => {
    const raw = values.get(name);
    return raw === undefined || isUnlimited(raw) ? undefined : num(name);
  };
  const meters: Meter[] = [];
  const add = (key: string, label: string, value: number | undefined, kind: Meter['kind'], unit: Meter['unit'], max?: number) => {
    if (value !== undefined) meters.push({ key, label, value, kind, unit, ...(max === undefined ? {} : { max }) });
  };
  const v2 = values.has('memory.max') || values.has('memory.current');
  add('memory.usage', v2 ? 'memory.current' : 'memory.usage_in_bytes', num(v2 ? 'memory.current' : 'memory.usage_in_bytes'), 'level', 'bytes', limit(v2 ? 'memory.max' : 'memory.limit_in_bytes'));
  add('memory.oom_kills', v2 ? 'memory.events oom_kill' : 'memory.oom_control oom_kill', num(v2 ? 'memory.events oom_kill' : 'memory.oom_control oom_kill'), 'total', 'count');
  if (v2) add('memory.limit_hits', 'memory.events max', num('memory.events max'), 'total', 'count');
  add('pids.current', 'pids.current', num('pids.current'), 'level', 'count', limit('pids.max'));
  add('pids.refused', 'pids.events max', num('pids.events max'), 'total', 'count');
  const usageUsec = num('cpu.stat usage_usec') ?? nsToUsec(num('cpuacct.usage'));
  add('cpu.usage', values.has('cpu.stat usage_usec') ? 'cpu.stat usage_usec' : 'cpuacct.usage', usageUsec, 'total', 'usec');
  add('cpu.throttled', 'cpu.stat nr_throttled', num('cpu.stat nr_throttled'), 'total', 'count');
  const throttled = num('cpu.stat throttled_usec') ?? nsToUsec(num('cpu.stat throttled_time'));
  add('cpu.throttled_time', values.has('cpu.stat throttled_usec') ? 'cpu.stat throttled_usec' : 'cpu.stat throttled_time', throttled, 'total', 'usec');
  return meters;
}

function nsToUsec(ns: number | undefined): number | undefined {
  return ns === undefined ? undefined : Math.round(ns / 1000);
}

/**
 * One title for several directories that differ in one place:
 * `/sys/fs/cgroup/{memory,pids,cpu}/container-lab/ab12c`.
 */
export function directoryTitle(dirs: readonly string[]): string {
  const unique = [...new Set(dirs)];
  if (unique.length <= 1) return `${unique[0] ?? ''}/`;
  const split = unique.map((d) => d.split('/'));
  const shortest = Math.min(...split.map((s) => s.length));
  let head = 0;
  while (head < shortest && split.every((s) => s[head] === split[0]![head])) head++;
  let tail = 0;
  while (tail < shortest - head && split.every((s) => s[s.length - 1 - tail] === split[0]![split[0]!.length - 1 - tail])) tail++;
  const middles = split.map((s) => s.slice(head, s.length - tail).join('/'));
  const prefix = split[0]!.slice(0, head).join('/');
  const suffix = split[0]!.slice(split[0]!.length - tail).join('/');
  return `${prefix}/{${middles.join(',')}}${suffix ? `/${suffix}` : ''}/`;
}
