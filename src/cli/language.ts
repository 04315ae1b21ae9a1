/**
 * `--lang`, a global option: taken out of the arguments before the command reads them, and the
 * language chosen (see choose-language.ts) before anything is printed.
 */
import { setLanguage, t } from '../i18n/index.js';
import { chooseLanguage } from './choose-language.js';
import { languageOf } from '../i18n/languages.js';
import { loadProgress, progressLocation } from '../lessons/progress.js';
import { UsageError } from './parse.js';

/** Sets the language from `--lang`, the saved choice or the locale; returns the other arguments. */
export function takeLanguage(argv: string[]): string[] {
  const rest: string[] = [];
  let flag: string | undefined;
  let missing = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // After `--` come a container's command and its own flags.
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      flag = argv[++i];
      missing = flag === undefined;
    } else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  const saved = loadProgress(progressLocation().file).progress.language;
  setLanguage(chooseLanguage({ flag, saved, env: process.env }).lang);
  if (missing || (flag !== undefined && !languageOf(flag))) throw new UsageError(t('cli.lang.unknown', { lang: flag ?? '' }));
  return rest;
}
