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
import { t } from '../i18n/index.js';
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
  const summary = t('doctor.summary', { ok: count('ok'), warn: count('warn'), fail: count('fail') });
  return worst ? t('doctor.summary-worst', { summary, title: worst.title, advice: worst.fix ?? worst.detail }) : summary;
}
