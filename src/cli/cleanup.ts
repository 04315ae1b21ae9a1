/** `container-lab cleanup`: removes what the ledger names, reports it, touches nothing else. */
import { t } from '../i18n/index.js';
import { cleanupLab } from '../runtime/index.js';
import { LabBusyError } from '../runtime/lock.js';

export async function cleanupCommand(): Promise<number> {
  try {
    const report = await cleanupLab();
    for (const what of report.removed) process.stdout.write(`${t('cli.cleanup.removed', { what })}\n`);
    for (const what of report.alreadyGone) process.stdout.write(`${t('cli.cleanup.gone', { what })}\n`);
    for (const f of report.failed) process.stdout.write(`${t('cli.cleanup.failed', { what: f.what, error: f.error })}\n`);
    if (report.removed.length + report.alreadyGone.length + report.failed.length === 0) {
      process.stdout.write(`${t('cli.cleanup.nothing')}\n`);
    }
    return report.failed.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof LabBusyError) {
      process.stderr.write(`${err.message}\n${t('cli.cleanup.busy')}\n`);
      return 1;
    }
    throw err;
  }
}
