import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePax, encodePax, paxRecordsFor } from '../../src/overlay/tar-header.js';
import { bufferSource, entryChunks, readTarEntries } from '../../src/overlay/tar-read.js';
import { tarBuffer, type TarWriteEntry } from '../../src/overlay/tar-write.js';

const longDir = 'a'.repeat(60) + '/' + 'b'.repeat(60) + '/' + 'c'.repeat(60);
const veryLong = 'd'.repeat(180) + '/file.txt'; // no split fits: needs a pax path record
const content = Buffer.from('hello layer\n');
const big = Buffer.alloc(1300, 7); // crosses two 512-byte blocks

const entries: TarWriteEntry[] = [
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 1_700_000_000 },
  { path: 'etc/hostname', type: 'file', mode: 0o644, uid: 0, gid: 0, size: content.length, mtime: 1_700_000_001, body: () => [content] },
  {
    path: 'etc/big',
    type: 'file',
    mode: 0o600,
    uid: 1000,
    gid: 100,
    size: big.length,
    mtime: 1_700_000_002,
    body: () => [big.subarray(0, 700), big.subarray(700)],
  },
  { path: 'etc/link', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 1_700_000_003, linkname: 'hostname' },
  { path: 'etc/hard', type: 'hardlink', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 1_700_000_001, linkname: 'etc/hostname' },
  { path: `${longDir}/f`, type: 'file', mode: 0o4755, uid: 0, gid: 0, size: 0, mtime: 1_700_000_004, body: () => [] },
  { path: veryLong, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 1_700_000_005, body: () => [] },
  { path: 'etc/longlink', type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, mtime: 1_700_000_006, linkname: 'x/'.repeat(70) },
  { path: 'dev/null', type: 'char', mode: 0o666, uid: 0, gid: 0, size: 0, mtime: 1_700_000_007, devmajor: 1, devminor: 3 },
];

describe('pax records', () => {
  it('count their own length digits', () => {
    // " path=" + 91 x + "\n" is 98 bytes; two digits would make 100, which needs three: 101.
    const body = encodePax({ path: 'x'.repeat(91) });
    expect(body.toString().startsWith('101 path=')).toBe(true);
    expect(body.length).toBe(101);
    expect(decodePax(body)).toEqual({ path: 'x'.repeat(91) });
  });

  it('are only used when ustar cannot hold a value', () => {
    expect(paxRecordsFor({ path: 'etc/hostname', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, mtime: 0 })).toEqual({});
    expect(paxRecordsFor({ path: `${longDir}/f`, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, mtime: 0 })).toEqual({});
    expect(Object.keys(paxRecordsFor({ path: veryLong, type: 'file', mode: 0, uid: 0, gid: 0, size: 0, mtime: 0 }))).toEqual(['path']);
    expect(Object.keys(paxRecordsFor({ path: 'f', type: 'file', mode: 0, uid: 3_000_000, gid: 0, size: 9e9, mtime: 0 }))).toEqual([
      'size',
      'uid',
    ]);
  });
});

describe('tar writer and reader', () => {
  const archive = tarBuffer(entries);

  it('is a whole number of blocks ending in two zero blocks', () => {
    expect(archive.length % 512).toBe(0);
    expect(archive.subarray(-1024).every((b) => b === 0)).toBe(true);
  });

  it('reads back every header and every byte it wrote', () => {
    const src = bufferSource(archive);
    const read = readTarEntries(src);
    expect(read.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    for (const [i, e] of read.entries()) {
      const w = entries[i]!;
      expect({ type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, size: e.size, mtime: e.mtime, linkname: e.linkname }).toEqual({
        type: w.type,
        mode: w.mode,
        uid: w.uid,
        gid: w.gid,
        size: w.size,
        mtime: w.mtime,
        linkname: w.linkname,
      });
    }
    const bigEntry = read.find((e) => e.path === 'etc/big')!;
    expect(Buffer.concat([...entryChunks(src, bigEntry, 512)]).equals(big)).toBe(true);
    expect(read.find((e) => e.path === 'dev/null')).toMatchObject({ devmajor: 1, devminor: 3 });
  });

  it('refuses a damaged header and a cut-short archive with a sentence', () => {
    const damaged = Buffer.from(archive);
    damaged[3] = 0x41;
    expect(() => readTarEntries(bufferSource(damaged))).toThrow(/bad checksum/);
    expect(() => readTarEntries(bufferSource(archive.subarray(0, 512 * 4 + 100)))).toThrow(/cut short|past the end/);
  });

  it('throws when a file changes size while archived', () => {
    expect(() =>
      tarBuffer([{ path: 'f', type: 'file', mode: 0o644, uid: 0, gid: 0, size: 5, mtime: 0, body: () => [Buffer.from('abc')] }]),
    ).toThrow(/expected 5 bytes/);
  });
});

describe('GNU tar as the independent witness', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-tar-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists and extracts what we write', () => {
    const file = path.join(dir, 'ours.tar');
    fs.writeFileSync(file, tarBuffer(entries.filter((e) => e.type !== 'char')));
    const names = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(names).toEqual(entries.filter((e) => e.type !== 'char').map((e) => (e.type === 'dir' ? `${e.path}/` : e.path)));
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xf', file, '-C', out]);
    expect(fs.readFileSync(path.join(out, 'etc/big')).equals(big)).toBe(true);
    expect(fs.readlinkSync(path.join(out, 'etc/longlink'))).toBe('x/'.repeat(70));
    expect(fs.statSync(path.join(out, 'etc/hard')).ino).toBe(fs.statSync(path.join(out, 'etc/hostname')).ino);
    expect(fs.existsSync(path.join(out, veryLong))).toBe(true);
  });

  it('reads what GNU tar writes, in gnu (long-name) and pax formats', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(path.join(src, 'e'.repeat(120)), { recursive: true });
    fs.writeFileSync(path.join(src, 'e'.repeat(120), 'f'.repeat(110)), 'gnu');
    fs.symlinkSync('t'.repeat(150), path.join(src, 'sym'));
    for (const format of ['gnu', 'pax']) {
      const file = path.join(dir, `${format}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', src, '.']);
      const read = readTarEntries(bufferSource(fs.readFileSync(file)));
      const byPath = new Map(read.map((e) => [e.path, e]));
      const long = byPath.get(`${'e'.repeat(120)}/${'f'.repeat(110)}`);
      expect(long?.size, format).toBe(3);
      expect(byPath.get('sym')?.linkname, format).toBe('t'.repeat(150));
      expect(byPath.get('e'.repeat(120))?.type, format).toBe('dir');
    }
  });
});
