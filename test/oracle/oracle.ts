/**
 * One lesson through the oracle: run it under strace, check the live state at every step gate,
 * then every primitive and errno against the trace. Everything lands in the tally.
 */
import { checkAtGate } from './claims/panes.js';
import { watchLinkStates } from './claims/link-states.js';
import { checkCompleteness } from './claims/completeness.js';
import { checkErrnos } from './claims/errnos.js';
import { checkPrimitives } from './claims/syscalls.js';
import { runTraced } from './run-lesson.js';
import type { StepRecords, TracedRun } from './run-lesson.js';
import type { Gate } from './claims/gate.js';
import type { Tally } from './tally.js';
import { liveContainers } from './tools.js';

export interface OracleEnv {
  stateDir: string;
  runDir: string;
  cgroupParent: string;
  linkPrefix: string;
}

export function labEnv(env: OracleEnv): Record<string, string> {
  return {
    CONTAINER_LAB_STATE_DIR: env.stateDir,
    CONTAINER_LAB_RUN_DIR: env.runDir,
    CONTAINER_LAB_CGROUP_PARENT: env.cgroupParent,
    CONTAINER_LAB_LINK_PREFIX: env.linkPrefix,
  };
}

/** `alsoAtGate` runs at each gate after the checks, with the same view of the machine. */
export async function checkLesson(
  lesson: string,
  env: OracleEnv,
  tally: Tally,
  alsoAtGate?: (step: StepRecords, gate: Gate) => void,
): Promise<TracedRun> {
  tally.forLesson(lesson);
  const linkStates = watchLinkStates();
  const run = await runTraced(lesson, labEnv(env), (step, labPid) => {
    const gate: Gate = {
      lesson,
      step: step.step,
      tally,
      labPid,
      cgroupParent: env.cgroupParent,
      stateDir: env.stateDir,
      containers: liveContainers(env.cgroupParent),
      linkStates,
    };
    checkAtGate(step, gate);
    alsoAtGate?.(step, gate);
  }).finally(() => linkStates.stop());
  checkPrimitives(run, tally);
  checkCompleteness(run, env.stateDir, tally);
  checkErrnos(run, tally);
  return run;
}
