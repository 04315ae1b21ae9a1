/**
 * Every lesson walked in tmux at 80×24 on the real kernel, as a learner would: each step run with
 * Enter (or the right answer to its question), a your-turn step answered wrong, with all three
 * hints, then left; then `q`. On every screen: no `{host:…}` placeholder, the columns the step
 * declares in `teaches:` under their headings, the answer being typed on screen; the quit screen
 * lists what is being removed, the lab exits within a second, and nothing is left behind.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import type { Step } from '../../src/lessons/types.js';
import { pathVars, useTier } from '../helpers/lab.js';
import { CLEAN, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { TmuxLab } from '../helpers/tmux-lab.js';

const LESSONS = path.resolve(__dirname, '../../lessons');
const PATHS = useTier('e2e');
const ENV = pathVars(PATHS);
const { lessons } = loadLessons(LESSONS);

/** The screen shows the step after it ran: neither waiting for it nor running it. */
const ran = (s: string) =>
  [`Enter ${t('tui.key.run')}`, `0-9 ${t('tui.key.type')}`].some((k) => s.includes(k)) &&
  ![
    t('tui.step.enter-run'),
    t('tui.step.answer-above', { count: 0 }).split('(')[0]!,
    t('tui.step.running', { elapsed: '' }).split(' ')[0]!,
  ].some((w) => s.includes(w));

/** What is wrong with a screen, for this step. */
function problems(screen: string, step: Step): string[] {
  const found: string[] = [];
  const placeholder = screen.match(/\{(host|inside):[^}]*\}/);
  if (placeholder) found.push(`a placeholder is on screen: ${placeholder[0]}`);
  for (const side of ['host', 'container'] as const) {
    for (const column of step.teaches?.[side]?.columns ?? []) {
      if (!new RegExp(`(^|\\s)${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'm').test(screen))
        found.push(`the ${side} pane's ${column} column is not on screen`);
    }
  }
  return found;
}

describeTier('every lesson in tmux at 80×24, as a learner walks it', { root: true, cli: true, programs: ['tmux'] }, () => {
  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s',
    async (_id, lesson) => {
      expect(machineState(PATHS)).toEqual(CLEAN);
      const lab = new TmuxLab({
        name: 'clsc-walk',
        env: ENV,
        columns: 80,
        rows: 24,
        lessonDir: path.join(LESSONS, path.basename(lesson.dir)),
        timeoutMs: 60_000,
      });
      const seen: string[] = [];
      const check = (screen: string, step: Step, when: string) => {
        for (const p of problems(screen, step)) seen.push(`step ${step.id} (${when}): ${p}\n${screen}`);
      };
      try {
        await lab.waitFor((s) => s.includes(`Enter ${t('tui.key.open')}`), 'the home screen');
        await lab.press('Enter', (s) => s.includes(`1/${lesson.steps.length} · `), 'step 1');
        for (const [i, step] of lesson.steps.entries()) {
          const header = `${i + 1}/${lesson.steps.length} · `;
          if (i > 0) await lab.next((s) => s.includes(header), `step ${i + 1}`);
          const before = lab.screen();
          const placeholder = before.match(/\{(host|inside):[^}]*\}/);
          if (placeholder) seen.push(`step ${step.id} (before it runs): a placeholder is on screen: ${placeholder[0]}\n${before}`);
          const key = step.predict ? String(step.predict.answer + 1) : 'Enter';
          lab.keys(key);
          // A your-turn step has run once its answer line is open.
          const prompt = step.yourTurn && `${CHECKS[step.yourTurn.check]!.prompt} › `;
          const after = await lab.until(
            (s) => s.includes(header) && ran(s) && (!prompt || s.includes(prompt)),
            `step ${step.id} to run`,
            90_000,
          );
          check(after, step, 'after it ran');
          if (step.predict) {
            const choice = step.predict.choices[step.predict.answer]!;
            const verdict = t('tui.step.right', {
              number: step.predict.answer + 1,
              choice,
              ends: /[.!?]$/.test(choice) ? 'sentence' : 'open',
            });
            expect(after.replace(/\s+/g, ' '), step.id).toContain(verdict);
          }
          if (prompt) {
            lab.type('1');
            await lab.waitFor((s) => s.includes(`${prompt}1▌`), 'the answer typed');
            const typed = lab.screen();
            lab.keys('Enter');
            await lab.until((s) => s !== typed && s.includes(`${prompt}1▌`), 'the verdict, with the answer still on screen');
            for (const n of [1, 2, 3]) await lab.press('h', (s) => s.includes(t('tui.step.hint', { number: n })), `hint ${n}`);
            check(lab.screen(), step, 'answered, with three hints');
            expect(lab.screen(), 'the answer line stays on screen with three hints').toContain(`${prompt}1▌`);
            await lab.press('Escape', (s) => s.includes(`Enter ${t('tui.key.run')}`), 'the answer closed');
            // Esc then a key at once would read as Alt+key.
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        lab.keys('q');
        // The quit screen: its first word, then what it says before any count.
        const quitting = await lab.until(
          (s) => s.includes(t('tui.quit.nothing').split(' ')[0]!) || !lab.alive(),
          'the quit screen',
          10_000,
        );
        const saying = [t('tui.quit.removing', { done: 0, total: 0 }), t('tui.quit.removed', { count: 2 })].map(
          (l) => l.split(/[(\d]/)[0]!,
        );
        if (lab.alive())
          expect(
            saying.some((w) => quitting.includes(w)),
            quitting,
          ).toBe(true);
        expect(await lab.exited(5_000), 'the lab exits after q').toBe(true);
      } finally {
        await lab.shutDown();
      }
      expect(seen).toEqual([]);
      expect(await waitUntil(() => JSON.stringify(machineState(PATHS)) === JSON.stringify(CLEAN), 5_000)).toBe(true);
    },
    600_000,
  );
});
