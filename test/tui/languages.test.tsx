/**
 * The lab's chrome in each language at 80×24: every line fits the terminal in columns (a Chinese
 * character takes two), no line starts with closing punctuation, and the screens speak the chosen
 * language (read through the catalogue, not as sentences).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, setLanguage, translate } from '../../src/i18n/index.js';
import { textWidth } from '../../src/i18n/text-width.js';
import { KEY, startApp } from './harness.js';

let app: ReturnType<typeof startApp> | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
  setLanguage('en');
});
const lines = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').split('\n');

describe.each(LANGUAGES)('%s at 80×24', (lang) => {
  it('home, help, a lesson, a run step and a predict verdict fit and read in the language', async () => {
    setLanguage(lang);
    app = startApp({ columns: 80, rows: 24 });
    const frames: Record<string, string[]> = { home: lines(app.frame()) };
    await app.press('?');
    frames.help = lines(app.frame());
    await app.press('?', KEY.enter);
    frames.lesson = lines(app.frame());
    await app.press(KEY.enter);
    frames.ran = lines(app.frame());
    await app.press(KEY.right, '2');
    frames.predicted = lines(app.frame());

    for (const [screen, frame] of Object.entries(frames)) {
      expect(frame.length, screen).toBeLessThanOrEqual(24);
      for (const line of frame) {
        expect(textWidth(line), `${screen}: ${line}`).toBeLessThanOrEqual(80);
        expect(line, screen).not.toMatch(/^[，。、；：！？）」』]/);
      }
    }
    expect(frames.home!.join('\n')).toContain(translate(lang, 'tui.home.tagline'));
    expect(frames.help![0]).toBe(translate(lang, 'tui.help.keys'));
    expect(frames.lesson!.at(-1)).toContain(`Enter ${translate(lang, 'tui.key.run')}`);
    expect(frames.ran!.some((l) => l.startsWith(translate(lang, 'tui.lesson.what-ran')))).toBe(true);
    const verdict = translate(lang, 'tui.step.right', { number: 2, choice: '1', ends: 'open' });
    expect(frames.predicted!.join('\n')).toContain(verdict);
  });
});
