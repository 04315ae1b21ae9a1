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

export async function openLabRuntime(options: { prewarm?: boolean } = {}): Promise<LabRuntime> {
  const findings = runDoctor();
  const { openRuntime } = await import('../runtime/index.js');
  const runtime = await openRuntime({ prewarm: options.prewarm ?? true });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= runtime.close().finally(() => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    });
    return closing;
  };
  const handlers: [NodeJS.Signals, () => void][] = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => [
    signal,
    () => {
      void close().finally(() => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]));
    },
  ]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return { runtime, findings, missingFeature: featureCheck(findings), close };
}
