/**
 * Opening the real runtime for the lesson commands and the TUI, with the promise the lab makes:
 * whatever happens (the last step, Ctrl-C, SIGTERM, a closed terminal), everything the lessons
 * created is torn down before the process exits.
 */
import { runDoctor } from '../doctor/index.js';
import type { Finding } from '../doctor/index.js';
import type { OpenRuntime } from '../runtime/index.js';

export interface LabRuntime {
  runtime: OpenRuntime;
  findings: Finding[];
  /** Why a host feature (a doctor finding id) is missing, or undefined when it is there. */
  missingFeature(feature: string): string | undefined;
  /** Tears everything down (once) and stops handling signals. */
  close(): Promise<void>;
}

/** Explains why a lesson feature is missing, from the doctor's findings. */
export function featureCheck(findings: readonly Finding[]): (feature: string) => string | undefined {
  return (feature) => {
    const f = findings.find((x) => x.id === feature && x.status === 'fail');
    return f && `${f.title}: ${f.detail}. ${f.fix ?? ''}`.trim();
  };
}

/**
 * Runs the doctor, opens the runtime, and tears it down on SIGINT, SIGTERM or SIGHUP.
 * `onSignal` runs first on a signal (the TUI gives the terminal back there).
 */
export async function openLabRuntime(options: { prewarm?: boolean; onSignal?: () => void; findings?: Finding[] } = {}): Promise<LabRuntime> {
  const findings = options.findings ?? runDoctor();
  const { openRuntime, closeOnSignals } = await import('../runtime/index.js');
  const runtime = await openRuntime({ prewarm: options.prewarm ?? true });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= runtime.close().finally(() => stopHandling());
    return closing;
  };
  const stopHandling = closeOnSignals(async () => {
    options.onSignal?.();
    await close();
  });
  return { runtime, findings, missingFeature: featureCheck(findings), close };
}
