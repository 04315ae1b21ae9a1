/**
 * What the OOM step saw, told from the kernel's own answers only: the cgroup's OOM-kill counter
 * (memory.events oom_kill on v2, memory.oom_control oom_kill on v1), the exit status each process
 * of the workload reported, and whether the container's PID 1 is still there. Never from what the
 * lab expected to happen: the OOM killer picks by badness, and a kill of one more process (PID 1,
 * on a host where it scored higher) must be reported as such. Pure, so every outcome is tested.
 */
import type { ExecResult } from '../../runtime/api.js';
import type { ActionOutcome } from './action.js';
import { describeExit } from './cgroup-workloads.js';

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

const SIGKILL_STATUS = 137;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `tail: exit status 137` → 137. */
function tailStatus(lines: readonly string[]): number | undefined {
  const line = lines.find((l) => /^tail: exit status \d+$/.test(l));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

/** The processes that say they died of SIGKILL (a shell reports 128 + 9 for its child). */
function killed(facts: OomFacts): string[] {
  const out: string[] = [];
  if (tailStatus(facts.lines) === SIGKILL_STATUS) out.push('tail ended by SIGKILL (its shell reported exit status 137 = 128 + 9)');
  if (facts.result.signal === 'SIGKILL') out.push("the workload's own shell ended by SIGKILL");
  return out;
}

function initEnded(init: NonNullable<OomFacts['init']>): string {
  return init.signal ? `was killed by ${init.signal}` : `exited with status ${init.code}`;
}

export function oomOutcome(facts: OomFacts): Omit<ActionOutcome, 'output'> & { lines: string[] } {
  const { kills, killsLabel, init } = facts;
  const victims = killed(facts);
  if (init) {
    return {
      ok: false,
      lines: victims,
      message: `The container's PID 1 ${initEnded(init)}${kills ? `, and ${killsLabel} counted ${plural(kills, 'kill', 'kills')}` : ''}: when PID 1 dies, the kernel kills every other process in its PID namespace, so this container is gone. Press r to reset the lesson, then run the memory steps again.`,
    };
  }
  if (kills === undefined) {
    if (victims.length === 0)
      return {
        ok: false,
        lines: [],
        message: `The allocator held its ${facts.mib} MiB (${describeExit(facts.result)}): the container's memory limit is not below that. Run the step that sets it (←).`,
      };
    return {
      ok: true,
      lines: [
        `${victims.join('; ')}. This kernel keeps no count of OOM kills (memory.oom_control has an oom_kill line only since Linux 4.13), so nothing here proves the OOM killer sent it.`,
      ],
    };
  }
  if (kills === 0) {
    if (facts.aborted) return { ok: false, lines: [], message: 'Stopped before the allocator reached the limit: nothing was killed.' };
    if (victims.length === 0 && facts.result.exitCode === 0) {
      return {
        ok: false,
        lines: [],
        message: `The allocator held its ${facts.mib} MiB without an OOM kill (${killsLabel} did not move): the container's memory limit is not below that. Run the step that sets it (←).`,
      };
    }
    return {
      ok: false,
      lines: victims,
      message: `The allocator ended with ${describeExit(facts.result)}, but ${killsLabel} did not move: the OOM killer did not end it. Run the step again.`,
    };
  }
  const who = victims.length ? `: ${victims.join('; ')}` : ', but no process of the workload said it was killed';
  return {
    ok: true,
    lines: [
      `The kernel's OOM killer killed ${plural(kills, 'process', 'processes')} in this cgroup (${killsLabel} +${kills})${who}. The container's PID 1 is still running.`,
    ],
  };
}
