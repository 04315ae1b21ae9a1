/**
 * Live reads: while a step's action runs, the engine reads the step's `live:` probe every
 * `everyMs`, for at most `forMs`, and once more after the action has ended, so the pane can draw
 * the kernel's counters as they move and end on their final values. Each read is a fresh look at
 * the kernel's files; nothing is interpolated. A read that fails (the container is not started
 * yet) is left out and the next one is tried.
 */
import { PROBES } from '../../probes/index.js';
import type { View } from '../../probes/view.js';
import type { LiveSpec } from '../types.js';
import { resolveArgs } from './panes.js';
import type { PaneSources } from './panes.js';
import { unresolvedReason } from './resolve.js';

export interface LiveSample {
  /** Milliseconds since the step started. */
  atMs: number;
  view: View;
}

export interface LiveReads {
  /** Stops reading, takes the final read, and returns every sample in order. */
  stop(): Promise<LiveSample[]>;
}

export function startLiveReads(
  spec: { everyMs: number; forMs: number },
  read: () => Promise<View>,
  onSample: (samples: readonly LiveSample[]) => void,
): LiveReads {
  const started = performance.now();
  const samples: LiveSample[] = [];
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const take = async (): Promise<void> => {
    try {
      const view = await read();
      samples.push({ atMs: Math.round(performance.now() - started), view });
      onSample(samples);
    } catch {
      // not readable yet (or any more): the next read may be
    }
  };

  const loop = (async () => {
    while (!stopped && performance.now() - started < spec.forMs) {
      await take();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, spec.everyMs);
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
      await take();
      return samples;
    },
  };
}

/** One read of a `live:` probe, on the host, with its process references resolved as they stand. */
export async function readLiveProbe(spec: LiveSpec, src: Pick<PaneSources, 'hostReader' | 'procRoot' | 'resolve'>): Promise<View> {
  const probe = PROBES[spec.probe]!;
  const resolved = resolveArgs(spec.args, probe.args, 'host', src.resolve);
  if ('missing' in resolved) throw new Error(unresolvedReason(resolved.missing));
  return probe.run({ reader: src.hostReader, procRoot: src.procRoot, args: resolved.args });
}
