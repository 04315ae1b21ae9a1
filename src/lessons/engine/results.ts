/**
 * What running a step produces: plain data the TUI draws and the plain/JSON runners print.
 */
import type { Message } from '../../i18n/index.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { Mark, View } from '../../probes/view.js';
import type { LiveSample } from './live.js';

/** One pane's content: a view read from the kernel, or the reason there is none. */
export type Pane = { ok: true; view: View; marks: readonly Mark[] } | { ok: false; title: string; reason: string };

export type StepStatus = 'done' | 'failed' | 'skipped' | 'cancelled';

export interface StepResult {
  stepId: string;
  status: StepStatus;
  /** The step's text and shell line with PIDs filled in as they were when its action ran. */
  text: string;
  shell: string;
  /** The primitives the step's action performed, in order (runtime events and the lab's own). */
  events: PrimitiveEvent[];
  /** What the action printed (a command's output, what it observed). */
  output: string[];
  /** Why it failed or was skipped, in a sentence; with `hint` when the kernel error has one. */
  message?: string;
  /** The same sentence as a catalogue message, when its producer kept one: `--json` writes it in English. */
  said?: Message;
  hint?: string;
  host?: Pane;
  container?: Pane;
  /** For a `live:` step: every read of its probe while the action ran, and one after it ended. */
  live?: LiveSample[];
  /** For a break-it step: what the lab did to put things back, and the primitives that took. */
  reverted?: { output: string[]; events: PrimitiveEvent[]; message?: string };
  durationMs: number;
}
