/**
 * What the OOM step saw, told from the kernel's own answers only: the cgroup's OOM-kill counter
 * (memory.events oom_kill on v2, memory.oom_control oom_kill on v1), the exit status each process
 * of the workload reported, and whether the container's PID 1 is still there. Never from what the
 * lab expected to happen: the OOM killer picks by badness, and a kill of one more process (PID 1,
 * on a host where it scored higher) must be reported as such. Pure, so every outcome is tested.
 */
import { t } from '../../i18n/index.js';
import type { ExecResult } from '../../runtime/api.js';
import type { ActionOutcome } from './action.js';
import { describeExit, reportedStatus } from './cgroup-workloads.js';
import { clauses } from './words.js';

export interface OomFacts {
  mib: number;
  /** How much the OOM-kill counter grew; undefined when this kernel keeps none (v1 before 4.13). */
  kills: number | undefined;
  /** The file and key the count comes from, e.g. `memory.events oom_kill`. */
  killsLabel: string;
  /** The workload's shell. */
  result: ExecResult;
  /** What the workload printed (its processes' own reports). */
  lines: readonly string[];
  /** How PID 1 ended, or undefined while it runs. */
  init: { code: number | null; signal: string | null } | undefined;
  /** True when the learner stopped the step (Esc). */
  aborted: boolean;
}

/** A shell reports 128 + 9 for a child that died of SIGKILL. */
const SIGKILL_STATUS = 137;

/** The workload's processes that say they died of SIGKILL. */
function killed(facts: OomFacts): { tail: boolean; head: boolean; names: string[] } {
  const tail = reportedStatus(facts.lines, 'tail') === SIGKILL_STATUS;
  const head = reportedStatus(facts.lines, 'head') === SIGKILL_STATUS;
  const names: string[] = [];
  if (tail) names.push(t('actions.oom.tail-killed'));
  if (head) names.push(t('actions.oom.head-killed'));
  if (facts.result.signal === 'SIGKILL') names.push(t('actions.oom.shell-killed'));
  return { tail, head, names };
}

export function oomOutcome(facts: OomFacts): Omit<ActionOutcome, 'output'> & { lines: string[] } {
  const { kills, killsLabel, init } = facts;
  const dead = killed(facts);
  const victims = dead.names;
  if (init) {
    return {
      ok: false,
      lines: victims,
      message: t('actions.oom.init-died', {
        how: init.signal ? 'signal' : 'exit',
        signal: String(init.signal),
        code: String(init.code),
        counted: kills ? 'yes' : 'no',
        counter: killsLabel,
        kills: kills ?? 0,
      }),
    };
  }
  if (kills === undefined) {
    if (victims.length === 0)
      return {
        ok: false,
        lines: [],
        message: t('actions.oom.held-no-counter', { mib: facts.mib, exit: describeExit(facts.result) }),
      };
    return {
      ok: true,
      lines: [t('actions.oom.no-counter', { victims: clauses(victims) })],
    };
  }
  if (kills === 0) {
    if (facts.aborted) return { ok: false, lines: [], message: t('actions.oom.stopped') };
    if (victims.length === 0 && facts.result.exitCode === 0) {
      return {
        ok: false,
        lines: [],
        message: t('actions.oom.held', { mib: facts.mib, counter: killsLabel }),
      };
    }
    return {
      ok: false,
      lines: victims,
      message: t('actions.oom.not-oom', { exit: describeExit(facts.result), counter: killsLabel }),
    };
  }
  const lines = [t('actions.oom.killed', { kills, counter: killsLabel, victims: victims.length ? clauses(victims) : 'none' })];
  // The kernel may pick twice (see allocatorScript): then head is the second victim and its loop
  // says so. A kill no process reported is still counted, and the kernel's log names it.
  if (victims.length > 0 && kills > victims.length) lines.push(t('actions.oom.unreported', { more: kills - victims.length }));
  if (dead.tail && dead.head) lines.push(t('actions.oom.picked-again'));
  return { ok: true, lines };
}
