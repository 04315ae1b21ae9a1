/** One doctor finding: what was checked, what was found, and what to do about it. */
export type Status = 'ok' | 'warn' | 'fail';

export interface Finding {
  /** Stable id, e.g. `overlay`. */
  id: string;
  /** What was checked, e.g. "overlay filesystem". */
  title: string;
  status: Status;
  /** What was found. */
  detail: string;
  /** One sentence: what to do next (absent when ok). */
  fix?: string;
}

/** Lessons by id, with the findings each needs to run. */
export const LESSON_NEEDS: Readonly<Record<string, readonly string[]>> = {
  'pid-namespace': ['root', 'namespaces', 'overlay', 'rootfs'],
  'mount-namespace': ['root', 'namespaces', 'overlay', 'rootfs'],
  cgroups: ['root', 'namespaces', 'overlay', 'rootfs', 'cgroups'],
  overlay: ['root', 'namespaces', 'overlay', 'rootfs'],
  whiteouts: ['root', 'namespaces', 'overlay', 'rootfs'],
  'veth-bridge': ['root', 'namespaces', 'overlay', 'rootfs', 'iproute2'],
  capabilities: ['root', 'namespaces', 'overlay', 'rootfs'],
};

/** Why a lesson cannot run here (the first failing finding it needs), or undefined if it can. */
export function lessonBlocker(lessonId: string, findings: readonly Finding[]): Finding | undefined {
  const needs = LESSON_NEEDS[lessonId] ?? ['root', 'namespaces', 'overlay', 'rootfs'];
  return findings.find((f) => needs.includes(f.id) && f.status === 'fail');
}
