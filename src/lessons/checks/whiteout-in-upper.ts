/**
 * `whiteout-in-upper`: the learner deletes a lower file through an overlay's merged view, finds
 * what appeared in upper, and types its inode number (`ls -li`). Checked on the real directories:
 * the file must be gone from merged, lstat must say upper holds a character device 0:0 — overlay's
 * whiteout — under the same name, and the number must be that whiteout's inode.
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { statNode, walkTree } from '../../overlay/tree.js';
import { findOverlay } from '../../probes/overlay-common.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import type { Args } from '../types.js';
import { verdict } from './check.js';
import type { CheckDef, CheckOutcome } from './check.js';

function state(ctx: ActionContext, args: Args) {
  const dirs = findOverlay(str(args, 'overlay'), ctx.procRoot);
  if (!dirs) return undefined;
  const rel = str(args, 'path').replace(/^\/+/, '');
  const whiteout = path.join(dirs.upper, rel);
  const node = fs.lstatSync(whiteout, { throwIfNoEntry: false }) ? statNode(whiteout, rel) : undefined;
  return {
    dirs,
    rel,
    whiteout,
    node,
    isWhiteout: node?.overlay.whiteout === true,
    inMerged: fs.lstatSync(path.join(dirs.merged, rel), { throwIfNoEntry: false }) !== undefined,
  };
}

export const whiteoutInUpper: CheckDef = {
  name: 'whiteout-in-upper',
  summary:
    "The answer is the inode number of the whiteout that deleting a given file through merged left in the overlay's upper directory.",
  args: {
    overlay: { type: { kind: 'name' }, doc: 'the lab overlay, as named by mount-overlay' },
    path: { type: { kind: 'inner-path' }, doc: 'the file to delete, inside the overlay (e.g. app/data/notes.txt)' },
  },
  get prompt() {
    return t('checks.whiteout.prompt');
  },
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const s = state(ctx, args);
    if (!s) return verdict(false, 'checks.whiteout.not-mounted', { overlay: str(args, 'overlay') });
    if (s.inMerged) return verdict(false, 'checks.whiteout.still-merged', { path: s.rel, merged: s.dirs.merged });
    if (!s.isWhiteout || !s.node) return verdict(false, 'checks.whiteout.none', { path: s.rel });
    if (answer.trim() !== s.node.ino)
      return verdict(false, 'checks.whiteout.wrong', { answer: answer.trim() || 'none', upper: s.dirs.upper });
    // Read, don't assume: some kernels hard-link one shared whiteout inode under every deleted name.
    const sharers = walkTree(s.dirs.upper).filter((n) => n.overlay.whiteout && n.ino === s.node!.ino && n.path !== s.rel);
    const shared = sharers.length > 0 ? sharers.map((n) => n.path).join(', ') : 'none';
    return {
      ...verdict(true, 'checks.whiteout.right', { whiteout: s.whiteout, ino: s.node.ino, links: s.node.nlink, shared }),
      show: {
        probe: 'overlay-layers',
        host: { overlay: str(args, 'overlay'), path: s.rel, checksum: 'no' },
        container: { overlay: str(args, 'overlay'), path: s.rel, checksum: 'no', show: 'merged' },
      },
    };
  },
  async answers(ctx, args) {
    const s = state(ctx, args);
    return s?.isWhiteout && s.node ? [s.node.ino] : [];
  },
  async describeAnswer(ctx, args) {
    const s = state(ctx, args);
    if (!s) return t('checks.whiteout.answer-not-mounted');
    return s.isWhiteout && s.node
      ? t('checks.whiteout.answer', { ino: s.node.ino, whiteout: s.whiteout })
      : t('checks.whiteout.answer-not-yet', { path: path.join(s.dirs.upper, s.rel), file: s.rel });
  },
};
