import { describe, expect, it } from 'vitest';
import { intentFor, NO_KEYS, splitKeys } from '../../src/tui/keys.js';
import type { Keys } from '../../src/tui/keys.js';
import { reduce } from '../../src/tui/reducer.js';
import { initialState } from '../../src/tui/state.js';

const k = (over: Partial<Keys>) => ({ ...NO_KEYS, ...over });
const home = initialState({
  lessons: [{ id: 'a', title: 'A', summary: '', steps: 3 }],
  doctorLine: '',
  progress: { version: 1, lessons: {} },
  columns: 80,
  rows: 24,
});
const lesson = reduce(home, { type: 'lesson-opened', id: 'a', index: 0, steps: 3 });

describe('keys', () => {
  it('home: arrows and j/k choose, Enter opens, q quits, ? helps', () => {
    expect(intentFor('', k({ downArrow: true }), home)).toEqual({ kind: 'home-move', delta: 1 });
    expect(intentFor('k', NO_KEYS, home)).toEqual({ kind: 'home-move', delta: -1 });
    expect(intentFor('', k({ return: true }), home)).toEqual({ kind: 'open' });
    expect(intentFor('q', NO_KEYS, home)).toEqual({ kind: 'quit' });
    expect(intentFor('?', NO_KEYS, home)).toEqual({ kind: 'help' });
    expect(intentFor('c', k({ ctrl: true }), home)).toEqual({ kind: 'quit' });
  });

  it('home: l switches the language; in a lesson it does nothing', () => {
    expect(intentFor('l', NO_KEYS, home)).toEqual({ kind: 'language' });
    expect(intentFor('l', NO_KEYS, lesson)).toBeUndefined();
  });

  it('lesson: Enter runs, arrows and p/n move, 1-5 predict, h r s e act, Esc goes home', () => {
    expect(intentFor('', k({ return: true }), lesson)).toEqual({ kind: 'run' });
    expect(intentFor('', k({ rightArrow: true }), lesson)).toEqual({ kind: 'step', delta: 1 });
    expect(intentFor('p', NO_KEYS, lesson)).toEqual({ kind: 'step', delta: -1 });
    expect(intentFor('2', NO_KEYS, lesson)).toEqual({ kind: 'predict', choice: 1 });
    expect(intentFor('h', NO_KEYS, lesson)).toEqual({ kind: 'hint' });
    expect(intentFor('r', NO_KEYS, lesson)).toEqual({ kind: 'reset' });
    expect(intentFor('s', NO_KEYS, lesson)).toEqual({ kind: 'shell' });
    expect(intentFor('e', NO_KEYS, lesson)).toEqual({ kind: 'events' });
    expect(intentFor('', k({ escape: true }), lesson)).toEqual({ kind: 'home' });
  });

  it('x shows, then runs, a your-turn solution; u undoes the step; neither is typed into an answer', () => {
    expect(intentFor('x', NO_KEYS, lesson)).toEqual({ kind: 'solution' });
    expect(intentFor('u', NO_KEYS, lesson)).toEqual({ kind: 'undo' });
    const answering = reduce(lesson, { type: 'answer-opened' });
    expect(intentFor('x', NO_KEYS, answering)).toBeUndefined();
    expect(intentFor('u', NO_KEYS, answering)).toBeUndefined();
  });

  it('a solution once shown is remembered for the second x; an undone step reads as not run, keeping its choice and hints', () => {
    const ran = reduce(reduce(lesson, { type: 'predicted', index: 0, choice: 1 }), {
      type: 'step-finished',
      index: 0,
      result: { stepId: 's', status: 'done', events: [], output: [], durationMs: 1, shell: '', text: '' },
    });
    const shown = reduce(ran, { type: 'solution-shown', index: 0 });
    expect(shown.lesson?.steps[0]?.solutionShown).toBe(true);
    const hinted = reduce(shown, { type: 'hint-shown', index: 0, text: 'a nudge' });
    expect(reduce(hinted, { type: 'step-undone', index: 0 }).lesson?.steps[0]).toEqual({ hints: ['a nudge'], choice: 1 });
  });

  it("↑ and ↓ scroll the step's text, also while an answer is typed", () => {
    expect(intentFor('', k({ downArrow: true }), lesson)).toEqual({ kind: 'scroll-text', delta: 3 });
    expect(intentFor('', k({ upArrow: true }), reduce(lesson, { type: 'answer-opened' }))).toEqual({ kind: 'scroll-text', delta: -3 });
    expect(
      reduce(reduce(lesson, { type: 'text-scrolled', delta: 30, lines: 9 }), { type: 'text-scrolled', delta: -3, lines: 9 }).lesson
        ?.textOffset,
    ).toBe(5);
  });

  it('with the primitives list open, ↑ and ↓ scroll it, and Esc closes it', () => {
    const open = reduce(lesson, { type: 'events-toggled' });
    expect(intentFor('', k({ downArrow: true }), open)).toEqual({ kind: 'scroll', delta: 5 });
    expect(intentFor('', k({ upArrow: true }), open)).toEqual({ kind: 'scroll', delta: -5 });
    expect(intentFor('', k({ escape: true }), open)).toEqual({ kind: 'events' });
    expect(reduce(reduce(open, { type: 'events-scrolled', delta: -5 }), { type: 'events-scrolled', delta: 5 }).lesson?.eventsOffset).toBe(
      5,
    );
  });

  it('while a step runs, only Esc (cancel), help and quit act; a step key says the step is busy', () => {
    const running = reduce(lesson, { type: 'step-started', index: 0, at: 0 });
    expect(intentFor('', k({ escape: true }), running)).toEqual({ kind: 'cancel' });
    expect(intentFor('', k({ return: true }), running)).toEqual({ kind: 'busy' });
    expect(intentFor('n', NO_KEYS, running)).toEqual({ kind: 'busy' });
    expect(intentFor('', k({ leftArrow: true }), running)).toEqual({ kind: 'busy' });
    expect(intentFor('z', NO_KEYS, running)).toBeUndefined();
    expect(intentFor('x', NO_KEYS, running)).toEqual({ kind: 'busy' });
    expect(intentFor('u', NO_KEYS, running)).toEqual({ kind: 'busy' });
    expect(intentFor('?', NO_KEYS, running)).toEqual({ kind: 'help' });
    expect(intentFor('q', NO_KEYS, running)).toEqual({ kind: 'quit' });
  });

  it('typing an answer: digits edit, Backspace deletes, Enter checks, Esc closes; other keys are ignored', () => {
    const typing = reduce(reduce(lesson, { type: 'answer-opened' }), { type: 'answer-typed', text: '40' });
    expect(intentFor('2', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '402' });
    expect(intentFor('', k({ backspace: true }), typing)).toEqual({ kind: 'answer-text', text: '4' });
    expect(intentFor('', k({ return: true }), typing)).toEqual({ kind: 'answer-submit' });
    expect(intentFor('', k({ escape: true }), typing)).toEqual({ kind: 'answer-close' });
    expect(intentFor('q', NO_KEYS, typing)).toBeUndefined();
  });

  it('keys that arrive together (fast typing, paste) still type, and a final Enter submits', () => {
    const typing = reduce(lesson, { type: 'answer-opened' });
    expect(intentFor('4012\r', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '4012', submit: true });
    expect(intentFor('55', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '55' });
  });

  it('Backspaces pressed fast arrive as one chunk, and each deletes one digit', () => {
    const typing = reduce(reduce(lesson, { type: 'answer-opened' }), { type: 'answer-typed', text: '4012' });
    expect(intentFor('\u007f\u007f\u007f', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '4' });
    expect(intentFor('\u007f\u007f9\r', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '409', submit: true });
    expect(intentFor('\b\b\b\b\b', NO_KEYS, typing)).toEqual({ kind: 'answer-text', text: '' });
  });

  it('h asks for a hint while the answer is open', () => {
    expect(intentFor('h', NO_KEYS, reduce(lesson, { type: 'answer-opened' }))).toEqual({ kind: 'hint' });
  });

  it('a chunk of keys typed together is taken one key at a time', () => {
    expect(splitKeys('nn', NO_KEYS, false)).toEqual([
      ['n', NO_KEYS],
      ['n', NO_KEYS],
    ]);
    expect(splitKeys('2\r', NO_KEYS, false)).toEqual([
      ['2', NO_KEYS],
      ['', { ...NO_KEYS, return: true }],
    ]);
    expect(splitKeys('\u001b[C', k({ rightArrow: true }), false)).toEqual([['\u001b[C', k({ rightArrow: true })]]);
    expect(splitKeys('4012', NO_KEYS, true)).toEqual([['4012', NO_KEYS]]);
  });

  it('the help screen closes with ?, Esc, Enter or q', () => {
    const help = reduce(lesson, { type: 'help-toggled' });
    expect(intentFor('', k({ escape: true }), help)).toEqual({ kind: 'help' });
    expect(intentFor('r', NO_KEYS, help)).toBeUndefined();
  });
});

describe('g: go to a step by number', () => {
  it('g opens the prompt; digits type, Backspace deletes, Enter goes, Esc closes; other keys do nothing', () => {
    expect(intentFor('g', NO_KEYS, lesson)).toEqual({ kind: 'jump-text', text: '' });
    const typing = reduce(lesson, { type: 'jump-typed', text: '1' });
    expect(intentFor('2', NO_KEYS, typing)).toEqual({ kind: 'jump-text', text: '12' });
    expect(intentFor('', k({ backspace: true }), typing)).toEqual({ kind: 'jump-text', text: '' });
    expect(intentFor('', k({ return: true }), typing)).toEqual({ kind: 'jump-submit' });
    expect(intentFor('', k({ escape: true }), typing)).toEqual({ kind: 'jump-text', text: undefined });
    expect(intentFor('q', NO_KEYS, typing)).toBeUndefined();
    expect(reduce(typing, { type: 'jump-typed', text: undefined }).lesson?.jump).toBeUndefined();
  });

  it('"g4\\r" typed at once is three keys', () => {
    expect(splitKeys('g4\r', NO_KEYS, false).map(([ch, key]) => (key.return ? 'Enter' : ch))).toEqual(['g', '4', 'Enter']);
  });
});
