/**
 * Action summaries (the facilitator sheet of `container-lab notes`) and argument docs (lint
 * messages) are read in the language current when they are shown, not the one at import time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/index.js';
import type { Lang } from '../../src/i18n/index.js';
import { ACTIONS } from '../../src/lessons/actions/index.js';

/** Every action's summary and argument docs, by `action` and `action.arg`, in `lang`. */
function texts(lang: Lang): Map<string, string> {
  setLanguage(lang);
  const out = new Map<string, string>();
  for (const a of Object.values(ACTIONS)) {
    out.set(a.name, a.summary);
    for (const [name, def] of Object.entries(a.args)) out.set(`${a.name}.${name}`, def.doc);
  }
  return out;
}

describe('action summaries and argument docs', () => {
  afterEach(() => setLanguage('en'));

  it.each(['zh-CN', 'zh-TW'] as const)('read in %s when that is the current language', (lang) => {
    const english = texts('en');
    const translated = texts(lang);
    const same = [...english].filter(([key, text]) => translated.get(key) === text).map(([key]) => key);
    expect(same, 'still English').toEqual([]);
    expect(translated.get('exec.container')).toBe(lang === 'zh-CN' ? '哪个容器（默认：第一个）' : '哪個容器（預設：第一個）');
  });

  it('keep English for lessons/README.md when the language is English', () => {
    expect(texts('en').get('exec.argv')).toBe('the command and its arguments; {host:…}/{inside:…} filled with PIDs');
  });
});
