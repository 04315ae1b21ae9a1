/**
 * cgroup claims against the cgroup files themselves, read while the lab waits at the step gate:
 * the mode pane's mounts (findmnt), which cgroup a process is in (its PID in that cgroup's
 * cgroup.procs), each limit and counter a pane or an output line shows.
 *
 * Limits and event counters (oom_kill, pids.events max) must be exact: nothing runs between the
 * pane's read and the gate. CPU time and high-water marks only grow, so a shown value may not
 * exceed the file's: a peak can rise after the host pane's read, because the container pane is read
 * by a process inside the cgroup (seen on the v2 guest: memory.peak 768 KiB shown, 932 KiB at the
 * gate). Memory and task levels move by themselves (the reader's own process counts), so they are
 * not compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mountsOf } from '../tools.js';
import type { Mount } from '../tools.js';
import { checkRows } from './gate.js';
import type { Gate, PaneRecord } from './gate.js';

const LEVEL = /(?<!max_)usage_in_bytes|memory\.current|pids\.current|memory\.stat|memory\.swap\.current/;
const GROWS = /cpuacct\.usage|usage_usec|nr_periods|nr_throttled|throttled_time|throttled_usec|memory\.peak|max_usage_in_bytes/;

function cgroupMounts(gate: Gate): Mount[] {
  return mountsOf(gate.labPid).filter((m) => m.fstype === 'cgroup' || m.fstype === 'cgroup2');
}

export function checkCgroupMode(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'mount point,type,controllers') return false;
  checkRows(
    gate,
    'cgroup',
    pane,
    pane.rows ?? [],
    () => cgroupMounts(gate),
    (row, mounts) => {
      const [target, type, controllers] = row.cells;
      const m = mounts.find((x) => x.target === target && x.fstype === type);
      if (!m) return `findmnt: no ${type} mount at ${target}`;
      const listed =
        type === 'cgroup2'
          ? fs.readFileSync(path.join(target!, 'cgroup.controllers'), 'utf8').trim().split(/\s+/).filter(Boolean)
          : m.options.split(',');
      const missing = (controllers ?? '').split(/[ ,]+/).filter((c) => c && !listed.includes(c));
      return missing.length ? `${type === 'cgroup2' ? 'cgroup.controllers' : 'findmnt options'}: ${listed.join(',')}` : undefined;
    },
    (row) => row.cells.join(' '),
  );
  return true;
}

/** `/proc/PID/cgroup` as the host reads it: PID must be listed in each cgroup's cgroup.procs. */
export function checkCgroupMembership(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'hierarchy,cgroup') return false;
  if (pane.side === 'container') {
    gate.tally.notChecked('cgroup paths as a cgroup namespace shows them (checked from the host side)', pane.rows?.length ?? 0);
    return true;
  }
  const mounts = cgroupMounts(gate);
  checkRows(
    gate,
    'cgroup',
    pane,
    pane.rows ?? [],
    (pid) => pid,
    (row, pid) => {
      const controllers = row.cells[0]!.split(':')[1] ?? '';
      const m = controllers
        ? mounts.find((x) => x.fstype === 'cgroup' && controllers.split(',').every((c) => x.options.split(',').includes(c)))
        : mounts.find((x) => x.fstype === 'cgroup2');
      if (!m) return `findmnt: no cgroup mount holds ${controllers || 'the v2 tree'}`;
      const procs = path.join(m.target, row.cells[1]!, 'cgroup.procs');
      let listed: string[] = [];
      try {
        listed = fs.readFileSync(procs, 'utf8').split('\n');
      } catch {
        return `${procs} does not exist`;
      }
      return listed.includes(String(pid)) ? undefined : `${procs} does not list ${pid}`;
    },
    (row) => row.cells.join(' '),
  );
  return true;
}

/** The directories a cgroup-files title names: `/sys/fs/cgroup/{cpu,cpuacct}/x/` → two. */
function expand(title: string): string[] {
  const m = title.match(/^(.*)\{([^}]*)\}(.*)$/);
  return m ? m[2]!.split(',').map((part) => `${m[1]}${part}${m[3]}`) : [title];
}

