/**
 * `overlay-op`: one file operation through an overlay's merged view — what a process in a
 * container does when it reads, writes, deletes or renames a file in its root. Each call is
 * timed and shown as the syscall it is, so copy-up is visible: the first open for writing of a
 * lower file returns only after the kernel has copied the whole file into upper.
 *
 * Paths come from lesson data and are resolved inside merged without following a symlink, so no
 * operation can reach outside the overlay. Every call the action makes through merged is shown,
 * the lookups that check the path included: what ran is what a learner would see under strace.
 * (Node's lstat is statx(2) with AT_SYMLINK_NOFOLLOW on every kernel the lab supports.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../i18n/index.js';
import { errnoText } from '../../kernel/errors.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf } from './fs-lab.js';
import { hostCall } from './host-call.js';
import { arg, listOf } from './words.js';

const OPS = ['read', 'append', 'create', 'delete', 'mkdir', 'rename'] as const;

type Rec = (e: PrimitiveEvent) => void;

const q = (s: string) => JSON.stringify(s);

/** lstat through merged, recorded: `statx("…/app", AT_SYMLINK_NOFOLLOW) = 0 (directory)`. */
function lstat(rec: Rec, p: string): fs.Stats {
  const kind = (st: fs.Stats) =>
    t('actions.overlay-op.kind', {
      kind: st.isDirectory() ? 'directory' : st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : 'other',
    });
  return hostCall(
    rec,
    'statx',
    [q(p), 'AT_SYMLINK_NOFOLLOW'],
    () => fs.lstatSync(p),
    (st) => `0 (${kind(st)})`,
  ).value;
}

/** `merged/rel`, refusing `..` and any symlink on the way (the last component may be one). */
function inside(rec: Rec, merged: string, rel: string): string {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) throw new Error(t('actions.overlay-op.outside', { path: rel }));
  let p = merged;
  for (const part of parts.slice(0, -1)) {
    p = path.join(p, part);
    if (lstat(rec, p).isSymbolicLink()) throw new Error(t('actions.overlay-op.symlink', { path: rel }));
  }
  return path.join(merged, ...parts);
}

/**
 * `rm -r`, one call at a time: list the directory, remove each entry (a sub-directory the same way),
 * then the directory itself. Through merged, every name listed may come from a lower layer, and each
 * removal is where the kernel writes a whiteout. `counts` collects how many calls of each kind it
 * made. (A listing is openat + getdents64 + close in Node; it is shown as the getdents64 that reads it.)
 */
function removeTree(rec: Rec, dir: string, counts: Map<string, number>): void {
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const entries = hostCall(
    rec,
    'getdents64',
    [q(dir)],
    () => fs.readdirSync(dir, { withFileTypes: true }),
    (list) => t('actions.overlay-op.entries', { count: list.length }),
  ).value;
  count('getdents64');
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) removeTree(rec, p, counts);
    else {
      hostCall(rec, 'unlink', [q(p)], () => fs.unlinkSync(p));
      count('unlink');
    }
  }
  hostCall(rec, 'rmdir', [q(dir)], () => fs.rmdirSync(dir));
  count('rmdir');
}

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

