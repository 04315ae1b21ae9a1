/**
 * `container-lab doctor [--json]`: prints each finding, then the lesson steps this host will skip for
 * want of a host program, with the command that installs it. Exits 1 when a core lesson cannot run.
 */
import { runDoctor } from '../doctor/index.js';
import { hostPrograms } from '../doctor/host-programs.js';
import { featureCheck } from '../lessons/lab-runtime.js';
import { hostProgramFindings } from '../lessons/host-check.js';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import { loadLessons } from '../lessons/load-lessons.js';
import { labPaths } from '../runtime/paths.js';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export async function doctorCommand(json: boolean): Promise<number> {
  // The subnet check runs `ip`, so it lives here and not in the TUI's start-up checks.
  const { subnetFinding } = await import('../runtime/network/doctor.js');
  const checks = runDoctor();
  const host = { missingFeature: featureCheck(checks), programs: hostPrograms() };
  const findings = [
    ...checks,
    await subnetFinding(labPaths().linkPrefix),
    ...hostProgramFindings(loadLessons(defaultLessonsDir()).lessons, host),
  ];
  if (json) {
    process.stdout.write(JSON.stringify({ findings }, null, 2) + '\n');
  } else {
    for (const f of findings) {
      process.stdout.write(`${MARK[f.status]}  ${f.title}: ${f.detail}\n`);
      if (f.fix && f.status !== 'ok') process.stdout.write(`      → ${f.fix}\n`);
    }
  }
  return findings.some((f) => f.status === 'fail') ? 1 : 0;
}
