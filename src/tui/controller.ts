/**
 * The controller carries out the learner's intents: it runs steps on the lesson session, checks
 * answers, fetches hints, hands the terminal to a container shell, saves progress, and reports
 * every outcome to the store as a reducer action. Nothing here draws; components only read state.
 */
import type { Finding } from '../doctor/index.js';
import { LANGUAGES, language, setLanguage, t } from '../i18n/index.js';
import { fastForward, stepsBefore } from '../lessons/engine/fast-forward.js';
import { fastForwardedLine, fastForwardingLine, fastForwardStoppedLine } from '../lessons/engine/fast-forward-text.js';
import { LessonSession } from '../lessons/engine/session.js';
import type { SessionOptions } from '../lessons/engine/session.js';
import { undoMessage } from '../lessons/engine/undo.js';
import { recordStep, unrecordStep } from '../lessons/progress.js';
import { describeSolution } from '../lessons/solution.js';
import type { Progress } from '../lessons/progress.js';
import { placeholderTexts } from '../lessons/templates.js';
import type { Lesson } from '../lessons/types.js';
import type { ContainerRuntime } from '../runtime/api.js';
import type { Intent } from './keys.js';
import { textLines } from './lesson-plan.js';
import { withHint } from './step-lines.js';
import { homeRows } from './state.js';
import type { LabState } from './state.js';
import type { StepState } from './state.js';
import type { Store } from './store.js';
import { shellEnv } from './shell-env.js';

export interface ControllerDeps {
  /** Loads and validates one lesson (when it is opened); problems as `file:line:column: message`. */
  loadLesson(id: string): { lesson?: Lesson; problems: string[] };
  /** The runtime, once opened (it opens while the learner reads the home screen). */
  runtime(): Promise<ContainerRuntime>;
  missingFeature(feature: string): string | undefined;
  /** The home screen's lessons and the doctor's findings, read again after the language changed. */
  relabel(): { lessons: LabState['lessons']; findings: readonly Finding[] };
  /** Saves progress; returns a warning sentence when it could not. */
  saveProgress(progress: Progress): string | undefined;
  /** Gives the terminal to a shell inside the container until it exits. */
  openShell(command: { file: string; args: string[] }): Promise<void>;
  /** What the lab has made and quitting will remove, newest first (from the ledger). */
  teardownItems(): { id: string; what: string }[];
  /** Tears everything down and ends the app. */
  quit(): Promise<void>;
  /** Test seams: a fixture /proc and reader. */
  session?: Partial<SessionOptions>;
}

export class LabController {
  /** The lessons opened so far, validated, by id (the lesson screen draws from these). */
  readonly loaded = new Map<string, Lesson>();
  private session: LessonSession | undefined;
  private abort: AbortController | undefined;

  constructor(
    private readonly store: Store,
    private readonly deps: ControllerDeps,
  ) {}

  /** Handles one intent; a failure becomes a message, never a crash. */
  handle(intent: Intent): Promise<void> {
    return this.guarded(this.perform(intent));
  }

  /** Opens a lesson at step `step` (0-based; `lesson <id> --step N`), the steps before it fast-forwarded. */
  openAt(id: string, step: number): Promise<void> {
    return this.guarded(this.open(id, step));
  }

  private guarded(work: Promise<void>): Promise<void> {
    return work.catch((err: unknown) => {
      this.store.dispatch({
        type: 'message',
        text: withHint((err as Error).message, (err as { hint?: string }).hint),
        tone: 'bad',
      });
    });
  }

  /** Before a teardown on a signal: cancel the running step and delete the lesson's containers. */
  async settle(): Promise<void> {
    await this.closeSession();
  }

  private get lesson(): Lesson | undefined {
    const id = this.store.getState().lesson?.id;
    return id === undefined ? undefined : this.loaded.get(id);
  }

