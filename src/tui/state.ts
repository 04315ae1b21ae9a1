/**
 * The lab's UI state, as plain data. Only the reducer changes it; components only read it.
 */
import type { Finding } from '../doctor/finding.js';
import type { CheckResult } from '../lessons/engine/session.js';
import type { StepResult } from '../lessons/engine/results.js';
import type { Progress } from '../lessons/progress.js';
import type { MeterSample } from '../probes/meter-lines.js';

/** What the home screen knows about one lesson. */
export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
  steps: number;
  /** The steps' ids, in order, to tell which are done. */
  stepIds?: readonly string[];
  /** Why this host cannot run it, from the doctor; undefined when it can. */
  blocked?: string;
  /** How many of its steps this host will skip, and the command that would let them run. */
  skipped?: { count: number; fix?: string };
}

/** Everything the lesson screen shows about one step. */
export interface StepState {
  result?: StepResult;
  /** The predict choice (0-based), once made. */
  choice?: number;
  /** Hint texts shown so far (nudge, pointer, answer). */
  hints: string[];
  /** The step was run by a fast-forward (a your-turn step: solved by its own solution), not by the learner. */
  fastForwarded?: boolean;
  /** The learner's your-turn answer being typed. */
  answer?: string;
  check?: CheckResult;
  /** The solution was shown (x): pressing x again runs it. */
  solutionShown?: boolean;
}

export interface LessonState {
  id: string;
  index: number;
  steps: Record<number, StepState>;
  /** The step running now, if any. */
  running?: number;
  /** When it started (ms since epoch), for the elapsed time shown while it runs. */
  runningSince?: number;
  /** Typing a your-turn answer. */
  answering: boolean;
  /** `g` was pressed: the step number typed so far (Enter goes there, Esc closes). */
  jump?: string;
  /** The primitives pane fills the screen. */
  eventsExpanded: boolean;
  /** First line shown of the full primitives list (↑/↓ scroll it). */
  eventsOffset?: number;
  /** First line shown of the step's text when it does not fit (↑/↓ scroll it). */
  textOffset?: number;
  /** The reads so far of the running step's `live:` probe. */
  live?: { index: number; title: string; samples: readonly MeterSample[] };
  /** The lesson's placeholders that name a PID right now (`{host:lab}` → `4012`); the others are shown in words. */
  pids?: Readonly<Record<string, string>>;
}

export interface LabState {
  screen: 'home' | 'lesson' | 'quitting';
  columns: number;
  rows: number;
  lessons: LessonEntry[];
  /** Selected row on the home screen (0 is "continue" when there is somewhere to continue). */
  selected: number;
  doctorLine: string;
  /** The doctor's findings behind `doctorLine`, to say it again when the terminal is resized. */
  findings?: readonly Finding[];
  progress: Progress;
  lesson?: LessonState;
  help: boolean;
  /** `--presenter`: each step's facilitator notes are shown under its text. */
  presenter?: boolean;
  /** While quitting: what the lab made, newest first, each ticked off once it is removed. */
  teardown?: { id: string; what: string; done: boolean }[];
  /** One sentence at the bottom: a warning, what failed and what to do next, a check's verdict. */
  /** A one-line message; `untilStepEnds` ones are about the running step and go when it ends. */
  message?: { text: string; tone: 'info' | 'ok' | 'bad'; untilStepEnds?: boolean };
}

export function initialState(init: {
  lessons: LessonEntry[];
  doctorLine: string;
  findings?: readonly Finding[];
  progress: Progress;
  columns: number;
  rows: number;
  warning?: string;
  presenter?: boolean;
}): LabState {
  return {
    screen: 'home',
    columns: init.columns,
    rows: init.rows,
    lessons: init.lessons,
    selected: 0,
    doctorLine: init.doctorLine,
    ...(init.findings ? { findings: init.findings } : {}),
    progress: init.progress,
    help: false,
    ...(init.presenter ? { presenter: true } : {}),
    ...(init.warning ? { message: { text: init.warning, tone: 'bad' as const } } : {}),
  };
}

export interface HomeRow {
  kind: 'continue' | 'lesson';
  id: string;
  step: number;
  /** A continue row that leads on to the next lesson: the last one is done. */
  next?: boolean;
}

/** The home screen's rows: an optional "continue" row, then one per lesson. */
export function homeRows(state: LabState): HomeRow[] {
  const rows: HomeRow[] = [];
  const target = continueAt(state);
  if (target) rows.push({ kind: 'continue', ...target });
  for (const l of state.lessons) rows.push({ kind: 'lesson', id: l.id, step: state.progress.lessons[l.id]?.step ?? 0 });
  return rows;
}

/** The first step of `lesson` not done, from `from` on, then from its start; undefined when all are. */
function stepNotDone(state: LabState, lesson: LessonEntry, from: number): number | undefined {
  const done = new Set(state.progress.lessons[lesson.id]?.done ?? []);
  if (!lesson.stepIds) return done.size >= lesson.steps ? undefined : from;
  const open = lesson.stepIds.map((id, i) => (done.has(id) ? -1 : i)).filter((i) => i >= 0);
  return open.find((i) => i >= from) ?? open[0];
}

/**
 * Where "continue" leads: the step the learner was on, or the next one not done yet; once the
 * whole lesson is done, the next lesson with steps to do. Nothing when every lesson is done.
 */
function continueAt(state: LabState): Omit<HomeRow, 'kind'> | undefined {
  const last = state.progress.last;
  const at = state.lessons.findIndex((l) => l.id === last?.lesson);
  if (!last || at < 0) return undefined;
  const here = stepNotDone(state, state.lessons[at]!, last.step);
  if (here !== undefined) return { id: last.lesson, step: here };
  for (const lesson of [...state.lessons.slice(at + 1), ...state.lessons.slice(0, at)]) {
    const step = stepNotDone(state, lesson, 0);
    if (step !== undefined) return { id: lesson.id, step, next: true };
  }
  return undefined;
}
