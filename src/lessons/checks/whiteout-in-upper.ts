/**
 * `whiteout-in-upper`: the learner deletes a lower file through an overlay's merged view, finds
 * what appeared in upper, and types its inode number (`ls -li`). Checked on the real directories:
 * the file must be gone from merged, lstat must say upper holds a character device 0:0 — overlay's
 * whiteout — under the same name, and the number must be that whiteout's inode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { statNode, walkTree } from '../../overlay/tree.js';
import { findOverlay } from '../../probes/overlay-common.js';
import type { ActionContext } from '../actions/action.js';
import { str } from '../actions/action.js';
import type { Args } from '../types.js';
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
  prompt: 'inode number of the whiteout',
  async evaluate(ctx, args, answer): Promise<CheckOutcome> {
    const s = state(ctx, args);
    if (!s) return { ok: false, message: `The overlay ${str(args, 'overlay')} is not mounted: press r to reset the lesson.` };
    if (s.inMerged)
      return { ok: false, message: `${s.rel} is still in the merged view. Delete it through ${s.dirs.merged} first, then look in upper.` };
    if (!s.isWhiteout || !s.node)
      return { ok: false, message: `${s.rel} is gone from merged, but upper holds no whiteout for it; was it a file only upper had?` };
    if (answer.trim() !== s.node.ino) {
      return {
        ok: false,
        message: `${answer.trim() || 'That'} is not its inode. The whiteout has the same name as the deleted file, in the same directory under upper (${s.dirs.upper}); \`ls -li\` prints the inode first.`,
      };
    }
    // Read, don't assume: some kernels hard-link one shared whiteout inode under every deleted name.
    const sharers = walkTree(s.dirs.upper).filter((n) => n.overlay.whiteout && n.ino === s.node!.ino && n.path !== s.rel);
    const shared =
      sharers.length > 0
        ? ` It has ${s.node.nlink} links: this kernel reuses one whiteout inode, also at ${sharers.map((n) => n.path).join(', ')}.`
        : '';
    return {
      ok: true,
      message: `Right: ${s.whiteout} is inode ${s.node.ino}, a character device 0:0 — overlay's whiteout. The lower file is still there; this hides it.${shared}`,
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
    if (!s) return 'the overlay is not mounted yet';
    return s.isWhiteout && s.node
      ? `${s.node.ino}, the inode of ${s.whiteout} (a character device 0:0)`
      : `the inode of ${path.join(s.dirs.upper, s.rel)}, once you have deleted ${s.rel} through merged`;
  },
};
