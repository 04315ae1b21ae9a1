/**
 * Cleanup on the way out. The lab removes everything it made when it quits, and also when it is
 * interrupted (Ctrl-C), asked to stop (SIGTERM), or its terminal goes away (SIGHUP). Only SIGKILL
 * cannot be caught: for that, the shim and PID 1 die with the lab through PR_SET_PDEATHSIG, and the
 * ledger lets the next start (or `container-lab cleanup`) remove the rest.
 */
import { t } from '../i18n/index.js';
import os from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `close` once on the first of SIGINT, SIGTERM or SIGHUP, then exits with 128 + the signal
 * number, as a shell reports it. Returns a function that removes the handlers.
 */
export function closeOnSignals(close: () => Promise<void>): () => void {
  let closing = false;
  const handler = (signal: (typeof SIGNALS)[number]) => {
    if (closing) return;
    closing = true;
    close()
      .catch((err: unknown) => process.stderr.write(`${t('runtime.cleanup.failed', { error: (err as Error).message })}\n`))
      .finally(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
  };
  for (const s of SIGNALS) process.on(s, handler);
  return () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
}
