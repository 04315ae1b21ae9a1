/**
 * Fills a step's Host and Container panes: resolves each probe's process arguments for its side,
 * runs the probe through that side's reader, and marks what differs. The host side is read first and
 * the container side after, so the container reader's own short-lived process never shows up in the
 * host's list.
 */
import { t } from '../../i18n/index.js';
import { PROBES, diffViews, unmarked } from '../../probes/index.js';
import type { ProbeArgs, Reader } from '../../probes/index.js';
import type { ExitStatus } from '../../runtime/api.js';
import type { ArgSpecs } from '../arg-spec.js';
import type { Side } from '../templates.js';
import type { Args, Step, ViewSpec } from '../types.js';
import type { Pane } from './results.js';
import { comparable } from '../pane-pair.js';
import { unresolvedReason } from './resolve.js';

export interface PaneSources {
  procRoot: string;
  hostReader: Reader;
  /** A reader inside the named container, or why there is none. */
  inside(container: string): { reader: Reader } | { reason: string };
  resolve(ref: string, side: Side): number | undefined;
}

/** Resolves `pid-ref` arguments to numbers; returns the first unresolvable reference instead. */
export function resolveArgs(
  args: Args,
  specs: ArgSpecs,
  side: Side,
  resolve: PaneSources['resolve'],
): { args: ProbeArgs } | { missing: string } {
  const out: Record<string, ProbeArgs[string]> = {};
  for (const [name, value] of Object.entries(args)) {
    if (specs[name]?.type.kind !== 'pid-ref') {
      out[name] = value;
      continue;
    }
    const pid = resolve(String(value), side);
    if (pid === undefined) return { missing: String(value) };
    out[name] = pid;
  }
  return { args: out };
}

async function fill(spec: ViewSpec, side: Side, reader: Reader, src: PaneSources): Promise<Pane> {
  const probe = PROBES[spec.probe]!;
  const resolved = resolveArgs(spec.args, probe.args, side, src.resolve);
  if ('missing' in resolved) return { ok: false, title: spec.probe, reason: unresolvedReason(resolved.missing) };
  const { args } = resolved;
  const procRoot = side === 'host' ? src.procRoot : '/proc';
  try {
    const view = await probe.run({ reader, procRoot, args });
    return { ok: true, view, marks: unmarked(view) };
  } catch (err) {
    return { ok: false, title: probe.title(procRoot, args), reason: (err as Error).message };
  }
}

export async function buildPanes(step: Step, src: PaneSources): Promise<{ host?: Pane; container?: Pane }> {
  const host = step.host ? await fill(step.host, 'host', src.hostReader, src) : undefined;
  let container: Pane | undefined;
  if (step.container) {
    const inside = src.inside(step.container.container);
    container =
      'reason' in inside
        ? { ok: false, title: step.container.probe, reason: inside.reason }
        : await fill(step.container, 'inside', inside.reader, src);
  }
  if (host?.ok && container?.ok && comparable(step.host, step.container)) {
    const marks = diffViews(host.view, container.view);
    return { host: { ...host, marks: marks.a }, container: { ...container, marks: marks.b } };
  }
  return { host, container };
}

/** Why there is no inside to look at, for a container that is not running. */
export function notRunningReason(started: boolean, ended: ExitStatus | undefined): string {
  if (ended) return t('lessons.container.ended', { signal: ended.signal ?? 'none', code: String(ended.code) });
  if (!started) return t('lessons.container.not-started');
  return t('lessons.container.not-running');
}
