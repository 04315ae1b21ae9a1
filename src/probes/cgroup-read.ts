/**
 * Reading a process's cgroup files, on either side: find its cgroups (cgroup-places.ts), pick the
 * files its cgroup version uses (cgroup-file-names.ts), read them, and turn them into rows and
 * meters (cgroup-values.ts). Which version a controller uses on this host is read, never assumed:
 * the hierarchy that carries it says so. The reader is the host's or the container's.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { FILES } from './cgroup-file-names.js';
import type { Controller, FileSpec } from './cgroup-file-names.js';
import { cgroupPlaces, placeOf } from './cgroup-places.js';
import type { CgroupPlace, CgroupTree } from './cgroup-places.js';
import { parseKeyedText } from '../cgroups/parse.js';
import { metersFrom, withUnit } from './cgroup-values.js';
import type { ReadPattern, Reader, Snapshot } from './reader.js';
import type { Meter, Row } from './view.js';

export type { Controller } from './cgroup-file-names.js';
export { CONTROLLERS } from './cgroup-file-names.js';
export { formatBytes } from '../cgroups/size.js';

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
export async function readPlaces(
  reader: Reader,
  procRoot: string,
  pid: number,
  also: readonly ReadPattern[] = [],
): Promise<{ places: CgroupPlace[]; error?: string; snap: Snapshot }> {
  const cgroupFile = `${procRoot}/${pid}/cgroup`;
  const mountinfoFile = `${procRoot}/self/mountinfo`;
  const snap = await reader.read([{ path: cgroupFile, kind: 'file' }, { path: mountinfoFile, kind: 'file' }, ...also]);
  const cgroup = snap.files.get(cgroupFile);
  if (cgroup === undefined)
    return {
      places: [],
      error: t('probes.file-error', { path: cgroupFile, error: snap.errors.get(cgroupFile) ?? t('probes.unreadable') }),
      snap,
    };
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
  return [...names].flatMap((file) => [
    { path: `${INSIDE_ROOT}/${file}`, kind: 'file' as const },
    { path: `${INSIDE_ROOT}/*/${file}`, kind: 'file' as const },
  ]);
}

function isGuess(file: string): boolean {
  const dir = path.posix.dirname(file);
  return dir === INSIDE_ROOT || path.posix.dirname(dir) === INSIDE_ROOT;
}

/**
 * Reads the limit files (`part: 'limits'`), the counters, or both, of `controllers`, for process
 * `pid`'s cgroups as this reader finds them.
 */
export async function readCgroup(
  reader: Reader,
  procRoot: string,
  pid: number,
  controllers: readonly Controller[],
  part: 'limits' | 'counters' | 'both',
): Promise<CgroupReading> {
  const guesses = reader.side === 'container' ? insideGuesses(controllers) : [];
  const { places, error, snap: first } = await readPlaces(reader, procRoot, pid, guesses);
  if (error) return { where: `${procRoot}/${pid}/cgroup`, rows: [], meters: [], versions: {}, dirs: {}, note: error };
  const reading = await readCgroupAt(reader, places, controllers, part, guesses.length > 0 ? first : undefined);
  // Nothing mounted where this side looks: the file that said where to look is the title.
  return reading.where ? reading : { ...reading, where: `${procRoot}/${pid}/cgroup` };
}

/**
 * The same, in cgroups found before. A cgroup outlives its processes: its files can still be read
 * once the process it was found through has died (after an OOM kill of the container's PID 1).
 * `guessed` is a snapshot that already holds the files at the guessed inside paths.
 */
export async function readCgroupAt(
  reader: Reader,
  places: readonly CgroupPlace[],
  controllers: readonly Controller[],
  part: 'limits' | 'counters' | 'both',
  guessed?: Snapshot,
): Promise<CgroupReading> {
  const reading: CgroupReading = { where: '', rows: [], meters: [], versions: {}, dirs: {} };
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
    return {
      ...reading,
      note: t('probes.cgroup.not-mounted-here', { controllers: controllers.join(', ') }),
    };
  }
  reading.where = directoryTitle(Object.values(reading.dirs));
  const rest = wanted.filter((w) => !(guessed && isGuess(w.path)));
  const snap = guessed && rest.length === 0 ? guessed : await reader.read(rest.map((w) => ({ path: w.path, kind: 'file' as const })));
  if (guessed && snap !== guessed) for (const [p, text] of guessed.files) if (!snap.files.has(p)) snap.files.set(p, text);
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
    const keyed = parseKeyedText(text);
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
