/**
 * Reading a tar archive: walk the 512-byte headers, fold pax (`x`) and GNU long-name (`L`, `K`)
 * headers into the entry that follows them, and note where each file's bytes start so a listing
 * never has to read them.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import { BLOCK, cleanPath, decodeHeader, decodePax, padding, type TarHeader } from './tar-header.js';

export interface TarEntry extends TarHeader {
  /** Byte offset of the content in the archive. */
  dataOffset: number;
}

/** Random access to an archive: a Buffer, or an open file. */
export interface TarSource {
  size: number;
  read(offset: number, length: number): Buffer;
}

export function bufferSource(buf: Buffer): TarSource {
  return { size: buf.length, read: (offset, length) => buf.subarray(offset, offset + length) };
}

/** A source over an open file descriptor (the caller closes it). */
export function fdSource(fd: number): TarSource {
  return {
    size: fs.fstatSync(fd).size,
    read(offset, length) {
      const buf = Buffer.alloc(length);
      const n = fs.readSync(fd, buf, 0, length, offset);
      return buf.subarray(0, n);
    },
  };
}

/** Lists every entry of an archive, in archive order. */
export function readTarEntries(src: TarSource): TarEntry[] {
  const entries: TarEntry[] = [];
  let pax: Record<string, string> = {};
  let globalPax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let offset = 0;
  while (offset + BLOCK <= src.size) {
    const block = src.read(offset, BLOCK);
    if (block.length < BLOCK) break;
    const raw = decodeHeader(block, offset);
    if (!raw) break; // a zero block: the end of the archive
    const dataOffset = offset + BLOCK;
    const size =
      raw.typeflag === 'x' || raw.typeflag === 'g' || raw.typeflag === 'L' || raw.typeflag === 'K'
        ? raw.size
        : Number(pax.size ?? globalPax.size ?? raw.size);
    if (dataOffset + size > src.size) throw new Error(t('runtime.tar.cut-short', { path: raw.path, offset }));
    offset = dataOffset + size + padding(size);
    switch (raw.typeflag) {
      case 'x':
        pax = decodePax(src.read(dataOffset, size));
        continue;
      case 'g':
        globalPax = { ...globalPax, ...decodePax(src.read(dataOffset, size)) };
        continue;
      case 'L':
        longName = src.read(dataOffset, size).toString('utf8').replace(/\0+$/, '');
        continue;
      case 'K':
        longLink = src.read(dataOffset, size).toString('utf8').replace(/\0+$/, '');
        continue;
    }
    const records = { ...globalPax, ...pax };
    const rawPath = records.path ?? longName ?? raw.path;
    entries.push({
      path: cleanPath(rawPath),
      type: rawPath.endsWith('/') && raw.type === 'file' ? 'dir' : raw.type,
      mode: raw.mode & 0o7777,
      uid: Number(records.uid ?? raw.uid),
      gid: Number(records.gid ?? raw.gid),
      size: raw.type === 'file' ? size : 0,
      mtime: Math.floor(Number(records.mtime ?? raw.mtime)),
      linkname: records.linkpath ?? longLink ?? raw.linkname,
      devmajor: raw.devmajor,
      devminor: raw.devminor,
      dataOffset,
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return entries;
}

/** The content of one file entry, in chunks. */
export function* entryChunks(src: TarSource, entry: TarEntry, chunkSize = 1 << 20): Generator<Buffer> {
  for (let done = 0; done < entry.size; done += chunkSize) {
    yield src.read(entry.dataOffset + done, Math.min(chunkSize, entry.size - done));
  }
}
