/** `container-lab cleanup`: removes what the ledger names, reports it, touches nothing else. */
import { cleanupLab } from '../runtime/index.js';
import { LabBusyError } from '../runtime/lock.js';

export async function cleanupCommand(): Promise<number> {
  try {
    const report = await cleanupLab();
    for (const what of report.removed) process.stdout.write(`removed ${what}\n`);
    for (const what of report.alreadyGone) process.stdout.write(`already gone: ${what}\n`);
    for (const f of report.failed) process.stdout.write(`could not remove ${f.what}: ${f.error}\n`);
    if (report.removed.length + report.alreadyGone.length + report.failed.length === 0) {
      process.stdout.write('Nothing to clean up: the ledger is empty.\n');
    }
    return report.failed.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof LabBusyError) {
      process.stderr.write(`${err.message}\ncleanup only removes what a stopped lab left behind.\n`);
      return 1;
    }
    throw err;
  }
}
