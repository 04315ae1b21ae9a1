/**
 * The lab's UI state, as plain data. Only the reducer changes it; components only read it.
 */
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
  /** Why this host cannot run it, from the doctor; undefined when it can. */
  blocked?: string;
}

/** Everything the lesson screen shows about one step. */
export interface StepState {
  result?: StepResult;
  /** The predict choice (0-based), once made. */
  choice?: number;
  /** Hint texts shown so far (nudge, pointer, answer). */
  hints: string[];
  /** The learner's your-turn answer being typed. */
  answer?: string;
  check?: CheckResult;
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
  progress: Progress;
  lesson?: LessonState;
  help: boolean;
  /** One sentence at the bottom: a warning, what failed and what to do next, a check's verdict. */
  /** A one-line message; `untilStepEnds` ones are about the running step and go when it ends. */
  message?: { text: string; tone: 'info' | 'ok' | 'bad'; untilStepEnds?: boolean };
}

export function initialState(init: { lessons: LessonEntry[]; doctorLine: string; progress: Progress; columns: number; rows: number; warning?: string }): LabState {
  return {
    screen: 'home',
    columns: init.columns,
    rows: init.rows,
    lessons: init.lessons,
    selected: 0,
    doctorLine: init.doctorLine,
    progress: init.progress,
    help: false,
    ...(init.warning ? { message: { text: init.warning, tone: 'bad' as const } } : {}),
  };
}

/** The home screen's rows: an optional "continue" row, then one per lesson. */
export function homeRows(state: LabState): { kind: 'continue' | 'lesson'; id: string; step: number }[] {
  const rows: { kind: 'continue' | 'lesson'; id: string; step: number }[] = [];
  const last = state.progress.last;
  if (last && state.lessons.some((l) => l.id === last.lesson)) rows.push({ kind: 'continue', id: last.lesson, step: last.step });
  for (const l of state.lessons) rows.push({ kind: 'lesson', id: l.id, step: state.progress.lessons[l.id]?.step ?? 0 });
  return rows;
}
