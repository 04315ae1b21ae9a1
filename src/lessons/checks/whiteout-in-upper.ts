/**
 * `whiteout-in-upper`: the learner deletes a lower file through an overlay's merged view, then
 * names the path of what appeared in upper. Checked on the real directories: the path must be the
 * one in upper for that file, and lstat must say it is a character device with device number 0:0 —
 * overlay's whiteout — while the file is gone from merged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findOverlay } from '../../probes/overlay-common.js';
import { statNode } from '../../overlay/tree.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import type { Args } from '../types.js';
import type { CheckDef, CheckOutcome } from './check.js';

function state(ctx: ActionContext, args: Args) {
  const dirs = findOverlay(str(args, 'overlay'), ctx.procRoot);
  if (!dirs) return undefined;
  const rel = str(args, 'path').replace(/^\/+/, '');
  const whiteout = path.join(dirs.upper, rel);
  const st = fs.lstatSync(whiteout, { throwIfNoEntry: false });
  const node = st ? statNode(whiteout, rel) : undefined;
  return { dirs, rel, whiteout, isWhiteout: node?.overlay.whiteout === true, inMerged: fs.lstatSync(path.join(dirs.merged, rel), { throwIfNoEntry: false }) !== undefined };
}

export const whiteoutInUpper: CheckDef = {
  name: 'whiteout-in-upper',
  summary: 'The answer is the path, in the overlay\'s upper directory, of the whiteout left by deleting a given file through merged.',
  args: {
    overlay: { type: { kind: 'name' }, doc: 'the lab overlay, as named by mount-overlay' },
    path: { type: { kind: 'string' }, doc: 'the file to delete, inside the overlay (e.g. app/data/notes.txt)' },
  },
  prompt: 'path of the whiteout',
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const s = state(ctx, args);
    if (!s) return { ok: false, message: `The overlay ${str(args, 'overlay')} is not mounted: press r to reset the lesson.` };
    if (s.inMerged) return { ok: false, message: `${s.rel} is still in the merged view. Delete it through ${s.dirs.merged} first, then look in upper.` };
    if (!s.isWhiteout) return { ok: false, message: `${s.rel} is gone from merged, but upper holds no whiteout for it; was it a file only upper had?` };
    const given = path.resolve(s.dirs.upper, answer.trim());
    if (given !== s.whiteout) {
      return { ok: false, message: `${answer.trim()} is not it. The whiteout has the same name as the deleted file, in the same directory, but under upper (${s.dirs.upper}).` };
    }
    return {
      ok: true,
      message: `Right: ${s.whiteout} is a character device 0:0 — overlay's whiteout. The lower file is still there; this hides it.`,
      show: { probe: 'overlay-layers', host: { overlay: str(args, 'overlay'), path: s.rel, checksum: 'no' }, container: { overlay: str(args, 'overlay'), path: s.rel, checksum: 'no' } },
    };
  },
  async answers(ctx, args) {
    const s = state(ctx, args);
    return s?.isWhiteout ? [s.whiteout] : [];
  },
  async describeAnswer(ctx, args) {
    const s = state(ctx, args);
    if (!s) return 'the overlay is not mounted yet';
    return s.isWhiteout ? `${s.whiteout} (a character device 0:0)` : `${path.join(s.dirs.upper, s.rel)}, once you have deleted ${s.rel} through merged`;
  },
};
