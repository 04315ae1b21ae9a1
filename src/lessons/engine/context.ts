/**
 * Builds the {@link ActionContext} the session lends an action or a check: its containers, the
 * processes earlier steps named, PID resolution, and an abortable sleep.
 */
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { Reader } from '../../probes/index.js';
import type { ContainerRuntime } from '../../runtime/api.js';
import { Runtime } from '../../runtime/runtime.js';
import type { ActionContext, NamedProcess } from '../actions/action.js';
import type { Side } from '../templates.js';
import type { LessonContainers } from './containers.js';

export interface ContextDeps {
  runtime: ContainerRuntime;
  containers: LessonContainers;
  processes: Map<string, NamedProcess>;
  resolve(ref: string, side: Side): number | undefined;
  fill(text: string): string;
  procRoot: string;
  hostReader: Reader;
  record(event: PrimitiveEvent): void;
  /** Forgets the named processes of a container that is about to be replaced. */
  forgetProcesses(container: string): void;
}

export function makeContext(deps: ContextDeps, signal: AbortSignal): ActionContext {
  const { containers } = deps;
  return {
    runtime: deps.runtime,
    // Only the lab's own runtime keeps a ledger; a test's stand-in does not.
    ...(deps.runtime instanceof Runtime ? { lab: { ledger: deps.runtime.ledger, paths: deps.runtime.paths } } : {}),
    container: (name) => containers.get(name),
    startContainer: async (name) => {
      deps.forgetProcesses(containers.name(name));
      return containers.start(name);
    },
    ensureContainer: (name) => containers.ensure(name),
    containerName: (name) => containers.name(name),
    processes: deps.processes,
    resolvePid: deps.resolve,
    fill: deps.fill,
    procRoot: deps.procRoot,
    hostReader: deps.hostReader,
    signal,
    sleep: (ms) => sleep(ms, signal),
    record: deps.record,
  };
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the learner pressed Esc). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
