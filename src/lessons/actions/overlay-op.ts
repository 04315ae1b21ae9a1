/**
 * `overlay-op`: one file operation through an overlay's merged view — what a process in a
 * container does when it reads, writes, deletes or renames a file in its root. Each call is
 * timed and shown as the syscall it is, so copy-up is visible: the first open for writing of a
 * lower file returns only after the kernel has copied the whole file into upper.
 *
 * Paths come from lesson data and are resolved inside merged without following a symlink, so no
 * operation can reach outside the overlay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errnoText } from '../../kernel/errors.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { fsLab, overlayOf } from './fs-lab.js';
import { hostCall } from './host-call.js';

const OPS = ['read', 'append', 'create', 'delete', 'mkdir', 'rename'] as const;

/** `merged/rel`, refusing `..` and any symlink on the way (the last component may be one). */
function inside(merged: string, rel: string): string {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) throw new Error(`"${rel}" is not a path inside the overlay.`);
  let p = merged;
  for (const part of parts.slice(0, -1)) {
    p = path.join(p, part);
    if (fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Error(`${rel} passes through a symlink; the lab does not follow links here.`);
  }
  return path.join(merged, ...parts);
}

const q = (s: string) => JSON.stringify(s);
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

export const overlayOpAction: ActionDef = {
  name: 'overlay-op',
  summary: 'One file operation (read, append, create, delete, mkdir, rename) through a lab overlay\'s merged view, each syscall timed and shown.',
  args: {
    overlay: { type: { kind: 'name' }, doc: 'the overlay, as named by mount-overlay' },
    op: { type: { kind: 'enum', values: OPS }, doc: 'what to do' },
    path: { type: { kind: 'inner-path' }, doc: 'the path inside the overlay, e.g. app/config.json' },
    to: { type: { kind: 'inner-path' }, default: '', doc: 'for rename: the new path' },
    text: { type: { kind: 'string' }, default: 'written through merged\n', doc: 'for append and create: what to write' },
    expect: { type: { kind: 'enum', values: ['succeeds', 'fails', 'either'] }, default: 'succeeds', doc: 'whether the kernel should allow it (`either`: this depends on the kernel; show what it did)' },
  },
  async run(ctx, args) {
    const lab = fsLab(ctx);
    const ov = overlayOf(lab, str(args, 'overlay'));
    const rel = str(args, 'path');
    const file = inside(ov.merged, rel);
    const rec = (e: PrimitiveEvent) => ctx.record(e);
    const text = str(args, 'text');
    const output: string[] = [];
    try {
      switch (str(args, 'op')) {
        case 'read': {
          const fd = hostCall(rec, 'openat', [q(file), 'O_RDONLY'], () => fs.openSync(file, 'r'));
          const st = fs.fstatSync(fd.value);
          const buf = Buffer.alloc(Math.min(st.size, 4096));
          hostCall(rec, 'read', [`fd ${fd.value}`, String(buf.length)], () => fs.readSync(fd.value, buf, 0, buf.length, 0));
          fs.closeSync(fd.value);
          output.push(`open for reading: ${ms(fd.ms)}`, ...buf.toString('utf8').split('\n').filter((l) => l !== '').slice(0, 4));
          break;
        }
        case 'append':
        case 'create': {
          const flags = str(args, 'op') === 'append' ? 'O_WRONLY|O_APPEND' : 'O_WRONLY|O_CREAT|O_EXCL';
          const fd = hostCall(rec, 'openat', [q(file), flags], () => fs.openSync(file, str(args, 'op') === 'append' ? 'a' : 'wx', 0o644));
          const w = hostCall(rec, 'write', [`fd ${fd.value}`, q(text)], () => fs.writeSync(fd.value, text));
          fs.closeSync(fd.value);
          output.push(`open for writing: ${ms(fd.ms)}`, `write ${Buffer.byteLength(text)} bytes: ${ms(w.ms)}`);
          break;
        }
        case 'delete': {
          const isDir = fs.lstatSync(file).isDirectory();
          hostCall(rec, isDir ? 'rmdir' : 'unlink', [q(file)], () => (isDir ? fs.rmSync(file, { recursive: true }) : fs.unlinkSync(file)));
          output.push(`deleted ${rel} through merged`);
          break;
        }
        case 'mkdir':
          hostCall(rec, 'mkdir', [q(file), '0755'], () => fs.mkdirSync(file, { mode: 0o755 }));
          output.push(`made ${rel}/ through merged`);
          break;
        case 'rename': {
          const to = inside(ov.merged, str(args, 'to'));
          hostCall(rec, 'rename', [q(file), q(to)], () => fs.renameSync(file, to));
          output.push(`renamed ${rel} → ${str(args, 'to')} through merged`);
          break;
        }
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      output.push(e.code ? `the kernel answered ${e.code} (${errnoText(e.code)})` : e.message);
      if (str(args, 'expect') !== 'succeeds') return { ok: true, output };
      return { ok: false, output, message: `${str(args, 'op')} ${rel} failed (${e.code ?? e.message}); the primitive pane shows the call.` };
    }
    if (str(args, 'expect') === 'fails') {
      return { ok: false, output, message: `${str(args, 'op')} ${rel} succeeded, where this lesson expected the kernel to refuse it.` };
    }
    return { ok: true, output };
  },
};
