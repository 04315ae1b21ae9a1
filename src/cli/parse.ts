/**
 * Parsers for command-line values, and the check every privileged command makes first (root).
 * Each bad value becomes one sentence that says what to type.
 */
import { parseSize } from '../cgroups/size.js';
import { t } from '../i18n/index.js';
import { parseCapName, type CapName } from '../kernel/constants.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Stops a command that needs root with a sentence saying so (and why, when `why` is given): `what`
 * is a command (`run`, `cleanup`, `lesson`, `lab`), `why` what it does as root (`namespaces`).
 */
export function needRoot(what: string, why?: string): void {
  if (process.getuid?.() !== 0) throw new UsageError(why ? t('cli.needs-root-why', { what, why }) : t('cli.needs-root', { what }));
}

/** `32m`, `512k`, `1g`, `1048576` → bytes, at least 4 MiB (a container's shell needs about that). */
export function parseMemory(text: string): number {
  const bytes = parseSize(text);
  if (bytes === undefined || bytes < 4 * 1024 * 1024) {
    throw new UsageError(t('cli.bad-memory', { value: text }));
  }
  return bytes;
}

/** A positive integer for pids.max. */
export function parsePids(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t('cli.bad-pids', { value: text }));
  return n;
}

/** CPUs as a decimal fraction, e.g. 0.5. */
export function parseCpus(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0.01 || n > 1024) throw new UsageError(t('cli.bad-cpus', { value: text }));
  return n;
}

export function parseCap(text: string): CapName {
  const cap = parseCapName(text);
  if (!cap) throw new UsageError(t('cli.bad-cap', { value: text }));
  return cap;
}

export function parseHostname(text: string): string {
  if (!/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})$/.test(text)) throw new UsageError(t('cli.bad-hostname', { value: text }));
  return text;
}
