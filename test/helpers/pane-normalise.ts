/**
 * Two runs of the same step on the same machine show panes that differ in values no run can fix:
 * the kernel hands out new PIDs, namespace and file inodes, device numbers, link indexes and MAC
 * addresses each time, the lab names containers and veths at random, and counters of time and
 * memory move with the scheduler and with whatever else the machine runs. This rewrites exactly
 * those values, and nothing else, so "a jump shows what a walk shows" can be checked cell by cell.
 *
 * Identities (a PID, an inode, a link) are renamed in order of first appearance within one step's
 * panes (`<pid1>`, `<pid2>`…), so the structure is kept: the PID in a pane's title must still be the
 * one in its `Pid` row, and two panes naming the same namespace still name the same one. Counters
 * keep whether they are zero. Each rule says why the value legitimately differs between two runs.
 */
import type { Pane } from '../../src/lessons/engine/results.js';
import type { Meter, View } from '../../src/probes/view.js';

/** Counters that move with the scheduler, the page cache or other processes on the machine. */
const COUNTERS = new Set([
  // Memory in use and its high-water mark: page cache and kernel allocations differ run to run
  // (two walks read 708 KiB and 1.6 MiB after the same step; peaks 49.3 and 49.1 MiB).
  'memory.usage_in_bytes',
  'memory.max_usage_in_bytes',
  'memory.current',
  'memory.peak',
  // CPU time depends on how the two cores are shared at that moment.
  'cpuacct.usage',
  'cpu.stat usage_usec',
  'cpu.stat user_usec',
  'cpu.stat system_usec',
  // Host-wide: how many processes the whole machine runs (other programs come and go).
  'processes visible',
  // OOM kills: 1 in most runs, 2 in some under load. The kernel's log of such a run (CI, 2026-12-06)
  // shows why: tail was killed, and when head asked for its next pipe page tail's pages were
  // unmapped (the second report's rss: 212 KiB) but not yet uncharged (usage still 32768 kB), so
  // the OOM killer picked again, the workload's shell. The lab reports both; the count is the
  // kernel's race, not the lab's. v2's `max` counts every time usage hit the limit, as often as
  // reclaim was tried.
  'memory.oom_control oom_kill',
  'memory.events oom_kill',
  'memory.events max',
]);

/**
 * CFS counts 100 ms periods: a read that lands a few milliseconds earlier or later sees one period
 * (or throttle) more or fewer, none at all just after the quota was written. Only "a number" is kept.
 */
const PERIODS = new Set(['cpu.stat nr_periods', 'cpu.stat nr_throttled', 'cpu.stat throttled_time', 'cpu.stat throttled_usec']);

/** Fields that hold PIDs. */
const PID_FIELDS = new Set(['PID', 'PPID', 'Pid', 'PPid', 'Tgid', 'NSpid', 'highest PID']);

/**
 * PIDs inside a container other than 1: PID 1's shell forks its `sleep` while the lab's first reads
 * run inside, and which of them gets the next PID depends on the scheduler (12 in one run, 13 in
 * the next). PID 1 (and 0, no parent) are the same in every run, and kept.
 */
function innerPid(pid: string, r: Renamer): string {
  return pid === '1' || pid === '0' ? pid : r.name('inpid', pid);
}

/** Renames the values of one kind consistently: the first seen becomes `<kind1>`, and so on. */
class Renamer {
  private readonly seen = new Map<string, Map<string, string>>();
  name(kind: string, value: string): string {
    const names = this.seen.get(kind) ?? new Map<string, string>();
    this.seen.set(kind, names);
    const name = names.get(value) ?? `<${kind}${names.size + 1}>`;
    names.set(value, name);
    return name;
  }
}

