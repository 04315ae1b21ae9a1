/**
 * What a probe is: a read-only look at one kind of kernel object, usable on either side.
 *
 * A probe names the files it needs, a {@link Reader} fetches them (from the host or from inside a
 * container), and the probe turns them into a {@link View}. `procRoot` is a parameter so tests run
 * probes on fixture trees; lesson arguments that name processes arrive already resolved to the PID
 * that side uses (the container's PID 1 is 48213 on the host and 1 inside).
 */
import { t } from '../i18n/index.js';
import type { ArgSpecs } from './arg-spec.js';
import type { Reader } from './reader.js';
import type { View } from './view.js';

/** Probe arguments after resolution: process references are numbers. */
export type ProbeArgs = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface ProbeInput {
  reader: Reader;
  /** Where procfs is, `/proc` unless a test says otherwise. */
  procRoot: string;
  args: ProbeArgs;
}

export interface ProbeDef {
  /** The name lessons use, e.g. `process-status`. */
  name: string;
  /** One line for lessons/README.md. */
  summary: string;
  /**
   * The column headings of its table (a key/value view has none): what a step's `teaches:` may
   * name, checked by the linter.
   */
  columns?: readonly string[];
  /** Columns named only when it runs, beside `columns` (e.g. one per overlay layer): what they are. */
  moreColumns?: string;
  /** Arguments a lesson may give; `pid-ref` ones are resolved before `run`. */
  args: ArgSpecs;
  /** The exact file or command the pane shows, known before reading (used when the read fails). */
  title(procRoot: string, args: ProbeArgs): string;
  run(input: ProbeInput): Promise<View>;
}

/** A numeric argument, or an error naming the probe (arguments are validated when lessons load). */
export function pidArg(args: ProbeArgs, name: string): number {
  const value = args[name];
  if (typeof value !== 'number') throw new Error(t('probes.arg-not-pid', { name, value: String(value) }));
  return value;
}

/**
 * Reads `<procRoot>/<pid>/<file>` for the PID in argument `pid`: its text, or the sentence a pane
 * shows instead when it could not be read (the process ended, or permission was refused).
 */
export async function readPidFile(
  reader: Reader,
  procRoot: string,
  args: ProbeArgs,
  file: string,
): Promise<{ path: string; text?: string; note?: string }> {
  const path = `${procRoot}/${pidArg(args, 'pid')}/${file}`;
  const snap = await reader.read([{ path, kind: 'file' }]);
  const text = snap.files.get(path);
  return text === undefined
    ? { path, note: t('probes.file-error', { path, error: snap.errors.get(path) ?? t('probes.unreadable') }) }
    : { path, text };
}
