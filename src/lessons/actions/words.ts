/**
 * How actions word things in the learner's language: lists joined as the language joins them, and
 * the one-line docs of their arguments (read by lint messages and by lessons/README.md, which
 * `npm run catalogue` writes in English).
 */
import type { ArgDef, ArgType } from '../../probes/arg-spec.js';
import { render, t } from '../../i18n/index.js';
import type { Message, MessageId } from '../../i18n/index.js';

/** Items of a list: `12, 13` in English, `12、13` in Chinese. */
export function listOf(items: readonly (string | number)[]): string {
  return items.join(t('actions.separator'));
}

/** Clauses of a sentence: `a; b` in English, `a；b` in Chinese. */
export function clauses(items: readonly string[]): string {
  return items.join(t('actions.separator.clause'));
}

/** Two or three choices: `memory and pids`. */
export function both(items: readonly string[]): string {
  return items.join(t('actions.separator.and'));
}

/** An argument whose doc is the message `doc`, read in the language current when it is shown. */
export function arg(type: ArgType, doc: MessageId | Message, more: Pick<ArgDef, 'default'> = {}): ArgDef {
  return {
    type,
    ...more,
    get doc() {
      return render(typeof doc === 'string' ? { id: doc } : doc);
    },
  };
}
