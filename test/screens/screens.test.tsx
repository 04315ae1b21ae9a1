/**
 * Every step of every lesson, drawn by Ink from the real lesson files and what each step showed on
 * a real kernel (fixtures/, recorded by record.ts): before it runs, after it runs, a predict step's
 * verdict, a your-turn step with an answer being typed, three hints and a wrong answer's verdict,
 * then the right one. Each frame must fit the terminal, show no `{…}` placeholder, keep what the
 * step's `teaches:` declares whole (no `…` inside a declared column), and show the input and
 * feedback in full; prose that does not fit must say how to scroll it.
 *
 * In three languages, each with its lesson text files, catalogue and recording: English at 80×24
 * and 120×40, with and without `--presenter`; zh-CN at 80×24 and zh-TW at 120×40 (every size in
 * every language would triple the file's minute on two cores, and the layout code is the same).
 * A Chinese frame's prose must also start no line with closing punctuation and hold no English
 * sentence: one a catalogue or text file has not translated yet fails here.
 *
 * `SCREENS_DUMP=DIR` also writes every frame drawn to DIR/<lesson>-<lang>-<size>.txt, to read them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { type Lang, setLanguage, t, translate } from '../../src/i18n/index.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { loadGlossary } from '../../src/lessons/glossary.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { plainText } from '../../src/lessons/markdown.js';
import { placeholderTexts } from '../../src/lessons/templates.js';
import type { Lesson, Step } from '../../src/lessons/types.js';
import { planLesson } from '../../src/tui/lesson-plan.js';
import { LessonScreen } from '../../src/tui/LessonScreen.js';
import { reduce } from '../../src/tui/reducer.js';
import type { LabAction } from '../../src/tui/reducer.js';
import { initialState } from '../../src/tui/state.js';
import type { LabState } from '../../src/tui/state.js';
import { themeFor } from '../../src/tui/theme.js';
import { recorded } from './fixture.js';
import type { RecordedStep } from './fixture.js';
import { chineseProseProblems, frameProblems, missing, paneProblems, ranProblems, regions } from './screen-checks.js';

const LESSONS = path.resolve(__dirname, '../../lessons');
const SMALL = { columns: 80, rows: 24 };
const LARGE = { columns: 120, rows: 40 };
const RUNS: { lang: Lang; sizes: (typeof SMALL)[]; presenter: boolean }[] = [
  { lang: 'en', sizes: [SMALL, LARGE], presenter: true },
  { lang: 'zh-CN', sizes: [SMALL], presenter: false },
  { lang: 'zh-TW', sizes: [LARGE], presenter: false },
];
const glossary = loadGlossary(LESSONS).glossary;
const keep = glossary?.keep ?? [];
const terms = (glossary?.terms ?? []).map((term) => term.en);
const theme = themeFor({});
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The PIDs a step's filled shell line and text give its placeholders, as the lab would know them. */
function pidsFrom(step: Step, rec: RecordedStep): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [template, filled] of [
    [step.shell, rec.result.shell],
    [step.ranText ?? step.text, rec.result.text],
  ] as const) {
    const names = placeholderTexts(template);
    if (!names.length) continue;
    const parts = template.split(/(\{(?:host|inside):[^}]*\})/);
    const pattern = new RegExp(
      `^${parts.map((p, i) => (i % 2 ? '(\\d+|\\{[^}]*\\})' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
      's',
    );
    const m = pattern.exec(filled);
    parts.forEach((p, i) => {
      const value = m?.[(i + 1) / 2];
      if (i % 2 && value && /^\d+$/.test(value)) found[p] = value;
    });
  }
  return found;
}

/** Draws states of one lesson at one size, and collects what is wrong with each frame. */
class Screen {
  readonly problems: string[] = [];
  private readonly ui;

  constructor(
    private readonly lesson: Lesson,
    private readonly lang: Lang,
    private readonly columns: number,
    private readonly rows: number,
    private readonly presenter = false,
  ) {
    this.ui = render(<></>);
    Object.defineProperty(this.ui.stdout, 'columns', { value: columns });
    Object.defineProperty(this.ui.stdout, 'rows', { value: rows });
  }

  start(index: number): LabState {
    const home = initialState({
      lessons: [{ id: this.lesson.id, title: this.lesson.title, summary: '', steps: this.lesson.steps.length }],
      doctorLine: '',
      progress: { version: 1, lessons: {} },
      columns: this.columns,
      rows: this.rows,
      presenter: this.presenter,
    });
    return reduce(home, { type: 'lesson-opened', id: this.lesson.id, index, steps: this.lesson.steps.length });
  }

  /** Draws the state; checks the frame; returns its parts. */
  draw(state: LabState, what: string) {
    const plan = planLesson(state, this.lesson, 0, theme.mono);
    this.ui.rerender(<LessonScreen plan={plan} theme={theme} />);
    const frame = strip(this.ui.lastFrame() ?? '');
    const parts = regions(frame, plan);
    const where = `${this.lesson.id} ${this.lang} ${this.columns}×${this.rows} step ${state.lesson!.index + 1} ${what}`;
    const dump = process.env.SCREENS_DUMP;
    if (dump)
      fs.appendFileSync(path.join(dump, `${this.lesson.id}-${this.lang}-${this.columns}x${this.rows}.txt`), `==== ${where}\n${frame}\n`);
    const report = (problems: string[]) => {
      if (problems.length)
        this.problems.push(
          `${where}:\n  ${problems.join('\n  ')}\n${frame
            .split('\n')
            .map((l) => `  | ${l}`)
            .join('\n')}`,
        );
    };
    report(frameProblems(frame, this.columns, this.rows));
    if (this.lang !== 'en') report(chineseProseProblems(plan, keep, terms));
    const step = this.lesson.steps[state.lesson!.index]!;
    // A bullet is drawn as `•`, not as plainText's `-`.
    const text = plainText(state.lesson!.steps[state.lesson!.index]?.result?.text ?? step.text)
      .map((l) => l.replace(/^\s*- /, ''))
      .join(' ');
    if (
      missing(text.replace(/\{(host|inside):[^}]*\}/g, ''), parts.text).length &&
      !parts.text.some((l) => l.includes(scrollCue(this.lang)))
    )
      report(['the text is not all shown, and nothing says how to scroll it']);
    return { plan, parts, report };
  }

  close(): void {
    this.ui.unmount();
  }
}

/** The words that start the line saying the text scrolls (`↑↓ scroll the text · lines 1-9 of 20`). */
const scrollCue = (lang: Lang) => translate(lang, 'tui.lesson.text-scroll', { from: 0, to: 0, total: 0 }).split('0')[0]!;

/** Choice `i` as a verdict names it: number, text, and whether the text ends its own sentence. */
function choice(choices: readonly string[], i: number) {
  const text = choices[i] ?? '';
  return { number: i + 1, choice: text, ends: /[.!?。！？]$/.test(text) ? 'sentence' : 'open' };
}

function walk(lesson: Lesson, lang: Lang, columns: number, rows: number, presenter = false): string[] {
  const rec = recorded(lesson.id, lang);
  const screen = new Screen(lesson, lang, columns, rows, presenter);
  let known: Record<string, string> = { '{host:lab}': String(rec.labPid) };
  const done: LabAction[] = [];
  lesson.steps.forEach((step, index) => {
    const r = rec.steps[index];
    if (!r || r.id !== step.id)
      throw new Error(`${lesson.id}: the fixture has no step ${step.id} at ${index + 1}: run test/screens/record.ts again.`);
    const at = (...actions: LabAction[]) =>
      [...done, { type: 'pids-read', pids: known } as LabAction, ...actions].reduce(reduce, screen.start(index));

    // Before it runs: opened straight at this step (no PID known but the lab's), and in order.
    screen.draw(reduce(screen.start(index), { type: 'pids-read', pids: { '{host:lab}': String(rec.labPid) } }), 'opened directly');
    const before = screen.draw(at(), 'before it runs');
    // With --presenter on a large screen, the notes are under the text (at 80×24 they may give way).
    if (
      presenter &&
      rows >= 40 &&
      step.notes &&
      !before.parts.notes.some((l) => l.includes(translate(lang, 'tui.lesson.notes', { notes: '' }).trim()))
    )
      before.report(['--presenter: the notes are not shown']);
    if (!presenter && before.parts.notes.length) before.report(['notes are shown without --presenter']);
    if (step.predict) {
      const lost = missing([step.predict.question, ...step.predict.choices].join(' '), before.parts.extra);
      if (lost.length) before.report([`the predict question and choices: ${lost.join(' ')} not shown`]);
    }

    const wrongChoice = step.predict ? (step.predict.answer === 0 ? 1 : 0) : undefined;
    const ran = at(...(wrongChoice !== undefined ? [{ type: 'predicted', index, choice: wrongChoice } as LabAction] : []), {
      type: 'step-finished',
      index,
      result: r.result,
    });
    const after = screen.draw(ran, 'after it ran');
    after.report([
      ...paneProblems('host', r.result.host, step.teaches?.host, after.parts.host),
      ...paneProblems('container', r.result.container, step.teaches?.container, after.parts.container),
      ...ranProblems(step, r.result, after.parts.events),
    ]);
    if (step.predict) {
      const p = step.predict;
      const answer = choice(p.choices, p.answer);
      const verdict = t('tui.step.wrong', {
        ...choice(p.choices, wrongChoice!),
        answer: answer.number,
        answerChoice: answer.choice,
        answerEnds: answer.ends,
      });
      const lost = missing(`${verdict} ${p.reveal}`, after.parts.extra);
      if (lost.length) after.report([`the predict verdict and reveal: ${lost.join(' ')} not shown`]);
    }

    if (step.yourTurn && r.turn) {
      const prompt = CHECKS[step.yourTurn.check]!.prompt;
      const typing = [
        { type: 'answer-opened' },
        { type: 'answer-typed', text: '4012' },
        ...r.turn.hints.map((text) => ({ type: 'hint-shown', index, text })),
        { type: 'checked', index, check: r.turn.wrong },
        { type: 'message', text: r.turn.wrong.message, tone: 'bad' },
      ] as LabAction[];
      const wrong = screen.draw([...typing].reduce(reduce, ran), 'answered wrong, with three hints');
      const lost = missing([step.yourTurn.task, ...r.turn.hints].join(' '), wrong.parts.extra);
      wrong.report([
        ...(wrong.parts.extra.some((l) => l.includes(`${prompt} › 4012▌`)) ? [] : [`the answer line "${prompt} › 4012▌" is not shown`]),
        ...(lost.length ? [`the task and hints: ${lost.join(' ')} not shown`] : []),
        ...missing(r.turn.wrong.message, wrong.parts.message).map((p) => `the verdict: ${p} not shown`),
        ...paneProblems('host', r.turn.wrong.host ?? r.result.host, step.teaches?.host, wrong.parts.host),
      ]);
      const solved: LabAction[] = [
        ...typing,
        { type: 'answer-typed', text: r.turn.answer },
        { type: 'checked', index, check: r.turn.check },
        { type: 'message', text: t('tui.msg.done'), tone: 'ok' },
      ];
      const right = screen.draw(solved.reduce(reduce, ran), 'answered right');
      right.report(missing(r.turn.check.message, right.parts.extra).map((p) => `the right answer's verdict: ${p} not shown`));
      done.push({ type: 'step-finished', index, result: r.result }, { type: 'checked', index, check: r.turn.check });
    } else {
      done.push(...(wrongChoice !== undefined ? [{ type: 'predicted', index, choice: wrongChoice } as LabAction] : []), {
        type: 'step-finished',
        index,
        result: r.result,
      });
    }
    known = { ...known, ...pidsFrom(step, r) };
  });
  screen.close();
  return screen.problems;
}

afterEach(() => setLanguage('en'));

describe.each(RUNS.map((run) => [run.lang, run] as const))('in %s', (_lang, { lang, sizes, presenter }) => {
  const { lessons } = loadLessons(LESSONS, lang);
  describe.each(lessons.map((l) => [l.id, l] as const))('%s on screen', (_id, lesson) => {
    it.each(sizes)('every step at $columns×$rows shows what it teaches, its input and feedback', ({ columns, rows }) => {
      setLanguage(lang);
      const problems = walk(lesson, lang, columns, rows);
      expect(problems.join('\n\n'), `${problems.length} frames with problems`).toBe('');
    });
    if (presenter)
      it.each(sizes)('with --presenter at $columns×$rows the notes give way to everything the step teaches', ({ columns, rows }) => {
        setLanguage(lang);
        const problems = walk(lesson, lang, columns, rows, true);
        expect(problems.join('\n\n'), `${problems.length} frames with problems`).toBe('');
      });
  });
});
