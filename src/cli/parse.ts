/**
 * Parsers for command-line values, and the check every privileged command makes first (root).
 * Each bad value becomes one sentence that says what to type.
 */
import { parseSize } from '../cgroups/size.js';
import { parseCapName, type CapName } from '../kernel/constants.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Stops a command that needs root with a sentence saying so (and why, when `why` is given). */
export function needRoot(what: string, why?: string): void {
  if (process.getuid?.() !== 0) throw new UsageError(`${what} needs root${why ? ` (${why})` : ''}: run it again with sudo.`);
}

/** `32m`, `512k`, `1g`, `1048576` → bytes, at least 4 MiB (a container's shell needs about that). */
export function parseMemory(text: string): number {
  const bytes = parseSize(text);
  if (bytes === undefined || bytes < 4 * 1024 * 1024) {
    throw new UsageError(`--memory "${text}" is not a size the lab accepts: give at least 4m, like --memory 32m (units k, m, g).`);
  }
  return bytes;
}

/** A positive integer for pids.max. */
export function parsePids(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--pids "${text}" must be a whole number of processes, 1 or more, like --pids 20.`);
  return n;
}

/** CPUs as a decimal fraction, e.g. 0.5. */
export function parseCpus(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0.01 || n > 1024) throw new UsageError(`--cpus "${text}" must be a number of CPUs such as 0.5 or 2.`);
  return n;
}

export function parseCap(text: string): CapName {
  const cap = parseCapName(text);
  if (!cap)
    throw new UsageError(
      `--cap-drop "${text}" is not a capability this kernel knows; try names like NET_RAW or CAP_SYS_ADMIN (see \`man 7 capabilities\`).`,
    );
  return cap;
}

export function parseHostname(text: string): string {
  if (!/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})$/.test(text))
    throw new UsageError(`--hostname "${text}" must be 1-63 letters, digits or dashes, starting with a letter or digit.`);
  return text;
}
