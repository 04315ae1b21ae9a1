import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/tui/reducer.js';
import { quitLines } from '../../src/tui/quit-plan.js';
import { homeRows, initialState } from '../../src/tui/state.js';
import type { LabState } from '../../src/tui/state.js';
import type { StepResult } from '../../src/lessons/engine/results.js';
import type { Progress } from '../../src/lessons/progress.js';

const lessons = [
  { id: 'pid-namespace', title: 'The PID namespace', summary: 's', steps: 10 },
  { id: 'mount-namespace', title: 'Mount namespace', summary: 's', steps: 9 },
];

function state(progress: Progress = { version: 1, lessons: {} }): LabState {
  return initialState({ lessons, doctorLine: 'doctor: 11 ok', progress, columns: 80, rows: 24 });
}

const result = (status: StepResult['status']): StepResult => ({
  stepId: 'x',
  status,
  text: 't',
  shell: 's',
  events: [],
  output: [],
  durationMs: 1,
});

describe('reducer', () => {
  it('offers "continue" first when there is somewhere to continue', () => {
    expect(homeRows(state()).map((r) => r.kind)).toEqual(['lesson', 'lesson']);
    const s = state({ version: 1, last: { lesson: 'mount-namespace', step: 3 }, lessons: {} });
    expect(homeRows(s)).toEqual([
      { kind: 'continue', id: 'mount-namespace', step: 3 },
      { kind: 'lesson', id: 'pid-namespace', step: 0 },
      { kind: 'lesson', id: 'mount-namespace', step: 0 },
    ]);
  });

  it('"continue" leads to the next step not done, and past a lesson that is done to the next lesson', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);
    const withIds = (progress: Progress) => ({
      ...state(progress),
      lessons: [
        { ...lessons[0]!, stepIds: ids(10) },
        { ...lessons[1]!, stepIds: ids(9) },
      ],
    });
    // On the last step, done, with step 8 left: back to step 8.
    const almost = withIds({
      version: 1,
      last: { lesson: 'pid-namespace', step: 9 },
      lessons: { 'pid-namespace': { step: 9, done: ids(10).filter((id) => id !== 's8') } },
    });
    expect(homeRows(almost)[0]).toEqual({ kind: 'continue', id: 'pid-namespace', step: 7 });
    // Every step done: the next lesson, from its first step not done.
    const finished = withIds({
      version: 1,
      last: { lesson: 'pid-namespace', step: 9 },
      lessons: { 'pid-namespace': { step: 9, done: ids(10) }, 'mount-namespace': { step: 0, done: ['s1'] } },
    });
    expect(homeRows(finished)[0]).toEqual({ kind: 'continue', id: 'mount-namespace', step: 1, next: true });
    // Everything done: no "continue" row.
    const all = withIds({
      version: 1,
      last: { lesson: 'mount-namespace', step: 8 },
      lessons: { 'pid-namespace': { step: 9, done: ids(10) }, 'mount-namespace': { step: 8, done: ids(9) } },
    });
    expect(homeRows(all).map((r) => r.kind)).toEqual(['lesson', 'lesson']);
  });

  it("a resize says the doctor's terminal size again, and going home drops the lesson's message", () => {
    const findings = [
      { id: 'root' as const, title: 'root', status: 'ok' as const, detail: 'uid 0' },
      { id: 'terminal' as const, title: 'terminal size', status: 'warn' as const, detail: '70×20', fix: 'The lab needs at least 80×24.' },
    ];
    let s: LabState = { ...state(), findings, doctorLine: 'doctor: 1 ok, 1 warning — terminal size: The lab needs at least 80×24.' };
    s = reduce(s, { type: 'resized', columns: 120, rows: 40 });
    expect(s.doctorLine).toBe('doctor: 2 ok');
    s = reduce(reduce(s, { type: 'lesson-opened', id: 'pid-namespace', index: 0, steps: 10 }), {
      type: 'message',
      text: 'Reset: … Press Enter',
      tone: 'info',
    });
    expect(reduce(s, { type: 'home-shown' }).message).toBeUndefined();
  });

  it('a change of language takes the lessons and findings read again in it, and says the doctor line again', () => {
    const findings = [{ id: 'root' as const, title: 'root', status: 'ok' as const, detail: 'uid 0' }];
    const lessons = [{ id: 'pid-namespace', title: 'PID 命名空间', summary: '', steps: 10 }];
    const s = reduce({ ...state(), doctorLine: 'old' }, { type: 'language-changed', lessons, findings });
    expect(s.lessons).toEqual(lessons);
    expect(s.findings).toEqual(findings);
    expect(s.doctorLine).not.toBe('old');
  });

  it('quitting lists what the lab made, and ticks each off as the ledger crosses it off', () => {
    let s = reduce(state(), {
      type: 'quitting',
      items: [
        { id: '4', what: 'process 20500 (PID 1 of 55348)' },
        { id: '2', what: 'directory /var/lib/container-lab/containers/55348' },
      ],
    });
    s = reduce(s, { type: 'teardown-done', id: '4' });
    expect(s.teardown).toEqual([
      { id: '4', what: 'process 20500 (PID 1 of 55348)', done: true },
      { id: '2', what: 'directory /var/lib/container-lab/containers/55348', done: false },
    ]);
    const lines = quitLines(s).map((l) => l.map((seg) => seg.text).join(''));
    expect(lines).toEqual([
      'Quitting: removing what the lab made (1 of 2 done)',
      '  ✓ process 20500 (PID 1 of 55348)',
      '  · directory /var/lib/container-lab/containers/55348',
    ]);
  });

  it('keeps the home selection inside the list', () => {
    let s = reduce(state(), { type: 'home-moved', delta: -1 });
    expect(s.selected).toBe(0);
    s = reduce(reduce(reduce(s, { type: 'home-moved', delta: 1 }), { type: 'home-moved', delta: 1 }), { type: 'home-moved', delta: 1 });
    expect(s.selected).toBe(1);
  });

  it('opens a lesson at a step, and moves between steps within bounds', () => {
    let s = reduce(state(), { type: 'lesson-opened', id: 'pid-namespace', index: 12, steps: 10 });
    expect(s.screen).toBe('lesson');
    expect(s.lesson?.index).toBe(9);
    s = reduce(s, { type: 'step-moved', delta: 1, steps: 10 });
    expect(s.lesson?.index).toBe(9);
    s = reduce(s, { type: 'step-moved', delta: -3, steps: 10 });
    expect(s.lesson?.index).toBe(6);
  });

  it('tracks a running step, then keeps its result', () => {
    let s = reduce(state(), { type: 'lesson-opened', id: 'pid-namespace', index: 0, steps: 10 });
    s = reduce(s, { type: 'step-started', index: 0, at: 1000 });
    expect(s.lesson).toMatchObject({ running: 0, runningSince: 1000 });
    s = reduce(s, { type: 'step-finished', index: 0, result: result('done') });
    expect(s.lesson?.running).toBeUndefined();
    expect(s.lesson?.steps[0]?.result?.status).toBe('done');
  });

  it('a message about the running step goes when the step ends; any other message stays', () => {
    let s = reduce(state(), { type: 'lesson-opened', id: 'pid-namespace', index: 0, steps: 10 });
    s = reduce(s, { type: 'step-started', index: 0, at: 1000 });
    s = reduce(s, { type: 'message', text: 'still running', tone: 'info', untilStepEnds: true });
    expect(reduce(s, { type: 'step-finished', index: 0, result: result('done') }).message).toBeUndefined();
    s = reduce(s, { type: 'message', text: 'Answer the question first', tone: 'info' });
    expect(reduce(s, { type: 'step-finished', index: 0, result: result('done') }).message?.text).toBe('Answer the question first');
  });

  it('does not move while an answer is being typed, and a right answer closes the input', () => {
    let s = reduce(state(), { type: 'lesson-opened', id: 'pid-namespace', index: 7, steps: 10 });
    s = reduce(reduce(s, { type: 'answer-opened' }), { type: 'answer-typed', text: '4002' });
    expect(reduce(s, { type: 'step-moved', delta: 1, steps: 10 }).lesson?.index).toBe(7);
    const wrong = reduce(s, { type: 'checked', index: 7, check: { ok: false, message: 'no' } });
    expect(wrong.lesson?.answering).toBe(true);
    const right = reduce(s, { type: 'checked', index: 7, check: { ok: true, message: 'yes' } });
    expect(right.lesson?.answering).toBe(false);
    expect(right.lesson?.steps[7]?.answer).toBe('4002');
  });

  it('reset forgets every step result but stays on the step', () => {
    let s = reduce(state(), { type: 'lesson-opened', id: 'pid-namespace', index: 3, steps: 10 });
    s = reduce(s, { type: 'step-finished', index: 3, result: result('done') });
    s = reduce(s, { type: 'lesson-reset' });
    expect(s.lesson).toMatchObject({ index: 3, steps: {} });
  });
});
