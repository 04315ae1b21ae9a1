/**
 * Undoing one step alone (`u` in the TUI): what its action declared (see `Undo` in
 * actions/action.ts) decides whether there is nothing to undo, an undo to run, or a reason it
 * cannot be undone alone, which the lesson's `r` (fresh containers) still covers.
 */
import { t } from '../../i18n/index.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import { ACTIONS } from '../actions/index.js';
import type { ActionOutcome } from '../actions/action.js';
import type { RunSpec, Step } from '../types.js';

/** What the session remembers of a step's last run: the action, and the undo its outcome offered. */
export interface RanStep {
  run: RunSpec;
  undo?: ActionOutcome['undo'];
}

export type Undone =
  /** The step has not run (or was undone or reset since). */
  | { kind: 'not-run' }
  /** Its action only reads: there is nothing to undo. */
  | { kind: 'nothing' }
  /** A break-it step: the lab already put it back when it ran. */
  | { kind: 'put-back' }
  | { kind: 'cannot'; why: string }
  | { kind: 'undone'; ok: boolean; events: PrimitiveEvent[]; output: string[]; message?: string };

/** What undoing `step` would take, before anything runs. */
export function undoPlan(
  step: Step,
  ran: RanStep | undefined,
): Exclude<Undone, { kind: 'undone' }> | { kind: 'run'; undo: () => Promise<ActionOutcome> } {
  if (!ran) return { kind: 'not-run' };
  if (step.breakIt) return { kind: 'put-back' };
  const declared = ACTIONS[ran.run.action]?.undo;
  if (declared === 'reads-only') return { kind: 'nothing' };
  if (declared === 'restores' && typeof ran.undo === 'function') return { kind: 'run', undo: ran.undo };
  if (declared === 'restores' && ran.undo && 'cannot' in ran.undo) return { kind: 'cannot', why: ran.undo.cannot };
  if (declared && typeof declared === 'object') return { kind: 'cannot', why: declared.cannot };
  return { kind: 'cannot', why: t('workshop.undo.unknown-action', { action: ran.run.action }) };
}

/** The one sentence the learner reads after `u`. */
export function undoMessage(u: Undone): { text: string; tone: 'ok' | 'bad' | 'info' } {
  switch (u.kind) {
    case 'not-run':
      return { text: t('workshop.undo.not-run'), tone: 'info' };
    case 'nothing':
      return { text: t('workshop.undo.nothing'), tone: 'info' };
    case 'put-back':
      return { text: t('workshop.undo.put-back'), tone: 'info' };
    case 'cannot':
      return { text: t('workshop.undo.cannot', { why: u.why }), tone: 'info' };
    case 'undone': {
      if (!u.ok) return { text: u.message ? t('workshop.undo.failed', { why: u.message }) : t('workshop.undo.failed-unsaid'), tone: 'bad' };
      const what = u.output.join(t('workshop.sentence-separator'));
      return { text: what ? t('workshop.undo.done', { what }) : t('workshop.undo.done-quietly'), tone: 'ok' };
    }
  }
}
