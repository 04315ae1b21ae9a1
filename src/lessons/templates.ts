/**
 * Placeholders in lesson strings: `{host:container}` is the host PID of the container's PID 1,
 * `{inside:process.sleeper}` the PID of a started process as the container sees it. They are filled
 * with numbers read from the running system, never with free text, so a filled argv stays the argv
 * the author wrote. Other braces (a shell's `${x}`) are left alone.
 */
import { PID_REF_HELP, isPidRef } from './arg-spec.js';

const PLACEHOLDER = /\{(host|inside):([^}]*)\}/g;

/** Which side a placeholder asks about. */
export type Side = 'host' | 'inside';

/** Returns a problem sentence for a bad placeholder in `text`, or undefined. */
export function templateProblem(text: string): string | undefined {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const ref = match[2] ?? '';
    if (!isPidRef(ref)) return `"${match[0]}" names no process; after \`${match[1]}:\` write ${PID_REF_HELP}.`;
  }
  return undefined;
}

/** The process references used in `text`, with their side. */
export function placeholders(text: string): { side: Side; ref: string }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ side: m[1] as Side, ref: m[2] ?? '' }));
}

/**
 * Fills every placeholder with `resolve(side, ref)`. A reference that cannot be resolved yet (no
 * container started) is left as written, so the learner still sees what it stands for.
 */
export function fillTemplate(text: string, resolve: (side: Side, ref: string) => number | undefined): string {
  return text.replace(PLACEHOLDER, (whole, side: Side, ref: string) => {
    const pid = resolve(side, ref);
    return pid === undefined ? whole : String(pid);
  });
}
