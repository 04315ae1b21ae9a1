/**
 * Running `ip` and `bridge`: argv arrays through the lab's host-program runner, never a shell.
 *
 * Every command that changes the network is shown to the learner as a primitive event
 * (`spawn ip link add clab0 type bridge = exit 0  2.4 ms`). Several changes can go to one `ip -batch -`
 * process, which reads one command per line from stdin: one process start instead of several,
 * which matters when each `ip` costs a few milliseconds. For a batch the event's args are
 * `-batch -` followed by the lines it read.
 * Reading commands (`ip -json …`) are not events: they are what the panes show.
 */
import { t } from '../../i18n/index.js';
import { errnoText, ERRNO_NAMES } from '../../kernel/errors.js';
import { runHostProgram } from '../../kernel/host-program.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import { ipCommand, type NetnsRef } from './netns.js';

/** Where network primitives are reported. */
export interface NetworkContext {
  emit: (event: PrimitiveEvent) => void;
  /** The container these events belong to, if any. */
  container?: string;
}

/** A network command that failed, with the kernel's answer when `ip` printed one. */
export class NetworkCommandError extends Error {
  readonly command: string;
  /** errno name parsed from `RTNETLINK answers: File exists`, else `EXIT<n>`. */
  readonly code: string;
  readonly stderr: string;
  readonly hint: string;
  constructor(command: string, code: string, stderr: string, hint: string) {
    super(`${command} failed: ${stderr.trim() || code}`);
    this.name = 'NetworkCommandError';
    this.command = command;
    this.code = code;
    this.stderr = stderr;
    this.hint = hint;
  }
}

const TEXT_TO_ERRNO = new Map(Object.values(ERRNO_NAMES).map((name) => [errnoText(name), name]));

/** `RTNETLINK answers: File exists` → `EEXIST`; undefined when the text names no errno. */
export function errnoFromMessage(stderr: string): string | undefined {
  for (const [text, name] of TEXT_TO_ERRNO) if (stderr.includes(text)) return name;
  return undefined;
}

/** What to do about the errno `ip` printed, when the lab knows better than the general hint. */
function hintFor(code: string | undefined): string | undefined {
  switch (code) {
    case 'EEXIST':
      return t('runtime.net.hint.EEXIST');
    case 'EPERM':
      return t('runtime.net.hint.EPERM');
    case 'ENODEV':
      return t('runtime.net.hint.ENODEV');
    case 'EOPNOTSUPP':
      return t('runtime.net.hint.EOPNOTSUPP');
    default:
      return undefined;
  }
}

async function run(ctx: NetworkContext | undefined, file: string, args: string[], shown: string[], input?: string): Promise<string> {
  const r = await runHostProgram([file, ...args], {
    ...(ctx ? { emit: ctx.emit } : {}),
    ...(ctx?.container ? { container: ctx.container } : {}),
    ...(input === undefined ? {} : { input }),
    shownArgs: shown,
    hint: (failed) => hintFor(errnoFromMessage(failed.stderr)),
  });
  if (!r.ok) {
    // The kernel's errno, when `ip` printed netlink's answer (`RTNETLINK answers: File exists`).
    const code = errnoFromMessage(r.stderr) ?? r.error!.code;
    throw new NetworkCommandError([file, ...shown].join(' '), code, r.stderr || r.error!.text, r.error!.hint);
  }
  return r.stdout;
}

/** Runs one `ip` (or `bridge`) command in a namespace and reports it. Returns stdout. */
export function ip(ctx: NetworkContext, ns: NetnsRef, args: readonly string[], program: 'ip' | 'bridge' = 'ip'): Promise<string> {
  const cmd = ipCommand(ns, args, program);
  return run(ctx, cmd.file, cmd.args, cmd.args);
}

/** Runs several `ip` commands in one `ip -batch -` process; stops at the first that fails. */
export function ipBatch(ctx: NetworkContext, ns: NetnsRef, lines: ReadonlyArray<readonly string[]>): Promise<string> {
  const cmd = ipCommand(ns, ['-batch', '-']);
  const text = lines.map((l) => l.join(' '));
  const shown = [...cmd.args, ...text.map((l, i) => (i < text.length - 1 ? `${l};` : l))];
  return run(ctx, cmd.file, cmd.args, shown, text.join('\n') + '\n');
}

/** Reads `ip -json …` (or `bridge -json …`) in a namespace, without reporting it. */
export async function readJson<T>(ns: NetnsRef, args: readonly string[], program: 'ip' | 'bridge' = 'ip'): Promise<T> {
  const cmd = ipCommand(ns, ['-json', ...args], program);
  const out = await run(undefined, cmd.file, cmd.args, cmd.args);
  // `ip -json` prints nothing at all (not `[]`) for an empty table on some iproute2 versions.
  return (out.trim() ? JSON.parse(out) : []) as T;
}