/** Rewrites the values in free text (titles, notes, cells) that are identities handed out per run. */
function text(s: string, side: 'host' | 'container', r: Renamer, linkPrefix: string): string {
  let out = s;
  // Host PIDs inside paths (`/proc/48213/status`); inside the container `/proc/1` is PID 1 every time.
  if (side === 'host') out = out.replace(/\/proc\/(\d+)\//g, (_, pid: string) => `/proc/${r.name('pid', pid)}/`);
  // Namespace inodes: every new namespace gets a new one (`pid:[4026532174]`).
  out = out.replace(/\b([a-z_]+):\[(\d+)\]/g, (_, kind: string, ino: string) => `${kind}:[${r.name('ns', ino)}]`);
  // Container ids are random (`container-lab-t9/5a1f8`), in cgroup paths and state directories.
  out = out.replace(
    /(container-lab[\w-]*\/(?:containers\/)?)([0-9a-f]{5})\b/g,
    (_, dir: string, id: string) => `${dir}${r.name('cid', id)}`,
  );
  // veth names end in random hex (`clab9ve6d74`); the bridge (`clab90`) keeps its name.
  out = out.replace(new RegExp(`\\b${linkPrefix}[a-z][0-9a-f]{5}\\b`, 'g'), (name) => r.name('link', name));
  // Interface indexes count up across the machine (`#1481`, `peer #1483`).
  out = out.replace(/#(\d+)/g, (_, index: string) => `#${r.name('ifindex', index)}`);
  // MAC addresses of veths are random, and so are IPv6 link-local addresses made from them.
  out = out.replace(/\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, (mac) => r.name('mac', mac));
  out = out.replace(/\bfe80::[0-9a-f:]+/g, (addr) => r.name('ll', addr));
  return out;
}

/** A counter's value as what stays the same between runs: whether it is zero. */
function counter(cell: string): string {
  return /^0\b/.test(cell.trim()) ? '0' : '<positive>';
}

function cell(value: string, heading: string | undefined, side: 'host' | 'container', r: Renamer, linkPrefix: string): string {
  if (heading && COUNTERS.has(heading)) return counter(value);
  if (heading && PERIODS.has(heading)) return /^\d+$/.test(value) ? '<count>' : value;
  // A process started a moment ago may still be on a CPU (R) when read, or already asleep in its
  // wait (S): the scheduler decides, on a busy host either way. Z (a zombie), D and T stay apart.
  if (heading === 'S' && value === 'R') return 'S';
  if (heading === 'State' && value === 'R (running)') return 'S (sleeping)';
  // A link's operstate follows its peer's through the kernel's linkwatch work, run up to a second
  // later: just after a veth end moves, its other end reads `lowerlayerdown` or still `down`.
  if (heading === 'state' && value === 'lowerlayerdown') return 'down';
  if (heading && PID_FIELDS.has(heading) && /^\d+( \d+)*$/.test(value)) {
    // Host PIDs are handed out anew for every process; NSpid lists the host PID first, then the PIDs inside.
    const [first, ...inner] = value.split(' ');
    const head = side === 'host' ? r.name('pid', first!) : innerPid(first!, r);
    return [head, ...inner.map((pid) => innerPid(pid, r))].join(' ');
  }
  // File inodes and anonymous device numbers (an overlay's `0:48`) are new for every new directory and mount.
  if (heading === 'inode' && /^\d+$/.test(value)) return r.name('ino', value);
  if (heading === 'dev' && /^0:\d+$/.test(value)) return r.name('anondev', value);
  if (heading === 'PIDNS' && /^\d+$/.test(value)) return r.name('ns', value);
  return text(value, side, r, linkPrefix);
}

/** Meters of counters keep their identity and ceiling; their values become zero or not. */
function meter(m: Meter): Record<string, unknown> {
  if (PERIODS.has(m.label)) return { ...m, value: '<count>' };
  return COUNTERS.has(m.label) ? { ...m, value: m.value === 0 ? 0 : '<positive>' } : { ...m };
}

function view(v: View, side: 'host' | 'container', r: Renamer, linkPrefix: string): Record<string, unknown> {
  const rows = v.rows.map((row) => {
    // Tables name a cell by its column; key/value views by the row's first cell.
    // A `file | value` table names its counters by the row, so both are looked at.
    const headingOf = (i: number) => {
      const column = v.columns?.[i];
      const field = i > 0 ? row.cells[0] : undefined;
      return (field && (COUNTERS.has(field) || PERIODS.has(field) || PID_FIELDS.has(field)) ? field : column) ?? field;
    };
    const key = text(row.key, side, r, linkPrefix).replace(/^inner:(\d+)$/, (_, pid: string) => `inner:${innerPid(pid, r)}`);
    return { key, cells: row.cells.map((c, i) => cell(c, headingOf(i), side, r, linkPrefix)) };
  });
  return {
    title: text(v.title, side, r, linkPrefix),
    ...(v.columns ? { columns: v.columns } : {}),
    rows,
    ...(v.note ? { note: text(v.note, side, r, linkPrefix) } : {}),
    ...(v.meters ? { meters: v.meters.map(meter) } : {}),
  };
}

/** Whether a row holds a counter: its difference mark depends on when each side was read. */
function counterRow(v: View, i: number): boolean {
  const row = v.rows[i];
  const moves = (name: string) => COUNTERS.has(name) || PERIODS.has(name);
  return Boolean(row && (moves(row.cells[0] ?? '') || v.columns?.some(moves)));
}

function pane(p: Pane | undefined, side: 'host' | 'container', r: Renamer, linkPrefix: string): unknown {
  if (!p) return undefined;
  if (!p.ok) return { title: text(p.title, side, r, linkPrefix), reason: text(p.reason, side, r, linkPrefix) };
  return { view: view(p.view, side, r, linkPrefix), marks: p.marks.map((m, i) => (counterRow(p.view, i) ? 'counter' : m)) };
}

/** One step's panes (the step's own, and a your-turn check's) with the values that differ per run rewritten. */
export function normalisePanes(panes: { host?: Pane; container?: Pane }[], linkPrefix: string): unknown[] {
  const r = new Renamer();
  return panes.map((p) => ({ host: pane(p.host, 'host', r, linkPrefix), container: pane(p.container, 'container', r, linkPrefix) }));
}
