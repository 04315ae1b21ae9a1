/**
 * Which language the lab speaks, in this order:
 * 1. `--lang en|zh-CN|zh-TW` (also `zh_CN`, `zh-Hans`, `zh-Hant`, `zh-HK`, …), else the same in
 *    CONTAINER_LAB_LANG (for a workshop's shell profile, and for tests that read the lab's output);
 * 2. the language the learner last chose on the home screen, kept with their progress;
 * 3. the locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (POSIX's order), with GNU's `LANGUAGE`
 *    list first when that locale is not `C`, as gettext reads it;
 * 4. under sudo, when the environment names no locale (`sudo -i`, or a sudoers `env_reset` that keeps
 *    none), SUDO_USER's own `~/.config/locale.conf` (systemd's per-user locale), then the system's
 *    `/etc/locale.conf` or `/etc/default/locale`, which PAM gives every session it starts;
 * 5. English.
 *
 * Why the environment is trusted under sudo: sudo's default policy keeps `LANG`, `LANGUAGE` and
 * `LC_*` (its `env_check` list: kept when the value holds no `/` or `%`), so `sudo container-lab`
 * sees the learner's own locale; `sudo -V` as root lists them under "Environment variables to check
 * for safety". Files are read only when the environment is silent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { homeOf } from '../lessons/progress.js';
import { languageOf } from '../i18n/languages.js';
import type { Lang } from '../i18n/languages.js';

export interface LanguageSources {
  /** The `--lang` value, when given; one the lab does not speak is an error for the caller to report. */
  flag?: string;
  /** The language kept with the learner's progress. */
  saved?: Lang;
  env: NodeJS.ProcessEnv;
  /** Reads a file, or undefined when it cannot; a seam for tests. */
  read?: (file: string) => string | undefined;
  passwd?: string;
}

export type LanguageSource = 'flag' | 'CONTAINER_LAB_LANG' | 'saved' | 'locale' | 'user-locale-file' | 'system-locale-file' | 'default';

/** The language to speak, and where it came from. */
export function chooseLanguage(sources: LanguageSources): { lang: Lang; from: LanguageSource } {
  const { env } = sources;
  const read = sources.read ?? readOrUndefined;
  if (sources.flag !== undefined) {
    const lang = languageOf(sources.flag);
    if (lang) return { lang, from: 'flag' };
  }
  const fromEnv = languageOf(env.CONTAINER_LAB_LANG);
  if (fromEnv) return { lang: fromEnv, from: 'CONTAINER_LAB_LANG' };
  if (sources.saved) return { lang: sources.saved, from: 'saved' };
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v);
  if (locale) {
    const listed = languageOf(locale) === 'en' && /^(C|POSIX)([.@]|$)/.test(locale) ? [] : (env.LANGUAGE ?? '').split(':');
    const lang = [...listed, locale].map(languageOf).find(Boolean);
    if (lang) return { lang, from: 'locale' };
  }
  if (!locale && env.SUDO_USER) {
    const home = homeOf(env.SUDO_USER, sources.passwd);
    const fromUser = home ? localeFileLanguage(read(path.join(home, '.config', 'locale.conf'))) : undefined;
    if (fromUser) return { lang: fromUser, from: 'user-locale-file' };
    const fromSystem = localeFileLanguage(read('/etc/locale.conf') ?? read('/etc/default/locale'));
    if (fromSystem) return { lang: fromSystem, from: 'system-locale-file' };
  }
  return { lang: 'en', from: 'default' };
}

/** The language of a `KEY=value` locale file (locale.conf(5)), by the same order as the environment. */
export function localeFileLanguage(text: string | undefined): Lang | undefined {
  if (!text) return undefined;
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(LC_ALL|LC_MESSAGES|LANG|LANGUAGE)\s*=\s*"?([^"\s]*)"?\s*$/.exec(line);
    if (m) vars[m[1]!] = m[2]!;
  }
  const locale = vars.LC_ALL || vars.LC_MESSAGES || vars.LANG;
  return locale ? [...(vars.LANGUAGE ?? '').split(':'), locale].map(languageOf).find(Boolean) : undefined;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
