/**
 * Can this host run a step? A step needs the doctor findings its lesson and it `require:`, and the
 * host programs its actions declare (plus its own `needs:`). The engine asks before it runs a step,
 * the doctor and the TUI ask for every step: one answer, one sentence, for all three.
 */
import { t } from '../i18n/index.js';
import { HOST_PROGRAMS, missingProgramSentence } from '../doctor/host-programs.js';
import type { HostProgram, HostPrograms } from '../doctor/host-programs.js';
import { hostNeeds } from './actions/properties.js';
import type { Call } from './actions/properties.js';
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

/** What the check reads of a step: a loaded {@link Step} has it, and so does the home screen's quick preview. */
export interface StepNeeds {
  requires: readonly string[];
  needs: readonly HostProgram[];
  /** Its action, your-turn solution and break-it revert. */
  runs: readonly Call[];
}

export function needsOf(step: Step): StepNeeds {
  return {
    requires: step.requires,
    needs: step.needs,
    runs: [step.run, step.yourTurn?.solution, step.breakIt?.revert].filter((r) => r !== undefined),
  };
}

/** Every host program a step runs (its actions' declarations and its `needs:`); each entry: any one will do. */
export function stepHostNeeds(step: StepNeeds): Array<readonly HostProgram[]> {
  const all = [...step.runs.flatMap(hostNeeds), ...step.needs.map((p) => [p])];
  const seen = new Set<string>();
  return all.filter((anyOf) => !seen.has(anyOf.join('|')) && seen.add(anyOf.join('|')));
}

/** The first reason this host cannot run a step of a lesson that `requires` these findings, or undefined when it can. */
export function stepBlocker(requires: readonly string[], step: StepNeeds, host: HostCheck): StepBlocker | undefined {
  for (const feature of [...requires, ...step.requires]) {
    const missing = host.missingFeature(feature);
    if (missing) return { kind: 'feature', feature, sentence: t('lessons.step.cannot-run-here', { why: missing }) };
  }
  const unmet = unmetProgram(step, host.programs);
  return unmet && { kind: 'program', anyOf: unmet, sentence: missingProgramSentence(unmet, host.programs) };
}

/** The first host need of a step that none of the programs on this host meets. */
function unmetProgram(step: StepNeeds, programs: HostPrograms): readonly HostProgram[] | undefined {
  return stepHostNeeds(step).find((anyOf) => !anyOf.some((p) => programs.has(p)));
}

/** The steps of `lesson` this host cannot run, with why. */
export function blockedSteps(lesson: Lesson, host: HostCheck): Array<{ step: Step; blocker: StepBlocker }> {
  return lesson.steps.flatMap((step) => {
    const blocker = stepBlocker(lesson.requires, needsOf(step), host);
    return blocker ? [{ step, blocker }] : [];
  });
}

/**
 * For the TUI: how many of these steps this host will skip, and the one command that would let
 * them all run when there is one (else `container-lab doctor` lists what to do).
 */
export function skippedHere(requires: readonly string[], steps: readonly StepNeeds[], host: HostCheck): { count: number; fix?: string } {
  const blockers = steps.map((s) => stepBlocker(requires, s, host)).filter((b) => b !== undefined);
  const fixes = new Set(blockers.map((b) => (b.kind === 'program' ? host.programs.installCommand(b.anyOf[0]!) : undefined)));
  const [fix] = fixes;
  return fixes.size === 1 && fix ? { count: blockers.length, fix } : { count: blockers.length };
}

/** The doctor's finding about lesson steps and host programs: one per command that would fix some. */
export interface StepsFinding {
  id: 'host-programs';
  title: string;
  status: 'ok' | 'warn';
  detail: string;
  fix?: string;
  /** The steps this fix lets run, as `lesson/step`. */
  steps: string[];
}

/**
 * For `container-lab doctor`: which lesson steps this host cannot run for want of a host program,
 * grouped by the one command that installs it. Steps a failing finding blocks as well are listed
 * too: the program is missing all the same, and that finding says the rest.
 */
export function hostProgramFindings(lessons: readonly Lesson[], host: HostCheck): StepsFinding[] {
  const title = t('lessons.host.title');
  const groups = new Map<string, { needs: Array<readonly HostProgram[]>; steps: string[] }>();
  for (const lesson of lessons) {
    for (const step of lesson.steps) {
      const anyOf = unmetProgram(needsOf(step), host.programs);
      if (!anyOf) continue;
      const key = host.programs.installCommand(anyOf[0]!) ?? anyOf.join('|');
      const group = groups.get(key) ?? { needs: [], steps: [] };
      if (!group.needs.some((n) => n.join() === anyOf.join())) group.needs.push(anyOf);
      group.steps.push(`${lesson.id}/${step.id}`);
      groups.set(key, group);
    }
  }
  if (groups.size === 0) {
    const used = new Set(lessons.flatMap((l) => l.steps.flatMap((s) => stepHostNeeds(needsOf(s)).flat())));
    const programs = Object.keys(HOST_PROGRAMS).filter((p) => used.has(p as HostProgram));
    return [
      {
        id: 'host-programs',
        title,
        status: 'ok',
        detail: t('lessons.host.all-there', { programs: programs.join(', ') || t('lessons.host.none') }),
        steps: [],
      },
    ];
  }
  return [...groups].map(([command, { needs, steps }]) => {
    const names = needs
      .map((anyOf) => anyOf.map((p) => `\`${p}\``).reduce((first, second) => t('lessons.host.either', { first, second })))
      .join(', ');
    const [first] = needs;
    const how = needs.length > 1 ? 'several' : first!.length === 1 ? 'one' : first!.length === 2 ? 'two' : 'more';
    const count = steps.length;
    const fix = host.programs.installCommand(first![0]!)
      ? t('lessons.host.fix', { command, count })
      : t('lessons.host.fix-package', { program: first![0]!, count });
    return {
      id: 'host-programs',
      title,
      status: 'warn',
      detail: t('lessons.host.skipped', { count, steps: steps.join(', '), missing: t('lessons.host.missing', { how, names }) }),
      fix,
      steps,
    };
  });
}