  private async perform(intent: Intent): Promise<void> {
    const { store } = this;
    const state = store.getState();
    const l = state.lesson;
    switch (intent.kind) {
      case 'home-move':
        return store.dispatch({ type: 'home-moved', delta: intent.delta });
      case 'language': {
        const lang = LANGUAGES[(LANGUAGES.indexOf(language()) + 1) % LANGUAGES.length]!;
        setLanguage(lang);
        // Lessons opened so far were read in the language before.
        this.loaded.clear();
        store.dispatch({ type: 'language-changed', ...this.deps.relabel() });
        return this.saveProgress({ ...store.getState().progress, language: lang });
      }
      case 'open': {
        const row = homeRows(state)[state.selected];
        if (row) await this.open(row.id, row.step);
        return;
      }
      case 'help':
        return store.dispatch({ type: 'help-toggled' });
      case 'events':
        return store.dispatch({ type: 'events-toggled' });
      case 'scroll':
        return store.dispatch({ type: 'events-scrolled', delta: intent.delta });
      case 'scroll-text':
        if (!l || !this.lesson) return;
        return store.dispatch({ type: 'text-scrolled', delta: intent.delta, lines: textLines(state, this.lesson) });
      case 'cancel':
        this.abort?.abort();
        return;
      case 'busy':
        return store.dispatch({
          type: 'message',
          text: t('tui.msg.busy'),
          tone: 'info',
          untilStepEnds: true,
        });
      case 'home':
        await this.closeSession();
        return store.dispatch({ type: 'home-shown' });
      case 'quit':
        store.dispatch({ type: 'quitting', items: this.deps.teardownItems() });
        this.abort?.abort();
        // The running step ends first, so nothing is created behind the teardown; then the runtime
        // removes the lesson's containers and everything else side by side (deps.quit).
        await this.session?.idle();
        this.session = undefined;
        return this.deps.quit();
      case 'step':
        if (!l || !this.lesson) return;
        store.dispatch({ type: 'step-moved', delta: intent.delta, steps: this.lesson.steps.length });
        return this.saveProgress(recordStep(store.getState().progress, l.id, store.getState().lesson!.index));
      case 'run':
        return this.run();
      case 'predict':
        return this.predict(intent.choice);
      case 'hint':
        return this.hint();
      case 'reset':
        return this.reset();
      case 'solution':
        return this.solution();
      case 'undo':
        return this.undo();
      case 'shell':
        return this.shell();
      case 'answer-text':
        store.dispatch({ type: 'answer-typed', text: intent.text });
        return intent.submit ? this.submit() : undefined;
      case 'answer-close':
        return store.dispatch({ type: 'answer-closed' });
      case 'answer-submit':
        return this.submit();
      case 'jump-text':
        return store.dispatch({ type: 'jump-typed', text: intent.text });
      case 'jump-submit':
        return this.jump();
    }
  }

  private async open(id: string, step: number): Promise<void> {
    const { lesson, problems } = this.loaded.has(id) ? { lesson: this.loaded.get(id), problems: [] } : this.deps.loadLesson(id);
    if (!lesson) {
      const problem = problems[0] ?? t('tui.msg.lesson-missing');
      this.store.dispatch({
        type: 'message',
        text:
          problems.length > 1
            ? t('tui.msg.lesson-broken-more', { problem, count: problems.length - 1 })
            : t('tui.msg.lesson-broken', { problem }),
        tone: 'bad',
      });
      return;
    }
    this.loaded.set(id, lesson);
    await this.closeSession();
    const runtime = await this.deps.runtime();
    this.session = new LessonSession({ lesson, runtime, missingFeature: this.deps.missingFeature, ...this.deps.session });
    this.session.onLive((stepId, samples) => {
      const index = lesson.steps.findIndex((st) => st.id === stepId);
      const title = samples[samples.length - 1]?.view.title ?? '';
      this.store.dispatch({
        type: 'live-read',
        index,
        title,
        samples: samples.map((x) => ({ atMs: x.atMs, meters: x.view.meters ?? [] })),
      });
    });
    this.store.dispatch({ type: 'lesson-opened', id, index: step, steps: lesson.steps.length });
    this.readPids();
    this.saveProgress(recordStep(this.store.getState().progress, id, this.store.getState().lesson!.index));
    await this.fastForwardTo(this.store.getState().lesson!.index);
  }

  /**
   * Reads which of the lesson's placeholders name a PID now (the lab's own at once, a container's
   * once it runs), so text read before a step runs shows real numbers, or words, never `{host:…}`.
   */
  private readPids(): void {
    const session = this.session;
    if (!session) return;
    const pids: Record<string, string> = {};
    for (const p of lessonPlaceholders(session.lesson)) {
      const filled = session.fill(p);
      if (filled !== p) pids[p] = filled;
    }
    this.store.dispatch({ type: 'pids-read', pids });
  }

