/** One doctor finding: what was checked, what was found, and what to do about it. */
export type Status = 'ok' | 'warn' | 'fail';

/**
 * The id of every finding `runDoctor` reports. A lesson's `requires:` names these (the linter
 * accepts exactly this list), and a step that requires a failing one is skipped with its sentence.
 */
export const FINDING_IDS = [
  'root',
  'kernel',
  'environment',
  'namespaces',
  'overlay',
  'cgroups',
  'cgroup-memory',
  'cgroup-pids',
  'cgroup-cpu',
  'util-linux',
  'iproute2',
  'rootfs',
  'state',
  'terminal',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

export interface Finding {
  /** Stable id, e.g. `overlay`. */
  id: FindingId;
  /** What was checked, e.g. "overlay filesystem". */
  title: string;
  status: Status;
  /** What was found. */
  detail: string;
  /** One sentence: what to do next (absent when ok). */
  fix?: string;
}
