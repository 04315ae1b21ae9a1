import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLayerSource, LayerApplyError } from '../../src/overlay/apply-layer.js';
import { bufferSource } from '../../src/overlay/tar-read.js';
import { tarBuffer, type TarWriteEntry } from '../../src/overlay/tar-write.js';
import { readLayerName, whiteoutNameFor, opaqueMarkerFor } from '../../src/overlay/whiteout.js';

const dir = (p: string): TarWriteEntry => ({ path: p, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 1_700_000_000 });
const file = (p: string, text = p): TarWriteEntry => ({
  path: p,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  size: Buffer.byteLength(text),
  mtime: 1_700_000_000,
  body: () => [Buffer.from(text)],
});
const marker = (p: string): TarWriteEntry => ({ ...file(p, ''), mode: 0o600 });

describe('layer names', () => {
  it('read whiteouts and opaque markers', () => {
    expect(readLayerName('a/.wh.b')).toEqual({ kind: 'whiteout', path: 'a/.wh.b', deletes: 'a/b' });
    expect(readLayerName('.wh.top')).toEqual({ kind: 'whiteout', path: '.wh.top', deletes: 'top' });
    expect(readLayerName('a/.wh..wh..opq')).toEqual({ kind: 'opaque', path: 'a/.wh..wh..opq', clears: 'a' });
    expect(readLayerName('a/b.wh.c')).toEqual({ kind: 'plain', path: 'a/b.wh.c' });
    expect(whiteoutNameFor('x/y/z')).toBe('x/y/.wh.z');
    expect(opaqueMarkerFor('x')).toBe('x/.wh..wh..opq');
  });
});

describe('applying a layer', () => {
  let root = '';
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-apply-'));
    fs.mkdirSync(path.join(root, 'a/old'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a/old/f'), 'lower');
    fs.writeFileSync(path.join(root, 'a/keep'), 'lower');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const apply = (entries: TarWriteEntry[]) => applyLayerSource(bufferSource(tarBuffer(entries)), root);

  it('keeps what the same layer adds, even when the opaque marker comes after it', () => {
    const report = apply([dir('a'), file('a/new'), marker('a/.wh..wh..opq')]);
    expect(fs.readdirSync(path.join(root, 'a'))).toEqual(['new']);
    expect(report.cleared).toEqual([{ dir: 'a', removed: ['a/keep', 'a/old'] }]);
  });

  it('deletes whole directories with one whiteout, and ignores a whiteout with nothing below', () => {
    const report = apply([marker('a/.wh.old'), marker('a/.wh.never-was')]);
    expect(fs.existsSync(path.join(root, 'a/old'))).toBe(false);
    expect(report.deleted).toEqual(['a/old']);
    expect(fs.existsSync(path.join(root, 'a/never-was'))).toBe(false);
  });

  it('replaces a directory with a file and a file with a directory', () => {
    apply([file('a/old', 'now a file'), dir('a/keep'), file('a/keep/inside')]);
    expect(fs.readFileSync(path.join(root, 'a/old'), 'utf8')).toBe('now a file');
    expect(fs.statSync(path.join(root, 'a/keep')).isDirectory()).toBe(true);
  });

  it('refuses paths that leave the directory, directly or through a symlink', () => {
    expect(() => apply([file('../escape')])).toThrow(LayerApplyError);
    fs.symlinkSync(os.tmpdir(), path.join(root, 'link'));
    expect(() => apply([file('link/planted')])).toThrow(/symlink/);
    expect(() => apply([marker('link/.wh.something')])).toThrow(/symlink/);
    expect(fs.existsSync(path.join(os.tmpdir(), 'planted'))).toBe(false);
  });

  it('refuses device nodes with a sentence', () => {
    expect(() => apply([{ ...dir('dev'), path: 'dev/null', type: 'char', devmajor: 1, devminor: 3 }])).toThrow(/mknod/);
  });
});
