/**
 * LessonSession: runs one lesson's steps against a real ContainerRuntime.
 *
 * The TUI and the plain/JSON runners drive the same session. Each call returns plain data (a
 * {@link StepResult}): what the step's action did, the primitives it performed (as the runtime
 * reported them), and both panes read from the kernel afterwards. Calls are queued, so a key pressed
 * twice never runs two steps at once.
 */
import { render, t } from '../../i18n/index.js';
import { hostPrograms } from '../../doctor/host-programs.js';
import type { HostPrograms } from '../../doctor/host-programs.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import { containerReader, hostReader } from '../../probes/index.js';
import type { Reader } from '../../probes/index.js';
import type { Container, ContainerRuntime } from '../../runtime/api.js';
import type { ActionContext, NamedProcess } from '../actions/action.js';
import { startsContainer } from '../actions/properties.js';
import { needsOf, stepBlocker } from '../host-check.js';
import type { HostCheck } from '../host-check.js';
import { fillTemplate } from '../templates.js';
import type { Side } from '../templates.js';
import type { Lesson, RunSpec, Step } from '../types.js';
import { makeContext } from './context.js';
import { checkStep } from './check-step.js';
import { LessonContainers } from './containers.js';
import { MadeOutside } from './made-outside.js';
import { readLiveProbe, startLiveReads } from './live.js';
import type { LiveSample } from './live.js';
import { buildPanes, notRunningReason } from './panes.js';
import type { PaneSources } from './panes.js';
import { resolvePid } from './resolve.js';
import type { StepResult } from './results.js';
import { act } from './act.js';
import type { ActDeps, Acted } from './act.js';
import { containersUsed, missingReference } from './step-checks.js';
import { checkAnswer, hintFor, solveAfter } from './your-turn.js';
import { type RanStep, type Undone, undoPlan } from './undo.js';
import type { CheckResult, Solved, TurnHost } from './your-turn.js';

export type { CheckResult, Solved } from './your-turn.js';

export interface SessionOptions {
  lesson: Lesson;
  runtime: ContainerRuntime;
  /** The host's procfs (a fixture tree in tests). */
  procRoot?: string;
  /** The lab's own PID (the `lab` reference). */
  labPid?: number;
  hostReader?: Reader;
  /** How to read inside a container; the real one runs a command there through the runtime. */
  containerReader?: (runtime: ContainerRuntime, c: Container) => Reader;
  /** Why a host feature (a doctor finding id) is missing, or undefined when it is there. */
  missingFeature?: (feature: string) => string | undefined;
  /** The host programs on this host (default: looked up on PATH); a step whose program is missing is skipped. */
  programs?: HostPrograms;
}

