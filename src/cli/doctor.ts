/** `container-lab doctor [--json]`: prints each finding; exits 1 when a core lesson cannot run. */
import { runDoctor } from '../doctor/index.js';
import { labPaths } from '../runtime/paths.js';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export async function doctorCommand(json: boolean): Promise<number> {
  // The subnet check runs `ip`, so it lives here and not in the TUI's start-up checks.
  const { subnetFinding } = await import('../runtime/network/doctor.js');
  const findings = [...runDoctor(), await subnetFinding(labPaths().linkPrefix)];
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
