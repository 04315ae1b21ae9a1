/**
 * `container-lab doctor`: every check, in the order a learner should fix them.
 */
import {
  checkCgroupControllers,
  checkCgroups,
  checkEnvironment,
  checkKernel,
  checkNamespaces,
  checkOverlay,
  checkRoot,
  checkRootfsSource,
  checkStateDir,
  checkTerminal,
  checkTools,
} from './checks.js';
import type { Finding } from './finding.js';

export type { Finding, Status } from './finding.js';
export { FINDING_IDS } from './finding.js';
export type { FindingId } from './finding.js';

export function runDoctor(): Finding[] {
  return [
    checkRoot(),
    checkKernel(),
    checkEnvironment(),
    checkNamespaces(),
    checkOverlay(),
    checkCgroups(),
    ...checkCgroupControllers(),
    ...checkTools(),
    checkRootfsSource(),
    checkStateDir(),
    checkTerminal(),
  ];
}

/** One line for the home screen: "doctor: 11 ok, 1 warning (cgroups: …)". */
export function doctorSummary(findings: readonly Finding[]): string {
  const count = (s: Finding['status']) => findings.filter((f) => f.status === s).length;
  const worst = findings.find((f) => f.status === 'fail') ?? findings.find((f) => f.status === 'warn');
  const parts = [`${count('ok')} ok`];
  if (count('warn')) parts.push(`${count('warn')} warning${count('warn') > 1 ? 's' : ''}`);
  if (count('fail')) parts.push(`${count('fail')} failing`);
  return `doctor: ${parts.join(', ')}${worst ? ` — ${worst.title}: ${worst.fix ?? worst.detail}` : ''}`;
}
