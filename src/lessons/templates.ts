/**
 * Placeholders in lesson strings: `{host:container}` is the host PID of the container's PID 1,
 * `{inside:process.sleeper}` the PID of a started process as the container sees it. They are filled
 * with numbers read from the running system, never with free text, so a filled argv stays the argv
 * the author wrote. Other braces (a shell's `${x}`) are left alone.
 */
import { t } from '../i18n/index.js';
import { isPidRef, pidRefHelp } from './arg-spec.js';

const PLACEHOLDER = /\{(host|inside):([^}]*)\}/g;

/** Which side a placeholder asks about. */
export type Side = 'host' | 'inside';

/** Returns a problem sentence for a bad placeholder in `text`, or undefined. */
export function templateProblem(text: string): string | undefined {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const ref = match[2] ?? '';
    if (!isPidRef(ref)) return t('lint.template.no-process', { placeholder: match[0], side: match[1]!, help: pidRefHelp() });
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

/** Every placeholder written in `text`, as written (`{host:lab}`), once each. */
export function placeholderTexts(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0]))];
}

/**
 * A placeholder no PID stands for yet, in words: "the lab's PID" in prose, `<lab PID>` in a
 * command, the way the lessons already write `<prefix>` and `<subnet>`.
 */
function inWords(side: Side, ref: string, command: boolean): string {
  if (ref === 'lab') return t(command ? 'lessons.template.lab-command' : 'lessons.template.lab');
  if (ref === 'container' || ref.startsWith('container.')) {
    if (side === 'inside') return '1';
    const name = ref === 'container' ? '' : ref.slice('container.'.length);
    if (!name) return t(command ? 'lessons.template.container-command' : 'lessons.template.container');
    return t(command ? 'lessons.template.host-pid-command' : 'lessons.template.named-container', { name });
  }
  const name = ref.slice('process.'.length);
  if (side === 'host') return t(command ? 'lessons.template.host-pid-command' : 'lessons.template.process-host', { name });
  return t(command ? 'lessons.template.process-inside-command' : 'lessons.template.process-inside', { name });
}

/**
 * Text as it is true right now: placeholders in `known` (placeholder → PID, read from the running
 * lesson) are filled, the others written in words, so a learner never reads `{host:container}`. In
 * a `command`, and inside Markdown code spans of prose, the words take the `<…>` form.
 */
export function presentTemplate(text: string, known: Readonly<Record<string, string>>, command = false): string {
  const fill = (part: string, asCommand: boolean) =>
    part.replace(
      PLACEHOLDER,
      (whole, side: Side, ref: string) => known[whole] ?? (/^\d+$/.test(ref) ? ref : inWords(side, ref, asCommand)),
    );
  if (command) return fill(text, true);
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => fill(part, i % 2 === 1))
    .join('');
}