export const overlayOpAction: ActionDef = {
  name: 'overlay-op',
  get summary() {
    return t('actions.overlay-op.summary');
  },
  args: {
    overlay: arg({ kind: 'name' }, 'actions.arg.overlay'),
    op: arg({ kind: 'enum', values: OPS }, 'actions.overlay-op.arg.op'),
    path: arg({ kind: 'inner-path' }, 'actions.overlay-op.arg.path'),
    to: arg({ kind: 'inner-path' }, 'actions.overlay-op.arg.to', { default: '' }),
    // The text written into the file is data, the same in every language.
    text: arg({ kind: 'string' }, 'actions.overlay-op.arg.text', { default: 'written through merged\n' }),
    expect: arg({ kind: 'enum', values: ['succeeds', 'fails', 'either'] }, 'actions.overlay-op.arg.expect', { default: 'succeeds' }),
  },
  // Writing to upper or lower while the overlay is mounted is undefined behaviour (overlayfs.rst,
  // "Changes to underlying filesystems"), so the lab never edits upper behind the kernel's back.
  undo: {
    get cannot() {
      return t('actions.overlay-op.no-undo');
    },
  },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const ov = overlayOf(lab, str(args, 'overlay'));
    const rel = str(args, 'path');
    const rec = (e: PrimitiveEvent) => ctx.record(e);
    const file = inside(rec, ov.merged, rel);
    const text = str(args, 'text');
    const output: string[] = [];
    try {
      switch (str(args, 'op')) {
        case 'read': {
          const fd = hostCall(rec, 'openat', [q(file), 'O_RDONLY'], () => fs.openSync(file, 'r'));
          const buf = Buffer.alloc(4096);
          const got = hostCall(rec, 'read', [`fd ${fd.value}`, String(buf.length)], () => fs.readSync(fd.value, buf, 0, buf.length, 0));
          hostCall(rec, 'close', [`fd ${fd.value}`], () => fs.closeSync(fd.value));
          output.push(
            t('actions.overlay-op.open-read', { ms: ms(fd.ms) }),
            ...buf
              .subarray(0, got.value)
              .toString('utf8')
              .split('\n')
              .filter((l) => l !== '')
              .slice(0, 4),
          );
          break;
        }
        case 'append':
        case 'create': {
          // The flags Node passes for 'a' and 'wx' (O_CLOEXEC aside).
          const flags = str(args, 'op') === 'append' ? 'O_WRONLY|O_CREAT|O_APPEND' : 'O_WRONLY|O_CREAT|O_EXCL|O_TRUNC';
          const fd = hostCall(rec, 'openat', [q(file), flags], () => fs.openSync(file, str(args, 'op') === 'append' ? 'a' : 'wx', 0o644));
          const w = hostCall(rec, 'write', [`fd ${fd.value}`, q(text)], () => fs.writeSync(fd.value, text));
          hostCall(rec, 'close', [`fd ${fd.value}`], () => fs.closeSync(fd.value));
          output.push(
            t('actions.overlay-op.open-write', { ms: ms(fd.ms) }),
            t('actions.overlay-op.write', { bytes: Buffer.byteLength(text), ms: ms(w.ms) }),
          );
          break;
        }
        case 'delete': {
          if (!lstat(rec, file).isDirectory()) {
            hostCall(rec, 'unlink', [q(file)], () => fs.unlinkSync(file));
            output.push(t('actions.overlay-op.deleted', { path: rel }));
            break;
          }
          const counts = new Map<string, number>();
          removeTree(rec, file, counts);
          const total = [...counts.values()].reduce((a, b) => a + b, 0);
          const calls = listOf([...counts].map(([call, count]) => t('actions.overlay-op.call-count', { count, call })));
          output.push(t('actions.overlay-op.removed-tree', { path: rel, total, calls }));
          break;
        }
        case 'mkdir':
          hostCall(rec, 'mkdir', [q(file), '0755'], () => fs.mkdirSync(file, { mode: 0o755 }));
          output.push(t('actions.overlay-op.made', { path: rel }));
          break;
        case 'rename': {
          const to = inside(rec, ov.merged, str(args, 'to'));
          hostCall(rec, 'rename', [q(file), q(to)], () => fs.renameSync(file, to));
          output.push(t('actions.overlay-op.renamed', { from: rel, to: str(args, 'to') }));
          break;
        }
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      output.push(e.code ? t('actions.overlay-op.kernel-answered', { code: e.code, text: errnoText(e.code) }) : e.message);
      if (str(args, 'expect') !== 'succeeds') return { ok: true, output };
      return {
        ok: false,
        output,
        message: t('actions.overlay-op.failed', { op: str(args, 'op'), path: rel, error: e.code ?? e.message }),
      };
    }
    if (str(args, 'expect') === 'fails') {
      return { ok: false, output, message: t('actions.overlay-op.succeeded', { op: str(args, 'op'), path: rel }) };
    }
    return { ok: true, output };
  },
};
