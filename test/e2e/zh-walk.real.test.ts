/**
 * Whole lessons in Chinese, in tmux on the real kernel, with the keys a learner presses: the
 * pid-namespace lesson in zh-CN at 80×24 and the whiteouts lesson in zh-TW at 120×40, each started
 * with `--lang`. Enter runs a step, the right digit answers a predict, and a your-turn step is
 * solved with its solution key (`x` shows it, `x` again runs and checks it), as an instructor
 * rehearsing would. On every screen: the step counter where it should be, no `⟦id⟧` (the lab runs
 * with CONTAINER_LAB_I18N_CHECK=1, which marks each catalogue message still in English), no English
 * words in the lines read as prose, no line wider than the terminal in cells (read with the
 * terminal's wrapping undone). Every step must end
 * done (the progress file says so), and the lab must leave nothing behind.
 *
 * Also `l` on the home screen: the home screen redraws in the next language, lesson titles too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { type Lang, translate } from '../../src/i18n/index.js';
import { loadGlossary } from '../../src/lessons/glossary.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';
import { englishRuns } from '../../src/lessons/validate-translation.js';
import { textWidth } from '../../src/i18n/text-width.js';
import { pathVars, useTier } from '../helpers/lab.js';
import { CLEAN, machineState, strayProcesses, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const LESSONS = path.resolve(__dirname, '../../lessons');
const PATHS = useTier('zhWalk');
const ENV = { ...pathVars(PATHS), CONTAINER_LAB_I18N_CHECK: '1' };

const glossary = loadGlossary(LESSONS).glossary;
const KEEP = glossary?.keep ?? [];
const TERMS = (glossary?.terms ?? []).map((term) => term.en);

const lessonIn = (id: string, lang: Lang): Lesson => loadLessons(LESSONS, lang).lessons.find((l) => l.id === id)!;

/** The text a message shows before its first value: what to look for when the value is not known. */
const before = (text: string) => text.split('\u0000')[0]!;

/**
 * What is wrong with a Chinese screen: a marked fallback, a line wider than the terminal, English
 * words in its prose. Panes and "What ran" are kernel output and stay English; of the rest, the
 * lines that can be told apart on a terminal are read: the header, the footer, and a check's
 * verdict (`✓ …`), which a sentence built outside the catalogue would otherwise pass unmarked.
 */
function screenProblems(joined: string, columns: number): string[] {
  const problems: string[] = [];
  const lines = joined.split('\n').map((l) => l.trimEnd());
  const marker = lines.find((l) => l.includes('⟦'));
  if (marker) problems.push(`a message is not translated: ${marker.trim()}`);
  const wide = lines.find((l) => textWidth(l) > columns);
  if (wide) problems.push(`a line ${textWidth(wide)} cells wide: ${wide}`);
  const filled = lines.filter((l) => l.trim() !== '');
  // A verdict goes on until "What ran" (`──`), an output line (`│`) or an indented pane row.
  const verdict: string[] = [];
  let inVerdict = false;
  for (const l of lines) {
    inVerdict = l.startsWith('✓ ') || (inVerdict && !/^(──|│|\s|$)/.test(l));
    if (inVerdict) verdict.push(l);
  }
  for (const line of [filled[0] ?? '', filled.at(-1) ?? '', ...verdict])
    for (const run of englishRuns(line, KEEP, TERMS)) problems.push(`English on screen: "${run}" in ${line}`);
  return problems;
}

/** The ids of the steps the progress file records as done in `lesson`. */
function doneSteps(lab: TmuxLab, lesson: string): string[] {
  try {
    return JSON.parse(fs.readFileSync(lab.progressFile, 'utf8')).lessons?.[lesson]?.done ?? [];
  } catch {
    return [];
  }
}

