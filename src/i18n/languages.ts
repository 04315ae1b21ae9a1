/**
 * The languages the lab speaks, and how a name a learner or a locale gives maps to one of them.
 * Chinese comes in two written forms with their own vocabulary (zh-CN: 软件, 文件, 进程; zh-TW in
 * Taiwan usage: 軟體, 檔案, 行程), so the script or region decides: Hans and CN/SG are Simplified,
 * Hant and TW/HK/MO are Traditional.
 */

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;

export type Lang = (typeof LANGUAGES)[number];

/** Each language in its own words, as a learner looks for it in a list: never translated. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

/**
 * The language a name stands for: `en`, `zh-CN`, `zh_TW`, `zh-Hant`, `zh-HK`, or a whole locale
 * (`zh_CN.UTF-8`, `en_GB.utf8@euro`). A bare `zh` is Simplified, as glibc's and ICU's defaults
 * are. `C` and `POSIX` (the locale of a bare system) are English. Anything else is undefined.
 */
export function languageOf(name: string | undefined): Lang | undefined {
  if (!name) return undefined;
  // Drop the codeset and modifier (`.UTF-8`, `@euro`), then read it as a BCP 47 tag.
  const tag = name
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase();
  if (tag === 'c' || tag === 'posix' || tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag !== 'zh' && !tag.startsWith('zh-')) return undefined;
  const parts = tag.split('-').slice(1);
  if (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-TW';
  return 'zh-CN';
}