/** A value as the file holds it: `33554432 (32.0 MiB)` → `33554432`, `max 100000 (no limit)` → `max 100000`. */
const withoutNote = (shown: string) => shown.replace(/\s*\(.*\)$/, '').trim();

/** What a file (or one key of a flat-keyed file) holds now, or undefined. */
function readValue(dirs: string[], file: string, key?: string): string | undefined {
  for (const dir of dirs) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, file), 'utf8');
    } catch {
      continue;
    }
    if (!key) return text.trim().split('\n')[0];
    return text
      .split('\n')
      .find((l) => l.startsWith(`${key} `))
      ?.split(' ')[1];
  }
  return undefined;
}

function compare(label: string, shown: string, actual: string | undefined): string | undefined {
  if (actual === undefined) return `${label}: no such file or key`;
  if (GROWS.test(label)) return Number(shown) <= Number(actual) ? undefined : `${label} is ${actual}, less than shown`;
  return shown === actual || (shown === 'max' && actual === 'max') ? undefined : `${label} is ${actual}`;
}

/** The host directories of a pane's cgroup files: its title, or, inside, each running container's cgroup. */
function paneDirs(pane: PaneRecord, gate: Gate): { pid: number; dirs: string[] }[] {
  const title = pane.title.replace(/\s.*$/, '');
  if (pane.side === 'host') return [{ pid: gate.labPid, dirs: expand(title) }];
  return gate.containers.map((c) => ({ pid: c.pid, dirs: expand(title).map((d) => path.join(d, gate.cgroupParent, c.id)) }));
}

export function checkCgroupFiles(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'file,value' || !pane.title.startsWith('/sys/fs/cgroup')) return false;
  const rows = (pane.rows ?? []).filter((r) => !LEVEL.test(r.cells[0]!));
  gate.tally.notChecked('memory and task levels (they move by themselves)', (pane.rows?.length ?? 0) - rows.length);
  const places = paneDirs(pane, gate);
  checkRows(
    gate,
    'cgroup',
    pane,
    rows,
    (pid) => places.find((p) => p.pid === pid)!.dirs,
    (row, dirs) => {
      const [file, key] = row.cells[0]!.split(' ');
      return compare(row.cells[0]!, withoutNote(row.cells[1]!), readValue(dirs, file!, key));
    },
    (row) => row.cells.join(' '),
    places.map((p) => p.pid),
  );
  return true;
}

const CHANGE = /^((?:memory|pids|cpu|cpuacct|io|blkio)\.[\w.]+)(?: ([a-z_]+))?: \S+(?: s)? → ([\d.]+)( s)?/;
const NOW = /^((?:memory|pids|cpu|cpuacct|io|blkio)\.[\w.]+)(?: ([a-z_]+))? now says (.+)$/;

/** Output lines such as `pids.events max: 0 → 32` or `memory.max now says 33554432`. */
export function checkCgroupLines(lines: string[], gate: Gate): void {
  const mounts = cgroupMounts(gate);
  for (const line of lines) {
    const m = line.match(CHANGE) ?? line.match(NOW);
    if (!m) continue;
    const [, file, key, value, seconds] = m;
    const label = key ? `${file} ${key}` : file!;
    let best: string | undefined = 'no running lab container has this file';
    for (const c of gate.containers) {
      const dirs = mounts.map((x) => path.join(x.target, gate.cgroupParent, c.id));
      let actual = readValue(dirs, file!, key);
      // Seconds on screen; nanoseconds (v1) or microseconds (v2, *_usec) in the file.
      if (seconds && actual !== undefined) actual = (Number(actual) / (/usec/.test(label) ? 1e6 : 1e9) + 0.005).toFixed(2);
      best = compare(label, withoutNote(value!), actual);
      if (best === undefined) break;
    }
    if (best === undefined) gate.tally.agree('cgroup');
    else gate.tally.disagree('cgroup', gate.step, line, best);
  }
}