async function walk(lessonId: string, lang: Lang, columns: number, rows: number): Promise<void> {
  const lesson = lessonIn(lessonId, lang);
  expect(machineState(PATHS)).toEqual(CLEAN);
  const lab = new TmuxLab({
    name: 'clabz-walk',
    env: ENV,
    columns,
    rows,
    lessonDir: lesson.dir,
    args: ['--lang', lang],
    timeoutMs: 60_000,
  });
  const seen: string[] = [];
  const look = (when: string) => {
    for (const p of screenProblems(lab.joinedScreen(), columns)) seen.push(`${when}: ${p}\n${lab.screen()}`);
  };
  const running = before(translate(lang, 'tui.step.running', { elapsed: '\u0000' }));
  const waiting = translate(lang, 'tui.step.enter-run');
  const settled = (s: string) => !s.includes(running) && !s.includes(waiting);
  try {
    await lab.waitFor((s) => s.includes(translate(lang, 'tui.home.tagline')) && s.includes(lesson.title), 'the home screen');
    look('the home screen');
    const n = lesson.steps.length;
    await lab.press('Enter', (s) => s.includes(`1/${n} · `), 'step 1');
    for (const [i, step] of lesson.steps.entries()) {
      const header = `${i + 1}/${n} · `;
      if (i > 0) await lab.next((s) => s.includes(header), `step ${i + 1}`);
      look(`step ${step.id} before it runs`);
      if (step.yourTurn) {
        // Enter runs the step's look and opens the answer line; Esc closes it, so x reaches the step.
        await lab.press('Enter', (s) => s.includes(header) && /› ▌/.test(s), `step ${step.id}: the answer line`);
        look(`step ${step.id} with its answer line open`);
        await lab.press('Escape', (s) => !/› ▌/.test(s), 'the answer line closed');
        // Esc then a key at once would read as Alt+key.
        await new Promise((r) => setTimeout(r, 100));
        const shown = lab.screen();
        await lab.press('x', (s) => s !== shown, `step ${step.id}: its solution shown`);
        look(`step ${step.id} with its solution shown`);
        lab.keys('x');
        expect(await waitUntil(() => doneSteps(lab, lesson.id).includes(step.id), 90_000), `${step.id} solved and checked`).toBe(true);
        await lab.until((s) => s.includes(header) && settled(s) && s.includes('✓'), `step ${step.id}: the check passing`);
        look(`step ${step.id} solved`);
        // Where the answer line is still open, Esc closes it (n would be typed into it).
        if (/› \d*▌/.test(lab.screen())) {
          await lab.press('Escape', (s) => !/› \d*▌/.test(s), 'the answer line closed');
          await new Promise((r) => setTimeout(r, 100));
        }
        continue;
      }
      const key = step.predict ? String(step.predict.answer + 1) : 'Enter';
      lab.keys(key);
      expect(await waitUntil(() => doneSteps(lab, lesson.id).includes(step.id), 90_000), `${step.id} done`).toBe(true);
      const after = await lab.until((s) => s.includes(header) && settled(s), `step ${step.id} drawn after it ran`);
      if (step.predict) {
        const p = step.predict;
        const choice = p.choices[p.answer]!;
        const verdict = translate(lang, 'tui.step.right', {
          number: p.answer + 1,
          choice,
          ends: /[.!?。！？]$/.test(choice) ? 'sentence' : 'open',
        });
        // The verdict may wrap: compare it with the screen's text run together.
        const flat = (s: string) => s.replace(/\s+/g, '');
        await lab
          .until((s) => flat(s).includes(flat(verdict)), `step ${step.id}: the verdict ${verdict}`)
          .catch(() => {
            seen.push(`step ${step.id}: the verdict "${verdict}" is not on screen\n${after}`);
          });
      }
      look(`step ${step.id} after it ran`);
    }
    expect(doneSteps(lab, lesson.id).sort()).toEqual(lesson.steps.map((s) => s.id).sort());
    lab.keys('q');
    expect(await lab.exited(15_000), 'the lab exits after q').toBe(true);
    expect(lab.exitStatus()).toBe(0);
  } finally {
    await lab.shutDown();
  }
  expect(seen).toEqual([]);
  expect(await waitUntil(() => JSON.stringify(machineState(PATHS)) === JSON.stringify(CLEAN), 5_000)).toBe(true);
  expect(strayProcesses(PATHS)).toEqual([]);
}

describeTier('whole lessons in Chinese in tmux, real kernel', { root: true, cli: true, programs: ['tmux'] }, () => {
  it('pid-namespace in zh-CN at 80×24', () => walk('pid-namespace', 'zh-CN', 80, 24), 300_000);
  it('whiteouts in zh-TW at 120×40', () => walk('whiteouts', 'zh-TW', 120, 40), 300_000);

  it('l on the home screen redraws it in the next language', async () => {
    const titles = (lang: Lang) => loadLessons(LESSONS, lang).lessons.map((l) => l.title);
    const lab = new TmuxLab({ name: 'clabz-lang', env: ENV, columns: 80, rows: 24, args: ['--lang', 'zh-CN'] });
    try {
      const home = (lang: Lang) => (s: string) =>
        s.includes(translate(lang, 'tui.home.tagline')) && titles(lang).every((title) => s.includes(title));
      await lab.waitFor(home('zh-CN'), 'the home screen in zh-CN');
      expect(screenProblems(lab.joinedScreen(), 80)).toEqual([]);
      await lab.press('l', home('zh-TW'), 'the home screen in zh-TW');
      expect(lab.screen()).not.toContain(translate('zh-CN', 'tui.home.tagline'));
      expect(screenProblems(lab.joinedScreen(), 80)).toEqual([]);
      await lab.press('l', home('en'), 'the home screen in English');
      expect(await lab.quit()).toBe(true);
      expect(JSON.parse(fs.readFileSync(lab.progressFile, 'utf8')).language).toBe('en');
    } finally {
      await lab.close();
    }
    expect(machineState(PATHS)).toEqual(CLEAN);
  }, 60_000);
});
