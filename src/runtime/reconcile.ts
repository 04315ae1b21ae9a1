/**
 * Reconcile: after a crash or `kill -9`, the ledger still names what the last lab made. Tear it
 * down, newest first, and say what was removed. A resource that is already gone (the kernel removed
 * it when its namespace died, or someone else did) is simply crossed off.
 */
import type { Kernel } from '../kernel/kernel.js';
import { describeEntry, type Ledger } from './ledger.js';
import type { LabPaths } from './paths.js';
import { teardown } from './teardown.js';

export interface ReconcileReport {
  removed: string[];
  alreadyGone: string[];
  failed: Array<{ what: string; error: string }>;
}

export async function reconcile(ledger: Ledger, paths: LabPaths, kernel: Kernel): Promise<ReconcileReport> {
  const report: ReconcileReport = { removed: [], alreadyGone: [], failed: [] };
  for (const { id, entry } of ledger.entries().reverse()) {
    const what = describeEntry(entry);
    try {
      const didRemove = await teardown(entry, { kernel, paths });
      (didRemove ? report.removed : report.alreadyGone).push(what);
      ledger.remove(id);
    } catch (err) {
      report.failed.push({ what, error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (report.failed.length === 0) ledger.compact();
  return report;
}
