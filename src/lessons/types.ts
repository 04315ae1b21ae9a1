/**
 * The lesson format, as plain data.
 *
 * A lesson is a folder under `lessons/` named `<order>-<id>` (e.g. `01-pid-namespace`) holding
 * `lesson.yaml` (the structure: containers, steps, which action each step runs, which probes fill the
 * Host and Container panes) and `text.md` (every word the learner reads, one `## <step-id>` section
 * per step), with its translations beside it (`text.zh-CN.md`, `text.zh-TW.md`).
 * Nothing in a lesson can run a host command: a step names an action from the closed catalogue in
 * `src/lessons/actions/`, and the only free-form commands it may give run inside a lab container.
 * lessons/README.md documents the format for authors; this file is its type-level twin.
 */
import type { HostProgram } from '../doctor/host-programs.js';
import type { ContainerSpec } from '../runtime/spec.js';

/** Where something was written, for `file:line` messages. */
export interface Located {
  file: string;
  line: number;
  column: number;
}

/** A validated argument value of an action, probe or check. */
export type ArgValue = string | number | boolean | readonly string[];

/** Validated arguments, by name. */
export type Args = Readonly<Record<string, ArgValue>>;

/** `run:` — the named action a step performs, with its arguments. */
export interface RunSpec {
  action: string;
  args: Args;
  at: Located;
}

/** `host:` / `container:` — the probe that fills one pane, with its arguments. */
export interface ViewSpec {
  probe: string;
  args: Args;
  /** For the container pane: which of the lesson's containers to look inside. */
  container: string;
  /** The pane's title word(s): `Host`, `Container`, or the container it shows (see pane-labels.ts). */
  label?: string;
  at: Located;
}

/** `predict:` — a question the learner answers before the step's output is revealed. */
export interface Predict {
  /** From text.md's `### Predict`: the paragraph before the choices. */
  question: string;
  /** text.md's numbered list under the question. */
  choices: readonly string[];
  /** Index into `choices` (lesson.yaml says 1-based `answer: 2`; stored 0-based). */
  answer: number;
  /** text.md's `### Reveal`: why the right answer is right, and the common wrong one wrong. */
  reveal: string;
}

/** `yourTurn:` — a task the learner does, checked on the machine's real state. */
export interface YourTurn {
  /** text.md's `### Your turn`. */
  task: string;
  /** A check from the closed catalogue in `src/lessons/checks/`. */
  check: string;
  args: Args;
  /** What `--plain` does in the learner's place, so CI exercises the check on real state. */
  solution: RunSpec;
  /** text.md's `### Hints`, exactly three: a nudge, a pointer (which file or command), the answer. `{answer}` is filled in. */
  hints: readonly [string, string, string];
}

/**
 * `live:` — a probe the engine reads on the host again and again while the step's action runs, so
 * the pane can draw its meters as they move (a bar, a sparkline). Host side only: a read from inside
 * would itself be a process in the container, counted by the very limits it is watching.
 */
export interface LiveSpec {
  probe: string;
  args: Args;
  /** Milliseconds between two reads. */
  everyMs: number;
  /** Reads stop after this many milliseconds, even if the action still runs. */
  forMs: number;
  at: Located;
}

/** What a step's text points at in one pane. */
export interface PaneFacts {
  /** Column headings (as the probe names them) whose values the text reads. */
  columns: readonly string[];
  /** Rows it reads, by key or first cell (`/`, `NSpid`); `all`: every row of the pane. */
  rows: readonly string[] | 'all';
  /** The sentence under the pane's table (e.g. which mode the cgroup mounts add up to). */
  note: boolean;
  /** The pane's title, the exact file or command it read (e.g. the cgroup directory to write to). */
  title: boolean;
}

/**
 * `teaches:` — the facts a step's text points at. The layout keeps them on screen and whole at
 * 80×24 and wider; everything else may be shortened or left out to make room.
 */
export interface Teaches {
  host?: PaneFacts;
  container?: PaneFacts;
  /** Lines the step's action printed: every one, the first (what it chose) or the last (a verdict). */
  output?: 'all' | 'first' | 'last';
  /** Primitives, by call name (`openat`): their lines, with their times. */
  ran: readonly string[];
}

/** `breakIt:` — the step breaks something on purpose; the lab puts it back with `revert`. */
export interface BreakIt {
  revert: RunSpec;
}

export interface Step {
  /** Stable id, unique in its lesson; also its `## <id>: <title>` heading in text.md. */
  id: string;
  /** From text.md's `## <id>: <title>`. */
  title: string;
  /** Markdown from text.md, as read before the step runs. */
  text: string;
  /** What replaces `text` once the step has run, when that changes (text.md's `### Once it has run`). */
  ranText?: string;
  /** For whoever leads a workshop (text.md's `### Notes`): timing, questions, what to point at. Never shown to learners by default. */
  notes?: string;
  run: RunSpec;
  /**
   * What a person would type for the same thing (templates such as `{host:container}` filled in):
   * text.md's `### By hand`, shown as one line without the backticks of its code spans.
   */
  shell: string;
  /** text.md's `### Docker`: the Docker parallel, one line. */
  docker?: string;
  /**
   * Why this step takes longer than a keypress should, when it does so on purpose (it copies a
   * 32 MiB file to show what that costs). The benchmarks and the latency tests name it and leave
   * it out of the keypress bar.
   */
  slow?: string;
  host?: ViewSpec;
  container?: ViewSpec;
  predict?: Predict;
  yourTurn?: YourTurn;
  breakIt?: BreakIt;
  live?: LiveSpec;
  teaches?: Teaches;
  /** Host features this step needs (doctor finding ids); a missing one skips the step with the reason. */
  requires: readonly string[];
  /**
   * Host programs this step runs that its actions do not declare themselves (rare: actions list
   * theirs in `hostPrograms`). A missing one skips the step with the command that installs it.
   */
  needs: readonly HostProgram[];
  at: Located;
}

/** The prose of a step: what text.md (or a translation) gives it. */
export type StepProse = 'title' | 'text' | 'ranText' | 'shell' | 'docker';

/** A step as lesson.yaml gives it: structure only, before its prose is read from a text file. */
export interface StepShape extends Omit<Step, StepProse | 'predict' | 'yourTurn'> {
  predict?: Pick<Predict, 'answer'>;
  yourTurn?: Omit<YourTurn, 'task' | 'hints'>;
}

export interface Lesson {
  /** Stable id, e.g. `pid-namespace`: the folder name without its order prefix. */
  id: string;
  /** From the folder prefix: lessons are shown in this order. */
  order: number;
  /** The lesson folder. */
  dir: string;
  /** The language its prose is in: `en` (text.md), or the file it came from (`zh-CN`: text.zh-CN.md). */
  lang: string;
  /** text.md's `# <title>`. */
  title: string;
  /** text.md's `### Summary`: one line for the home screen. */
  summary: string;
  /** Markdown between `# <title>` and the first heading below it. */
  intro: string;
  /** The lesson's containers by name, in the order written; the first is the default. */
  containers: Readonly<Record<string, ContainerSpec>>;
  /** Host features every step needs. */
  requires: readonly string[];
  /** text.md's `### Read more`: man pages and documents for the curious, shown at the end. */
  readMore: readonly string[];
  steps: readonly Step[];
  /** A dev check only: steps the translation lacks, shown in English (never in a release: the lint refuses them). */
  untranslated?: readonly string[];
}

/** One problem found in a lesson file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}
