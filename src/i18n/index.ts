/**
 * The lab's words in three languages: English, Simplified Chinese (zh-CN) and Traditional Chinese
 * in Taiwan usage (zh-TW). Every learner-facing sentence is a message in a catalogue, looked up by
 * id: `t('tui.home.continue', { lesson, step, steps })`.
 *
 * Why ICU MessageFormat through `@messageformat/core`, in typed TypeScript catalogues:
 * - ICU MessageFormat keeps plural and select in the message (`{count, plural, one {…} other {…}}`),
 *   so no English grammar lives in code, and Chinese, which has no plural forms, simply writes one.
 *   `@messageformat/core` is the OpenJS Foundation's reference implementation of it, with one small
 *   parser and CLDR plural rules; it rejects a plural case a language does not have (`one` in zh).
 * - It is bundled into dist/ by esbuild like Ink is, so the lab's runtime dependencies stay koffi and
 *   node-pty. `@lingui/core` wants a Babel/SWC macro and an extraction step that esbuild lacks;
 *   `i18next` has its own `{{x}}` syntax and needs a plugin (and a second library) for ICU.
 * - The catalogues are `as const` TypeScript objects, one file per area per language
 *   (src/i18n/<lang>/<area>.ts), so helpers moving different areas never edit the same file. The
 *   type checker reads each English message's placeholders (./args.ts): a wrong id, a missing or
 *   misspelt value is a compile error, and a translated area cannot hold an id English lacks.
 * - A message not yet translated falls back to English. With CONTAINER_LAB_I18N_CHECK=1 the
 *   fallback is marked on screen (`⟦tui.home.next⟧ Next: …`), and test/i18n/catalogue.test.ts
 *   fails on any missing id or placeholder mismatch, so a release ships complete catalogues.
 *
 * Modules call `t()` for the current language (`setLanguage()` chooses it once, from `--lang`, the
 * locale or the saved progress; see src/cli/choose-language.ts), or `translate(lang, …)` for a given one (`--json`
 * adds the learner's language beside the English). A sentence kept for later (a message in the
 * TUI's state) is kept as a `Message` and rendered when drawn, so switching language redraws it.
 */
import messageFormatModule from '@messageformat/core';
import type { MessageArgs } from './args.js';
import { catalogue as en } from './en/index.js';
import type { Lang } from './languages.js';
import { catalogue as zhCN } from './zh-CN/index.js';
import { catalogue as zhTW } from './zh-TW/index.js';

export { LANGUAGE_NAMES, LANGUAGES, languageOf } from './languages.js';
export type { Lang } from './languages.js';

/** Every message id, from the English catalogue. */
export type MessageId = keyof typeof en;

/** What `t(id, …)` takes after the id: the message's values, or nothing when it has none. */
export type ArgsOf<Id extends MessageId> = keyof MessageArgs<(typeof en)[Id]> extends never ? [] : [values: MessageArgs<(typeof en)[Id]>];

/** A message kept to be rendered later, in whatever language is current then. */
export interface Message<Id extends MessageId = MessageId> {
  id: Id;
  values?: Record<string, unknown>;
}

const catalogues: Record<Lang, Partial<Record<MessageId, string>>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

let current: Lang = 'en';

/** Chooses the language `t()` speaks from now on. */
export function setLanguage(lang: Lang): void {
  current = lang;
}

/** The language `t()` speaks. */
export function language(): Lang {
  return current;
}

/** The message `id` in the current language. */
export function t<Id extends MessageId>(id: Id, ...values: ArgsOf<Id>): string {
  return format(current, id, values[0]);
}

/** The message `id` in `lang`, whatever the current language is. */
export function translate<Id extends MessageId>(lang: Lang, id: Id, ...values: ArgsOf<Id>): string {
  return format(lang, id, values[0]);
}

/** A message to render later (`render(m)`), with its values checked now. */
export function message<Id extends MessageId>(id: Id, ...values: ArgsOf<Id>): Message<Id> {
  return values[0] === undefined ? { id } : { id, values: values[0] };
}

/** A kept message in `lang` (the current language by default). */
export function render(m: Message, lang: Lang = current): string {
  return format(lang, m.id, m.values);
}

/** The ids English has and `lang` lacks: what is left to translate. */
export function missingIds(lang: Lang): MessageId[] {
  return (Object.keys(en) as MessageId[]).filter((id) => catalogues[lang][id] === undefined);
}

// The package's types describe an ES module with a default export, but its code sets
// module.exports to the class itself, so under Node and esbuild the default import is the class.
const MessageFormat = messageFormatModule as unknown as typeof messageFormatModule.default;
type MessageFormat = InstanceType<typeof MessageFormat>;

type Compiled = (values?: Record<string, unknown>) => string;

const formatters = new Map<Lang, MessageFormat>();
const compiled = new Map<string, Compiled>();

function format(lang: Lang, id: MessageId, values: object | undefined): string {
  const own = catalogues[lang][id];
  const text = compile(own === undefined ? 'en' : lang, id)(values as Record<string, unknown> | undefined);
  if (own === undefined && lang !== 'en' && process.env.CONTAINER_LAB_I18N_CHECK === '1') return `⟦${id}⟧ ${text}`;
  return text;
}

/** Messages are compiled to functions on first use (a few hundred microseconds each), then kept. */
function compile(lang: Lang, id: MessageId): Compiled {
  const key = `${lang}\0${id}`;
  let fn = compiled.get(key);
  if (!fn) {
    const mf = formatters.get(lang) ?? new MessageFormat(lang);
    formatters.set(lang, mf);
    fn = mf.compile(catalogues[lang][id] ?? en[id]) as Compiled;
    compiled.set(key, fn);
  }
  return fn;
}
