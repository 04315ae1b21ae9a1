/**
 * The workloads the cgroups lesson runs inside its container, and what they say about themselves.
 *
 * Each is a short busybox `sh` script written here, never taken from lesson text, and bounded in
 * size, count and time: it can outgrow the container's limit, never the machine. Only these small
 * shell workloads meet the tight limits; a Node process never does (Node alone needs ~50 MB and
 * ~7 tasks).
 *
 * They pace themselves with `read -t` on a FIFO nobody writes to, which waits without starting a
 * process (a `sleep` would be one more task and one more fork to refuse). A shell without
 * `read -t` or `mkfifo` cannot wait that way, and the loop then runs as fast as it can: so each
 * script reads /proc/uptime (with the shell's own `read`, no process either) before and after,
 * and reports how long it really took. The lab says "paced" only when that time says so.
 */
import { constants } from 'node:os';
import { t } from '../../i18n/index.js';
import type { ExecResult } from '../../runtime/api.js';

/** How long a paced loop waits between two rounds. */
export const PACE_MS = 30;

const PACE = `p=/tmp/.pace-$$; mkfifo $p 2>/dev/null; pace() { [ -p $p ] && read -t ${PACE_MS / 1000} _ <> $p; } 2>/dev/null; read t0 _ < /proc/uptime`;
/** Milliseconds since PACE, from /proc/uptime's hundredths of a second: `341.67` → 34167. */
const ELAPSED = 'read t1 _ < /proc/uptime; ms=$(( (${t1%.*}${t1#*.} - ${t0%.*}${t0#*.}) * 10 ))';

/**
 * Marks the process it runs in as the OOM killer's first choice (oom_score_adj 1000), and reports
 * the value read back when given a name. Raising a score needs no privilege; lowering it does.
 */
const HOG =
  'hog() { echo 1000 > /proc/self/oom_score_adj; read adj < /proc/self/oom_score_adj; [ -z "$1" ] || echo "$1: oom_score_adj $adj" >&2; }';

/**
 * Holds `mib` MiB: `head` writes 1 MiB of zeros at a time into a pipe, and busybox `tail`, which
 * must keep the last 10 lines and finds no newline, keeps all of it. The memory is touched as it
 * arrives, so the cgroup is charged page by page, as with any program that uses what it allocates.
 *
 * The kernel kills the process with the highest badness (its memory, plus oom_score_adj scaled to
 * the limit), not the one that asked for the page. Only `head` and `tail` raise theirs to 1000, each
 * in its own subshell before exec; the two shells that report how they ended keep theirs. That
 * matters when the kernel picks twice, which it does on a busy host: tail's pages are unmapped but
 * not yet uncharged when head asks for its next pipe page, so the cgroup is still full and the OOM
 * killer chooses again (seen in CI's kernel log). With the shells at 1000 too, the second pick was
 * the reporting shell (the most memory of the rest), and tail's exit status was lost; now it is
 * head, and its loop reports it. The lab tells what happened from these reports, not from what it
 * expected.
 */
export function allocatorScript(mib: number): string {
  return (
    `exec 2>&1; read adj < /proc/self/oom_score_adj; echo "sh: oom_score_adj $adj"; ${HOG}; ${PACE}; ` +
    `{ i=0; h=0; n=head; while [ $i -lt ${mib} ]; do ( hog $n; exec head -c 1048576 /dev/zero ) || { h=$?; break; }; n=; i=$((i+1)); pace; done; ` +
    `${ELAPSED}; echo "head: $i MiB written in $ms ms, last exit status $h" >&2; } | ( hog tail; exec tail ) > /dev/null; s=$?; echo "tail: exit status $s"; rm -f $p; exit $s`
  );
}

/**
 * Tries `attempts` forks, one every 30 ms; each child sleeps `holdSeconds`. A fork the kernel refuses
 * fails inside `command eval`, so the loop counts it and goes on (a plain failed fork ends a
 * non-interactive shell). `wait` collects every child before the script ends: nothing is left.
 */
export function forkLoopScript(attempts: number, holdSeconds: number): string {
  return (
    `${PACE}; n=0; i=0; while [ $i -lt ${attempts} ]; do i=$((i+1)); command eval "sleep ${holdSeconds} &" 2>/dev/null || n=$((n+1)); pace; done; ` +
    `${ELAPSED}; echo "tried $i forks in $ms ms: $((i-n)) started, $n refused"; wait; rm -f $p`
  );
}

// The scripts hold no single quote, so the output can show them in one: sh -c '…'.

/** A busy loop: all the CPU it is given, until the lab stops it. */
export const SPIN_SCRIPT = 'while :; do :; done';

/** What a paced loop reported: how many rounds it made, in how many milliseconds. */
export interface Pace {
  rounds: number;
  ms: number;
}

/** The allocator's and the fork loop's own reports: `head: 32 MiB written in 990 ms, …`, `tried 40 forks in 1220 ms: …`. */
export function paceOf(lines: readonly string[]): Pace | undefined {
  for (const line of lines) {
    const m = /^head: (\d+) MiB written in (-?\d+) ms/.exec(line) ?? /^tried (\d+) forks in (-?\d+) ms/.exec(line);
    if (m) return { rounds: Number(m[1]), ms: Number(m[2]) };
  }
  return undefined;
}

/** The exit status the allocator's shells reported for `tail`, or for the last `head` of the loop, if they did. */
export function reportedStatus(lines: readonly string[], who: 'head' | 'tail'): number | undefined {
  const report = who === 'tail' ? /^tail: exit status (\d+)$/ : /^head: \d+ MiB written in -?\d+ ms, last exit status (\d+)$/;
  for (const line of lines) {
    const m = report.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** /proc/uptime counts in hundredths of a second: a time read from it may be short by 10 ms. */
const UPTIME_STEP_MS = 10;

/**
 * A sentence on the real rate. Every paced round waits PACE_MS at least, so a loop that took less
 * than that per round did not wait, whatever the script meant to do.
 */
export function describePace(pace: Pace | undefined, what: 'mib' | 'forks'): string {
  if (!pace) return t('actions.cgroup-workload.pace-unknown', { what });
  const took = { rounds: pace.rounds, what, seconds: (pace.ms / 1000).toFixed(2) };
  if (pace.rounds < 2) return t('actions.cgroup-workload.pace', took);
  if (pace.ms + UPTIME_STEP_MS >= pace.rounds * PACE_MS)
    return t('actions.cgroup-workload.paced', { ...took, each: Math.round(pace.ms / pace.rounds) });
  return t('actions.cgroup-workload.not-paced', { ...took, pace: PACE_MS });
}

/** How a command ended, in words: `exit status 137 (128 + 9: … SIGKILL)`. */
export function describeExit(r: ExecResult): string {
  if (r.signal) return t('actions.exit.killed', { signal: r.signal });
  const code = r.exitCode ?? -1;
  if (code > 128) {
    const number = code - 128;
    const signal = Object.entries(constants.signals).find(([, n]) => n === number)?.[0] ?? t('actions.exit.signal-number', { number });
    return t('actions.exit.child-killed', { code, number, signal });
  }
  return t('actions.exit.status', { code });
}

/** Output lines of a command: stdout, then stderr, without blank lines. */
export function outputLines(r: ExecResult): string[] {
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
}