export class LessonSession {
  readonly lesson: Lesson;
  private readonly runtime: ContainerRuntime;
  private readonly procRoot: string;
  private readonly labPid: number;
  private readonly hostReader: Reader;
  private readonly readInside: (runtime: ContainerRuntime, c: Container) => Reader;
  private readonly host: HostCheck;
  private readonly containers: LessonContainers;
  private readonly outside: MadeOutside;
  readonly processes = new Map<string, NamedProcess>();
  private window: PrimitiveEvent[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;
  /** Each step's last successful run, by step id, for `undo`. */
  private readonly ran = new Map<string, RanStep>();
  private readonly liveListeners = new Set<(stepId: string, samples: readonly LiveSample[]) => void>();

  constructor(opts: SessionOptions) {
    this.lesson = opts.lesson;
    this.runtime = opts.runtime;
    this.procRoot = opts.procRoot ?? '/proc';
    this.labPid = opts.labPid ?? process.pid;
    this.hostReader = opts.hostReader ?? hostReader();
    this.readInside = opts.containerReader ?? ((runtime, c) => containerReader(runtime, c));
    this.host = { missingFeature: opts.missingFeature ?? (() => undefined), programs: opts.programs ?? hostPrograms() };
    this.containers = new LessonContainers(opts.runtime, opts.lesson.containers, (name) => this.forgetProcesses(name));
    this.outside = new MadeOutside(opts.runtime);
    this.unsubscribe = opts.runtime.onEvent((e) => this.window?.push(e));
  }

  /** Runs step `index`: its action, then both panes (and a break-it step's revert). */
  runStep(index: number, signal: AbortSignal = new AbortController().signal): Promise<StepResult> {
    return this.serial(() => this.run(this.step(index), this.step(index).run, signal));
  }

  /** Called with every new read of a running step's `live:` probe (the TUI redraws its meters). */
  onLive(listener: (stepId: string, samples: readonly LiveSample[]) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** Re-reads a step's panes without running anything (e.g. after the learner used the shell). */
  look(index: number): Promise<Pick<StepResult, 'host' | 'container'>> {
    return this.serial(() => buildPanes(this.step(index), this.paneSources()));
  }

  /** Checks a your-turn answer on the real state; the panes then show what the check looked at. */
  check(index: number, answer: string): Promise<CheckResult> {
    return this.serial(() => checkAnswer(this.turns(), this.step(index), answer));
  }

  /** Hint `level` (0: nudge, 1: pointer, 2: the answer, with `{answer}` read from the real state). */
  hint(index: number, level: 0 | 1 | 2): Promise<string> {
    return this.serial(() => hintFor(this.turns(), this.step(index), level));
  }

  /**
   * Does a your-turn task in the learner's place (for `--plain`, and so CI runs every check on real
   * state): runs the solution, reads the right answer from the state, and checks it.
   */
  async solve(index: number, signal: AbortSignal = new AbortController().signal): Promise<Solved> {
    const step = this.step(index);
    if (!step.yourTurn) throw new Error(t('lessons.step.no-your-turn', { id: step.id }));
    const result = await this.serial(() => this.run(step, step.yourTurn!.solution, signal));
    return solveAfter(this.turns(), step, result);
  }

  /** Undoes step `index` alone, where its action can (see engine/undo.ts); the panes are read again. */
  undo(index: number): Promise<{ undone: Undone; panes?: Pick<StepResult, 'host' | 'container'> }> {
    return this.serial(async () => {
      const step = this.step(index);
      const plan = undoPlan(step, this.ran.get(step.id));
      if (plan.kind !== 'run') return { undone: plan };
      const events: PrimitiveEvent[] = [];
      this.window = events;
      let outcome: Awaited<ReturnType<typeof plan.undo>>;
      try {
        outcome = await plan.undo();
      } catch (err) {
        outcome = { ok: false, output: [], message: (err as Error).message };
      } finally {
        this.window = undefined;
      }
      if (outcome.ok) this.ran.delete(step.id);
      return { undone: { kind: 'undone', ...outcome, events }, panes: await buildPanes(step, this.paneSources()) };
    });
  }

  /** Fills `{host:…}` / `{inside:…}` placeholders with the PIDs as they stand. */
  fill(text: string): string {
    return fillTemplate(text, (side, ref) => this.resolve(ref, side));
  }

  /** The command that opens a shell inside the lesson's first container (started if needed). */
  shellCommand(env: Record<string, string> = {}): Promise<{ file: string; args: string[] }> {
    return this.serial(async () => this.runtime.shellCommand(await this.containers.ensure(), ['/bin/sh'], env));
  }

  /**
   * Deletes the lesson's containers, and what it made outside them (made-outside.ts), and forgets
   * its processes: the next step starts fresh, as at the lesson's first step.
   */
  reset(): Promise<void> {
    return this.serial(async () => {
      await this.containers.removeAll();
      this.processes.clear();
      this.ran.clear();
      const failures = await this.outside.remove();
      if (failures.length) throw new Error(failures[0]);
    });
  }

  /** Resolves once the work queued so far (a step that is running) has ended. */
  idle(): Promise<void> {
    return this.serial(async () => {});
  }

  /** Resets, and stops listening to the runtime. The runtime itself belongs to the caller. */
  async close(): Promise<void> {
    try {
      await this.reset();
    } finally {
      this.unsubscribe();
    }
  }

  /** The context an action or check runs with. */
  context(signal: AbortSignal = new AbortController().signal): ActionContext {
    return makeContext(
      {
        runtime: this.runtime,
        containers: this.containers,
        processes: this.processes,
        resolve: (ref, side) => this.resolve(ref, side),
        fill: (text) => this.fill(text),
        procRoot: this.procRoot,
        hostReader: this.hostReader,
        record: (event) => this.window?.push(event),
        forgetProcesses: (name) => this.forgetProcesses(name),
      },
      signal,
    );
  }

  /** Queues work behind whatever the session is already doing. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private step(index: number): Step {
    const step = this.lesson.steps[index];
    if (!step) throw new Error(t('lessons.step.no-such-step', { lesson: this.lesson.id, number: index + 1 }));
    return step;
  }

  private resolve(ref: string, side: Side): number | undefined {
    return resolvePid(ref, side, { labPid: this.labPid, containerPid: (n) => this.containers.hostPid(n), processes: this.processes });
  }

  private forgetProcesses(container: string): void {
    for (const [name, p] of this.processes) if (p.container === container) this.processes.delete(name);
  }

  /** What the your-turn functions may use of this session. */
  private turns(): TurnHost {
    return {
      context: () => this.context(),
      fill: (text) => this.fill(text),
      serial: (work) => this.serial(work),
      showPanes: (show) => buildPanes(checkStep(show, this.containers.name()), this.paneSources()),
    };
  }

  private paneSources(): PaneSources {
    return {
      procRoot: this.procRoot,
      hostReader: this.hostReader,
      resolve: (ref, side) => this.resolve(ref, side),
      inside: (name) => {
        const c = this.containers.get(name);
        if (c) return { reader: this.readInside(this.runtime, c) };
        return { reason: notRunningReason(this.containers.hostPid(name) !== undefined, this.containers.exitStatus(name)) };
      },
    };
  }

  /** Runs an action with the runtime's events collected into the step's list. */
  private act(
    run: RunSpec,
    signal: AbortSignal,
    needs: readonly string[] = [],
    ready: () => void = () => {},
    keepUndo?: ActDeps['keepUndo'],
  ): Promise<Acted> {
    return act(
      {
        collect: (events) => (this.window = events),
        ensure: (name) => this.containers.ensure(name),
        context: (s) => this.context(s),
        keepUndo,
      },
      run,
      signal,
      needs,
      ready,
    );
  }

  private async run(step: Step, run: RunSpec, signal: AbortSignal): Promise<StepResult> {
    const started = performance.now();
    // The text and shell line name PIDs as they are when the action runs (a break-it step replaces
    // the container afterwards). A step that has run shows its text for after the run, if it has one.
    const fillAll = () => ({ shell: this.fill(step.shell), text: this.fill(step.text), ranText: this.fill(step.ranText ?? step.text) });
    let filled = fillAll();
    const done = (r: Omit<StepResult, 'stepId' | 'durationMs' | 'shell' | 'text'>): StepResult => ({
      stepId: step.id,
      shell: filled.shell,
      text: r.status === 'done' ? filled.ranText : filled.text,
      ...r,
      durationMs: performance.now() - started,
    });
    // Checked before anything runs: a step this host cannot run is skipped with the one sentence
    // that says why and what to install, never started and left to fail half-way.
    this.ran.delete(step.id);
    const blocker = stepBlocker(this.lesson.requires, needsOf(step), this.host);
    if (blocker) return done({ status: 'skipped', events: [], output: [], message: blocker.sentence });
    const needed = missingReference(step, (ref) => this.resolve(ref, 'host') !== undefined);
    if (needed) return done({ status: 'failed', events: [], output: [], message: render(needed), said: needed });
    const live =
      step.live &&
      startLiveReads(
        step.live,
        () => readLiveProbe(step.live!, this.paneSources()),
        (samples) => {
          for (const listener of this.liveListeners) listener(step.id, samples);
        },
      );
    const result = await this.act(
      run,
      signal,
      containersUsed(step),
      () => {
        filled = fillAll();
      },
      (undo) => this.ran.set(step.id, { run, undo }),
    );
    const samples = await live?.stop();
    // A step that starts the container names its PIDs only once the container exists.
    if (startsContainer(run)) filled = fillAll();
    const panes = await buildPanes(step, this.paneSources());
    let reverted: StepResult['reverted'];
    if (step.breakIt && result.status !== 'cancelled') {
      const back = await this.act(step.breakIt.revert, new AbortController().signal);
      reverted = { output: back.output, events: back.events, message: back.message };
    }
    return done({ ...result, ...panes, reverted, ...(samples ? { live: samples } : {}) });
  }
}
