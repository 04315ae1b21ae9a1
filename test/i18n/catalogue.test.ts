/**
 * The catalogues are complete and agree with English: every id English has, in every language; the
 * same placeholder names; the same `code spans` (commands, paths and kernel names are never
 * translated); plural cases the language has. A failure names the ids, so it reads as a to-do list.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@messageformat/parser';
import type { Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, message, missingIds, render, t, translate } from '../../src/i18n/index.js';
import type { Lang, MessageId } from '../../src/i18n/index.js';
import { catalogue as en } from '../../src/i18n/en/index.js';
import { catalogue as zhCN } from '../../src/i18n/zh-CN/index.js';
import { catalogue as zhTW } from '../../src/i18n/zh-TW/index.js';

const catalogues: Record<Lang, Partial<Record<MessageId, string>>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
const translations = LANGUAGES.filter((l) => l !== 'en');
const ids = Object.keys(en) as MessageId[];

/** The argument names a message uses, sorted. */
function argumentNames(text: string, lang: Lang): string[] {
  const cardinal = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as never;
  const names = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'argument') names.add(token.arg);
      if (token.type === 'function') names.add(token.arg);
      if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
        names.add(token.arg);
        for (const c of token.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(text, { cardinal }));
  return [...names].sort();
}

const codeSpans = (text: string) => [...new Set(text.match(/`[^`]+`/g) ?? [])].sort();

describe('catalogues', () => {
  it.each(translations)('%s has every id English has', (lang) => {
    expect(missingIds(lang), `untranslated in ${lang}`).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message parses, with the plural cases the language has', (lang) => {
    const broken = Object.entries(catalogues[lang]).flatMap(([id, text]) => {
      try {
        argumentNames(text!, lang);
        return [];
      } catch (err) {
        return [`${id}: ${(err as Error).message.split('\n')[0]}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(translations)('%s uses the same placeholders and code spans as English', (lang) => {
    const differ = ids.flatMap((id) => {
      const text = catalogues[lang][id];
      if (text === undefined) return [];
      const problems: string[] = [];
      const want = argumentNames(en[id], 'en');
      const got = argumentNames(text, lang);
      if (want.join() !== got.join()) problems.push(`${id}: placeholders {${got.join(', ')}}, English has {${want.join(', ')}}`);
      if (codeSpans(en[id]).join() !== codeSpans(text).join())
        problems.push(`${id}: code spans ${codeSpans(text)} differ from English ${codeSpans(en[id])}`);
      return problems;
    });
    expect(differ).toEqual([]);
  });

  it('keeps each area in its own file, every id prefixed with its area', async () => {
    const dir = path.join(import.meta.dirname, '../../src/i18n/en');
    const areas = readdirSync(dir)
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    for (const area of areas) {
      const module = (await import(path.join(dir, `${area}.ts`))) as Record<string, Record<string, string>>;
      const stray = Object.keys(module[area]!).filter((id) => !id.startsWith(`${area}.`));
      expect(stray, `ids in en/${area}.ts`).toEqual([]);
    }
  });
});

describe('t', () => {
  it('fills placeholders and chooses plural forms per language', () => {
    expect(translate('en', 'tui.home.skipped', { count: 1, fix: 'apt install nftables' })).toContain('1 step will');
    expect(translate('en', 'tui.home.skipped', { count: 3, fix: 'apt install nftables' })).toContain('3 steps will');
    expect(translate('zh-CN', 'tui.home.skipped', { count: 3, fix: 'apt install nftables' })).toContain('3');
    expect(translate('zh-TW', 'tui.home.next', { lesson: 'overlay', step: 2, steps: 9 })).toContain('overlay');
  });

  it('renders a kept message in the language current when it is drawn', () => {
    const m = message('tui.home.blocked', { why: 'no overlayfs' });
    expect(render(m, 'en')).toBe(t('tui.home.blocked', { why: 'no overlayfs' }));
    expect(render(m, 'zh-CN')).toBe(translate('zh-CN', 'tui.home.blocked', { why: 'no overlayfs' }));
  });

  it('falls back to English for an untranslated id, marked when CONTAINER_LAB_I18N_CHECK=1', () => {
    const id: MessageId = 'tui.home.no-lessons';
    const zh = zhCN as Partial<Record<MessageId, string>>;
    const saved = zh[id];
    delete zh[id];
    const before = process.env.CONTAINER_LAB_I18N_CHECK;
    try {
      expect(missingIds('zh-CN')).toContain(id);
      delete process.env.CONTAINER_LAB_I18N_CHECK;
      expect(translate('zh-CN', id)).toBe(translate('en', id));
      process.env.CONTAINER_LAB_I18N_CHECK = '1';
      expect(translate('zh-CN', id)).toBe(`⟦${id}⟧ ${translate('en', id)}`);
    } finally {
      zh[id] = saved;
      if (before === undefined) delete process.env.CONTAINER_LAB_I18N_CHECK;
      else process.env.CONTAINER_LAB_I18N_CHECK = before;
    }
  });
});
