/**
 * Can this host run a step? A step needs the doctor findings its lesson and it `require:`, and the
 * host programs its actions declare (plus its own `needs:`). The engine asks before it runs a step,
 * the doctor and the TUI ask for every step: one answer, one sentence, for all three.
 */
import { missingProgramSentence } from '../doctor/host-programs.js';
import type { HostProgram, HostPrograms } from '../doctor/host-programs.js';
import { hostNeeds } from './actions/properties.js';
import type { Lesson, Step } from './types.js';

/** What this host offers: the doctor's answer per finding id, and the programs on PATH. */
export interface HostCheck {
  /** Why a host feature (a doctor finding id) is missing, or undefined when it is there. */
  missingFeature(feature: string): string | undefined;
  programs: HostPrograms;
}

/** Why a step cannot run here: a failing doctor finding, or a host program that is not installed. */
export type StepBlocker =
  | { kind: 'feature'; feature: string; sentence: string }
  | { kind: 'program'; anyOf: readonly HostProgram[]; sentence: string };

/** Every host program a step runs (its action, your-turn solution and break-it revert, and `needs:`); each entry: any one will do. */
export function stepHostNeeds(step: Step): Array<readonly HostProgram[]> {
  const runs = [step.run, step.yourTurn?.solution, step.breakIt?.revert].filter((r) => r !== undefined);
  const all = [...runs.flatMap(hostNeeds), ...step.needs.map((p) => [p])];
  const seen = new Set<string>();
  return all.filter((anyOf) => !seen.has(anyOf.join('|')) && seen.add(anyOf.join('|')));
}

/** The first reason this host cannot run `step`, or undefined when it can. */
export function stepBlocker(lesson: Lesson, step: Step, host: HostCheck): StepBlocker | undefined {
  for (const feature of [...lesson.requires, ...step.requires]) {
    const missing = host.missingFeature(feature);
    if (missing) return { kind: 'feature', feature, sentence: `This step cannot run on this host: ${missing}` };
  }
  const unmet = stepHostNeeds(step).find((anyOf) => !anyOf.some((p) => host.programs.has(p)));
  return unmet && { kind: 'program', anyOf: unmet, sentence: missingProgramSentence(unmet, host.programs) };
}

/** The steps of `lesson` this host cannot run, with why. */
export function blockedSteps(lesson: Lesson, host: HostCheck): Array<{ step: Step; blocker: StepBlocker }> {
  return lesson.steps.flatMap((step) => {
    const blocker = stepBlocker(lesson, step, host);
    return blocker ? [{ step, blocker }] : [];
  });
}
