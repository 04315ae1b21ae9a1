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
  /**
   * On a signal, run `settle` before tearing down: stop starting work and let the step in progress
   * end, so nothing is created after the teardown has passed it. Waited for at most 10 s.
   */
  settleFirst(settle: () => Promise<void>): void;
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
 *
 * The handlers are in place before the lock is taken: a signal that arrives while the runtime
 * opens waits for it to open, and the runtime is then torn down instead of handed out. A signal
 * while a step runs lets that step end first (see `settleFirst`): tearing down under a step that is
 * still creating things would leave what it creates afterwards behind.
 */
export async function openLabRuntime(
  options: { prewarm?: boolean; onSignal?: () => void; findings?: Finding[] } = {},
): Promise<LabRuntime> {
  const findings = options.findings ?? runDoctor();
  const { openRuntime, closeOnSignals } = await import('../runtime/index.js');
  let signalled = false;
  let settle: (() => Promise<void>) | undefined;
  let closing: Promise<void> | undefined;
  let opening!: Promise<OpenRuntime>;
  const close = (): Promise<void> => {
    closing ??= opening.then((runtime) => runtime.close()).finally(() => stopHandling());
    return closing;
  };
  const stopHandling = closeOnSignals(async () => {
    signalled = true;
    // Giving the terminal back fails when the terminal itself is gone (SIGHUP): clean up anyway.
    try {
      options.onSignal?.();
    } catch {
      // nothing to give back to
    }
    if (
      !(await opening.then(
        () => true,
        () => false,
      ))
    )
      return;
    if (settle) await Promise.race([settle().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await close();
  });
  opening = openRuntime({ prewarm: options.prewarm ?? true });
  let runtime: OpenRuntime;
  try {
    runtime = await opening;
  } catch (err) {
    stopHandling();
    throw err;
  }
  // The signal handler is tearing the runtime down and will exit the process: hand out nothing.
  if (signalled) return new Promise<never>(() => {});
  return { runtime, findings, missingFeature: featureCheck(findings), close, settleFirst: (fn) => (settle = fn) };
}
