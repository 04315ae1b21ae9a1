/**
 * Writing a tar archive: for each entry, a pax header when needed, the ustar header, the content
 * padded to 512 bytes; then two zero blocks. Produced as a stream of chunks so a 32 MiB layer file
 * is never held in memory twice.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import { BLOCK, encodeHeader, encodePax, padding, paxRecordsFor, type TarHeader } from './tar-header.js';

/** An entry to write: its header, and for a regular file, where its bytes come from. */
export interface TarWriteEntry extends TarHeader {
  /** Content chunks; their total length must equal `size`. Omitted for everything but files. */
  body?: () => Iterable<Buffer>;
}

/** Reads a file in 1 MiB chunks. */
export function* fileChunks(file: string, chunkSize = 1 << 20): Generator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(chunkSize);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkSize, null);
      if (n === 0) return;
      yield Buffer.from(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The archive as a sequence of chunks. */
export function* tarChunks(entries: Iterable<TarWriteEntry>): Generator<Buffer> {
  for (const entry of entries) {
    const pax = paxRecordsFor(entry);
    if (Object.keys(pax).length > 0) {
      const body = encodePax(pax);
      const base = entry.path.split('/').pop() ?? 'entry';
      yield encodeHeader(
        { path: `PaxHeaders/${base}`.slice(0, 100), type: 'file', mode: 0o644, uid: 0, gid: 0, size: body.length, mtime: 0 },
        'x',
      );
      yield body;
      yield Buffer.alloc(padding(body.length));
    }
    yield encodeHeader(entry);
    if (entry.type !== 'file') continue;
    let written = 0;
    for (const chunk of entry.body?.() ?? []) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== entry.size) {
      throw new Error(t('runtime.tar.size-changed', { path: entry.path, expected: entry.size, got: written }));
    }
    yield Buffer.alloc(padding(entry.size));
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Writes the archive to `file` (created 0600); returns its size in bytes. */
export function writeTarFile(file: string, entries: Iterable<TarWriteEntry>): number {
  const fd = fs.openSync(file, 'w', 0o600);
  let total = 0;
  try {
    for (const chunk of tarChunks(entries)) total += fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return total;
}

/** The archive in memory (for small layers and tests). */
export function tarBuffer(entries: Iterable<TarWriteEntry>): Buffer {
  return Buffer.concat([...tarChunks(entries)]);
}
