/**
 * What an action is, and what the engine lends it.
 *
 * Actions are the only things a lesson step can make happen. Each one is a small, named, reviewed
 * function in this folder (like bubblewrap's closed set of privileged operations): a lesson picks one
 * by name and fills in its arguments. Commands that come from lesson text run only inside a lab
 * container, through the runtime; nothing here passes a lesson's string to a shell on the host.
 */
import type { HostProgram } from '../../doctor/host-programs.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { Reader } from '../../probes/reader.js';
import type { Container, ContainerRuntime } from '../../runtime/api.js';
import type { Ledger } from '../../runtime/ledger.js';
import type { LabPaths } from '../../runtime/paths.js';
import type { ArgSpecs } from '../arg-spec.js';
import type { Side } from '../templates.js';
import type { Args } from '../types.js';

/** A process a step started and gave a name, so later steps can point at it (`process.sleeper`). */
export interface NamedProcess {
  name: string;
  /** Which of the lesson's containers it runs in. */
  container: string;
  hostPid: number;
  /** Its PID inside the container. */
  innerPid: number;
}

/** What the engine lends an action while it runs. */
export interface ActionContext {
  runtime: ContainerRuntime;
  /**
   * The lab runtime's ledger and state paths, for actions that make host resources (links, host
   * overlays) which must be in the ledger the moment they exist. Absent on a stand-in runtime.
   */
  lab?: { ledger: Ledger; paths: LabPaths };
  /** The running container by name ('' or absent: the lesson's first), if started and not ended. */
  container(name?: string): Container | undefined;
  /** Starts the container from the lesson's spec, deleting a previous one first. */
  startContainer(name?: string): Promise<Container>;
  /** The running container, started first when needed. */
  ensureContainer(name?: string): Promise<Container>;
  /** The lesson's canonical name for a container ('' → the first one's name). */
  containerName(name?: string): string;
  processes: Map<string, NamedProcess>;
  /** A process reference (`container`, `process.sleeper`, `lab`, `7`) as the PID one side uses. */
  resolvePid(ref: string, side: Side): number | undefined;
  /** Fills `{host:…}` / `{inside:…}` placeholders with PIDs. */
  fill(text: string): string;
  /** Where the host's procfs is (a fixture directory in tests). */
  procRoot: string;
  /** Reads files as the host sees them. */
  hostReader: Reader;
  /** Aborted when the learner presses Esc. */
  signal: AbortSignal;
  /** Waits, unless aborted. */
  sleep(ms: number): Promise<void>;
  /**
   * Records a primitive the lab performed itself on the host (e.g. kill(2) on PID 1's host PID),
   * next to the ones the runtime reports.
   */
  record(event: PrimitiveEvent): void;
}

/** How an action went. `output` is shown under the primitives it ran (a command's stdout/stderr). */
export interface ActionOutcome {
  ok: boolean;
  output: string[];
  /** Why it failed, in a sentence that says what to do next. */
  message?: string;
  /**
   * For an action that declares `undo: 'restores'`: puts back what this run changed (the values it
   * read before it wrote), or why this particular run cannot be put back.
   */
  undo?: (() => Promise<ActionOutcome>) | { cannot: string };
}

/**
 * Whether one run of an action can be taken back alone (`u` in the TUI), declared as data:
 * `reads-only`: it changes nothing, so there is nothing to undo; `restores`: its outcome carries the
 * undo; `{ cannot }`: why not (the lesson's `r` still starts it all afresh). An action that
 * declares nothing cannot be undone alone.
 */
export type Undo = 'reads-only' | 'restores' | { cannot: string };

/**
 * When a declared property holds: whenever the action runs (`true`), or only when each named
 * argument has one of the listed values (`{ expect: ['survives'] }`).
 */
export type When = true | Readonly<Record<string, readonly string[]>>;

/** A program the action runs on the host. With several, any one will do; the first is preferred. */
export interface HostNeed {
  anyOf: readonly HostProgram[];
  /** Only with these arguments; absent: always. */
  when?: When;
}

/**
 * An action, with what it does declared as data: the engine, the linter, the benchmarks, the doctor
 * and the catalogue in lessons/README.md read these fields, never the action's name.
 */
export interface ActionDef {
  /** The name lessons use in `run: { action: … }`. */
  name: string;
  /** What it does, and why the lab may do it: one line, shown in lessons/README.md. */
  summary: string;
  args: ArgSpecs;
  /**
   * `process`: it starts a process in a container that later steps call `process.<its name argument>`.
   * `container`: it starts the lesson's container afresh, so the engine does not start one before it.
   */
  starts?: 'process' | 'container';
  /** It waits on purpose (to show that nothing happens): benchmarks and latency tests leave it out. */
  waitsOnPurpose?: When;
  /**
   * The programs it runs on the host (a container's own programs ship with the lab and are not
   * listed). A step whose program this host lacks is skipped with the command that installs it.
   */
  hostPrograms?: readonly HostNeed[];
  /** Whether a run of it can be undone alone; see {@link Undo}. */
  undo?: Undo;
  run(ctx: ActionContext, args: Args): Promise<ActionOutcome>;
}

/** A string argument (validated when the lesson loaded). */
export function str(args: Args, name: string): string {
  return String(args[name] ?? '');
}

/** A list argument. */
export function list(args: Args, name: string): string[] {
  const value = args[name];
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}