  private async closeSession(): Promise<void> {
    this.abort?.abort();
    const session = this.session;
    this.session = undefined;
    await session?.close();
  }

  private async run(): Promise<void> {
    const l = this.store.getState().lesson;
    const step = this.lesson?.steps[l?.index ?? -1];
    if (!l || !step) return;
    const s = l.steps[l.index];
    if (step.predict && s?.choice === undefined) {
      this.store.dispatch({ type: 'message', text: t('tui.msg.answer-first', { count: step.predict.choices.length }), tone: 'info' });
      return;
    }
    // Enter does the next thing a learner would do: run a step that has not run (or did not
    // succeed), and go on once it has. Its panes stay on screen when the learner comes back (←).
    if (s?.result?.status === 'done' && (!step.yourTurn || s.check?.ok)) {
      if (l.index + 1 < (this.lesson?.steps.length ?? 0)) return this.perform({ kind: 'step', delta: 1 });
      this.store.dispatch({ type: 'message', text: t('tui.msg.last-step'), tone: 'info' });
      return;
    }
    if (step.yourTurn && s?.result?.status === 'done') {
      this.store.dispatch({ type: 'answer-opened' });
      return;
    }
    await this.runStep(l.index);
    if (step.yourTurn && this.store.getState().lesson?.steps[l.index]?.result?.status === 'done')
      this.store.dispatch({ type: 'answer-opened' });
  }

  private async runStep(index: number): Promise<void> {
    const session = this.session;
    const lesson = this.lesson;
    if (!session || !lesson) return;
    // Steps passed with → and never run are run first: this step builds on what they leave.
    const ff = await this.fastForwardTo(index);
    if (ff.stopped) return;
    this.abort = new AbortController();
    this.store.dispatch({ type: 'step-started', index, at: Date.now() });
    const result = await session.runStep(index, this.abort.signal);
    this.abort = undefined;
    if (this.session !== session) return;
    this.store.dispatch({ type: 'step-finished', index, result });
    if (ff.line) this.store.dispatch({ type: 'message', text: ff.line, tone: 'info' });
    this.readPids();
    const step = lesson.steps[index]!;
    const done = result.status === 'done' && !step.yourTurn ? step.id : undefined;
    this.saveProgress(recordStep(this.store.getState().progress, lesson.id, index, done));
  }

  private async predict(choice: number): Promise<void> {
    const l = this.store.getState().lesson;
    const step = this.lesson?.steps[l?.index ?? -1];
    if (!l || !step?.predict || choice >= step.predict.choices.length) return;
    this.store.dispatch({ type: 'predicted', index: l.index, choice });
    await this.runStep(l.index);
  }

  private async hint(): Promise<void> {
    const l = this.store.getState().lesson;
    const step = this.lesson?.steps[l?.index ?? -1];
    if (!l || !this.session) return;
    if (!step?.yourTurn) {
      this.store.dispatch({
        type: 'message',
        text: t('tui.msg.no-hints'),
        tone: 'info',
      });
      return;
    }
    const shown = l.steps[l.index]?.hints.length ?? 0;
    if (shown >= 3) {
      this.store.dispatch({
        type: 'message',
        text: t('tui.msg.last-hint'),
        tone: 'info',
      });
      return;
    }
    this.store.dispatch({ type: 'hint-shown', index: l.index, text: await this.session.hint(l.index, shown as 0 | 1 | 2) });
  }

  private async submit(): Promise<void> {
    const l = this.store.getState().lesson;
    const lesson = this.lesson;
    if (!l || !lesson || !this.session) return;
    const answer = l.steps[l.index]?.answer ?? '';
    const check = await this.session.check(l.index, answer);
    this.store.dispatch({ type: 'checked', index: l.index, check });
    this.store.dispatch({
      type: 'message',
      text: check.ok ? t('tui.msg.done') : check.message,
      tone: check.ok ? 'ok' : 'bad',
    });
    if (check.ok) this.saveProgress(recordStep(this.store.getState().progress, lesson.id, l.index, lesson.steps[l.index]!.id));
  }

