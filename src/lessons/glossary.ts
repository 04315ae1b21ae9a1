/**
 * `lessons/glossary.yaml`: the one translation of each term, per language, that the linter holds
 * every translated text file to (lessons/README.md, "Translations").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { t } from '../i18n/index.js';
import type { Problem } from './types.js';
import { YamlFile } from './yaml-file.js';

export interface GlossaryEntry {
  /** The English term, as a lesson writes it (`namespace`, `system call`). */
  en: string;
  /** Its translation, by language. */
  to: Readonly<Record<string, string>>;
  /** Forms the linter reports, by language: a variant, or the other script's spelling. */
  not: Readonly<Record<string, readonly string[]>>;
}

export interface Glossary {
  /** Technical terms: used when the English uses them, with the English in parentheses the first time. */
  terms: readonly GlossaryEntry[];
  /** Everyday words: only their `not` forms are reported. */
  words: readonly GlossaryEntry[];
  /** English a translation keeps as it is (`OOM killer`). */
  keep: readonly string[];
}

export const GLOSSARY_FILE = 'glossary.yaml';

/** The glossary of a lessons directory, if it has one (an instructor's own folder may not). */
export function loadGlossary(lessonsDir: string): { glossary?: Glossary; problems: Problem[] } {
  const file = path.join(lessonsDir, GLOSSARY_FILE);
  if (!existsSync(file)) return { problems: [] };
  const yaml = new YamlFile(file, readFileSync(file, 'utf8'));
  const top = yaml.root && yaml.map(yaml.root, GLOSSARY_FILE);
  if (!top) return { problems: yaml.problems };
  const keys = yaml.entries(top, GLOSSARY_FILE, ['terms', 'words', 'keep'], ['terms']);
  const entries = (key: string): GlossaryEntry[] => {
    const seq = keys.has(key) ? yaml.seq(keys.get(key), `\`${key}\``) : undefined;
    return (seq?.items ?? []).flatMap((node) => {
      const entry = glossaryEntry(yaml, node, key);
      return entry ? [entry] : [];
    });
  };
  const glossary = {
    terms: entries('terms'),
    words: entries('words'),
    keep: keys.has('keep') ? (yaml.textList(keys.get('keep'), '`keep`') ?? []) : [],
  };
  return yaml.problems.length ? { problems: yaml.problems } : { glossary, problems: [] };
}

function glossaryEntry(yaml: YamlFile, node: Node, list: string): GlossaryEntry | undefined {
  const map = yaml.map(node, t('lint.label.glossary-entry', { list }));
  if (!map) return undefined;
  const to: Record<string, string> = {};
  const not: Record<string, string[]> = {};
  let en: string | undefined;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'en') en = yaml.text(pair.value ?? undefined, t('lint.label.key', { what: `\`${list}\``, key: 'en' }));
    else if (key === 'not' && isMap(pair.value))
      for (const p of pair.value.items)
        not[String((p.key as Node & { value: unknown }).value)] = yaml.textList(p.value as Node, '`not`') ?? [];
    else if (/^[a-z]{2}(-[A-Z]{2})?$/.test(key))
      to[key] = yaml.text(pair.value ?? undefined, t('lint.label.key', { what: `\`${list}\``, key })) ?? '';
    else yaml.report(pair.key as Node, t('lint.glossary.unknown-key', { list, key }));
  }
  if (!en) yaml.report(map, t('lint.glossary.no-en', { list }));
  return en ? { en, to, not } : undefined;
}