  private async reset(): Promise<void> {
    if (!this.session) return;
    this.abort?.abort();
    await this.session.reset();
    this.store.dispatch({ type: 'lesson-reset' });
    this.readPids();
    const index = this.store.getState().lesson?.index ?? 0;
    if (index === 0) {
      this.store.dispatch({
        type: 'message',
        text: t('tui.msg.reset'),
        tone: 'info',
      });
      return;
    }
    // Fresh containers, then the state the learner's step builds on, as a walk to it leaves it.
    await this.fastForwardTo(index, (fastForwarded) => t('tui.msg.reset-fast-forwarded', { fastForwarded }));
  }

  /**
   * `g N Enter`: step N as a walk leaves it, whatever ran before: fresh containers, then the steps
   * before N fast-forwarded. (→ and Enter go forward on the state as it is: see runStep.)
   */
  private async jump(): Promise<void> {
    const l = this.store.getState().lesson;
    const lesson = this.lesson;
    if (!l || !lesson || l.jump === undefined) return;
    this.store.dispatch({ type: 'jump-typed', text: undefined });
    const n = Number(l.jump);
    if (!Number.isInteger(n) || n < 1 || n > lesson.steps.length) {
      this.store.dispatch({ type: 'message', text: t('tui.msg.no-such-step', { typed: l.jump, count: lesson.steps.length }), tone: 'bad' });
      return;
    }
    await this.session?.reset();
    this.store.dispatch({ type: 'lesson-reset' });
    this.store.dispatch({ type: 'step-moved', delta: n - 1 - l.index, steps: lesson.steps.length });
    this.readPids();
    this.saveProgress(recordStep(this.store.getState().progress, lesson.id, n - 1));
    await this.fastForwardTo(n - 1);
  }

  /**
   * Runs, quietly and in order, the steps before `target` that have not run to the end in this
   * session (all of them after opening at a step or a reset; those passed with →): see
   * engine/fast-forward.ts. Each one's result fills its step, so ← shows what it did. One that
   * fails stops it there, and the learner is moved to that step. `say`: the message that carries
   * the line saying what ran (which is returned too), when it is more than that line.
   */
  private async fastForwardTo(target: number, say?: (line: string) => string): Promise<{ stopped: boolean; line?: string }> {
    const session = this.session;
    const lesson = this.lesson;
    const l = this.store.getState().lesson;
    if (!session || !lesson || !l) return { stopped: true };
    const pending = stepsBefore(target).filter((i) => !ranToTheEnd(lesson.steps[i]!, l.steps[i]));
    if (pending.length === 0) return { stopped: false };
    this.abort = new AbortController();
    const ff = await fastForward(session, pending, {
      signal: this.abort.signal,
      onStart: (index) => {
        this.store.dispatch({ type: 'step-started', index, at: Date.now() });
        const text = fastForwardingLine({ target, index, stepId: lesson.steps[index]!.id });
        this.store.dispatch({ type: 'message', text, tone: 'info', untilStepEnds: true });
      },
      onStep: (walked) => {
        if (this.session === session)
          this.store.dispatch({ type: 'step-finished', index: walked.index, result: walked.result, fastForwarded: true });
      },
    });
    this.abort = undefined;
    if (this.session !== session) return { stopped: true };
    this.readPids();
    if (!ff.stopped) {
      const line = fastForwardedLine({ indices: ff.steps.map((w) => w.index), durationMs: ff.durationMs });
      this.store.dispatch({ type: 'message', text: say ? say(line) : line, tone: 'info' });
      return { stopped: false, line };
    }
    const { index, reason } = ff.stopped;
    const at = this.store.getState().lesson!.index;
    this.store.dispatch({ type: 'step-moved', delta: index - at, steps: lesson.steps.length });
    this.store.dispatch({ type: 'message', text: fastForwardStoppedLine({ index, stepId: lesson.steps[index]!.id, reason }), tone: 'bad' });
    this.saveProgress(recordStep(this.store.getState().progress, lesson.id, index));
    return { stopped: true };
  }

  /**
   * `x`, for an instructor rehearsing a your-turn step: the first press shows the solution in words,
   * the second runs it (as `--solve` does) and checks the answer read from the real state.
   */
  private async solution(): Promise<void> {
    const l = this.store.getState().lesson;
    const lesson = this.lesson;
    const step = lesson?.steps[l?.index ?? -1];
    if (!l || !lesson || !step || !this.session) return;
    if (!step.yourTurn) {
      this.store.dispatch({ type: 'message', text: t('tui.msg.no-solution'), tone: 'info' });
      return;
    }
    if (!l.steps[l.index]?.solutionShown) {
      this.store.dispatch({ type: 'solution-shown', index: l.index });
      this.store.dispatch({
        type: 'message',
        text: t('tui.msg.solution', { solution: describeSolution(step.yourTurn.solution) }),
        tone: 'info',
      });
      return;
    }
    const index = l.index;
    const session = this.session;
    // As Enter does: steps passed with → and never run are run first, so the solution meets the
    // state a walk to this step leaves (the cgroups OOM step before its "raise the limit").
    if ((await this.fastForwardTo(index)).stopped) return;
    this.store.dispatch({ type: 'step-started', index, at: Date.now() });
    const solved = await session.solve(index);
    if (this.session !== session) return;
    this.store.dispatch({ type: 'step-finished', index, result: solved.result });
    this.readPids();
    if (!solved.check) {
      this.store.dispatch({ type: 'message', text: solved.result.message ?? t('tui.msg.solution-failed'), tone: 'bad' });
      return;
    }
    this.store.dispatch({ type: 'answer-opened' });
    this.store.dispatch({ type: 'answer-typed', text: solved.answer ?? '' });
    this.store.dispatch({ type: 'checked', index, check: solved.check });
    const ok = solved.check.ok;
    this.store.dispatch({
      type: 'message',
      text: ok ? t('tui.msg.solved', { answer: solved.answer ?? '' }) : solved.check.message,
      tone: ok ? 'ok' : 'bad',
    });
    if (ok) this.saveProgress(recordStep(this.store.getState().progress, lesson.id, index, step.id));
  }

  /** `u`: undoes this step alone where its action can, and says why not where it cannot. */
  private async undo(): Promise<void> {
    const l = this.store.getState().lesson;
    const lesson = this.lesson;
    if (!l || !lesson || !this.session) return;
    const index = l.index;
    const { undone, panes } = await this.session.undo(index);
    if (undone.kind === 'undone' && undone.ok) {
      this.store.dispatch({ type: 'step-undone', index });
      this.saveProgress(unrecordStep(this.store.getState().progress, lesson.id, lesson.steps[index]!.id));
    } else if (panes) this.store.dispatch({ type: 'panes-refreshed', index, panes });
    this.readPids();
    this.store.dispatch({ type: 'message', ...undoMessage(undone) });
  }

  private async shell(): Promise<void> {
    const l = this.store.getState().lesson;
    if (!l || !this.session) return;
    const command = await this.session.shellCommand(shellEnv(process.env.TERM));
    await this.deps.openShell(command);
    // What the learner did in the shell is real state: read the panes again.
    if (l.steps[l.index]?.result) this.store.dispatch({ type: 'panes-refreshed', index: l.index, panes: await this.session.look(l.index) });
    this.readPids();
    this.store.dispatch({ type: 'message', text: t('tui.msg.shell-back'), tone: 'info' });
  }

  private saveProgress(progress: Progress): void {
    this.store.dispatch({ type: 'progress-changed', progress });
    const warning = this.deps.saveProgress(progress);
    if (warning) this.store.dispatch({ type: 'message', text: warning, tone: 'bad' });
  }
}

/**
 * True when a step has left what the steps after it build on: it ran and ended done (or was
 * skipped on this host, as a walk skips it), and a your-turn task was also done (its check passed,
 * or a fast-forward ran its solution). Otherwise a fast-forward runs it again.
 */
function ranToTheEnd(step: Lesson['steps'][number], s: StepState | undefined): boolean {
  const status = s?.result?.status;
  if (status === 'skipped') return true;
  if (status !== 'done') return false;
  return !step.yourTurn || Boolean(s?.check?.ok || s?.fastForwarded);
}

const placeholdersOf = new WeakMap<Lesson, string[]>();

/** Every placeholder a lesson writes (text, shell lines, your-turn task and hints), read once. */
function lessonPlaceholders(lesson: Lesson): string[] {
  let found = placeholdersOf.get(lesson);
  if (!found) {
    found = placeholderTexts(
      lesson.steps.flatMap((s) => [s.text, s.ranText ?? '', s.shell, s.yourTurn?.task ?? '', ...(s.yourTurn?.hints ?? [])]).join('\n'),
    );
    placeholdersOf.set(lesson, found);
  }
  return found;
}
