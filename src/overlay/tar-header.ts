/**
 * The tar header: 512 bytes that describe one file in an archive. An OCI image layer is a tar, so a
 * layer is a sequence of these, each followed by the file's bytes padded to a 512-byte boundary.
 *
 * The ustar fields used here (byte offset, length):
 *   name 0,100   mode 100,8   uid 108,8   gid 116,8   size 124,12   mtime 136,12   chksum 148,8
 *   typeflag 156,1   linkname 157,100   magic 257,6 "ustar\0"   version 263,2 "00"
 *   uname 265,32   gname 297,32   devmajor 329,8   devminor 337,8   prefix 345,155
 * Numbers are octal text. A path longer than name+prefix can hold, a long link target, or a number too
 * big for its field goes into a pax extended header (typeflag `x`) placed just before the entry:
 * records of the form `<length> <key>=<value>\n`, e.g. `30 path=very/long/…\n`.
 */
import { t } from '../i18n/index.js';

export const BLOCK = 512;

/** What a tar entry is. Layers hold the first four; devices and fifos appear in rootfs layers. */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface TarHeader {
  /** Path inside the layer, relative, `/`-separated, no leading `./`, no trailing `/`. */
  path: string;
  type: TarEntryType;
  /** Permission bits, including setuid/setgid/sticky (0o7777). */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of content (regular files only; 0 otherwise). */
  size: number;
  /** Modification time, seconds since the epoch. */
  mtime: number;
  /** Target of a symlink, or the earlier path a hard link points at. */
  linkname?: string;
  devmajor?: number;
  devminor?: number;
}

const TYPEFLAG: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};
const TYPE_OF_FLAG: Record<string, TarEntryType> = Object.fromEntries(
  Object.entries(TYPEFLAG).map(([type, flag]) => [flag, type as TarEntryType]),
);

/** Largest value an octal field of `len` bytes can hold (len-1 digits, then a NUL). */
const maxOctal = (len: number): number => 8 ** (len - 1) - 1;

function writeString(block: Buffer, offset: number, len: number, value: string): void {
  block.write(value, offset, len, 'utf8');
}

function writeOctal(block: Buffer, offset: number, len: number, value: number): void {
  block.write(value.toString(8).padStart(len - 1, '0') + '\0', offset, len, 'ascii');
}

/** Splits a path into ustar's prefix and name fields at a `/`, or returns undefined if it cannot. */
function splitPath(p: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(p) <= 100) return { prefix: '', name: p };
  for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) {
    const prefix = p.slice(0, i);
    const name = p.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

/** One pax record: its length field counts the whole record, including its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const rest = Buffer.byteLength(body);
  let len = rest + 1;
  while (len !== String(len).length + rest) len = String(len).length + rest;
  return `${len}${body}`;
}

/** The pax records a header needs, or an empty object when plain ustar can say it all. */
export function paxRecordsFor(h: TarHeader): Record<string, string> {
  const records: Record<string, string> = {};
  const stored = h.type === 'dir' ? `${h.path}/` : h.path;
  if (!splitPath(stored)) records.path = stored;
  if (h.linkname !== undefined && Buffer.byteLength(h.linkname) > 100) records.linkpath = h.linkname;
  if (h.size > maxOctal(12)) records.size = String(h.size);
  if (h.uid > maxOctal(8)) records.uid = String(h.uid);
  if (h.gid > maxOctal(8)) records.gid = String(h.gid);
  if (h.mtime > maxOctal(12) || h.mtime < 0) records.mtime = String(h.mtime);
  return records;
}

/** Encodes pax records as the body of an `x` entry. */
export function encodePax(records: Record<string, string>): Buffer {
  return Buffer.from(
    Object.entries(records)
      .map(([k, v]) => paxRecord(k, v))
      .join(''),
    'utf8',
  );
}

/** Decodes the body of an `x` or `g` entry. */
export function decodePax(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    if (space === -1) break;
    const len = Number(body.toString('ascii', pos, space));
    if (!Number.isInteger(len) || len <= 0) throw new Error(t('runtime.tar.bad-pax', { offset: pos }));
    const record = body.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return records;
}

/** Encodes one 512-byte ustar header. Values that do not fit must already be in a pax header. */
export function encodeHeader(h: TarHeader, typeflag = TYPEFLAG[h.type]): Buffer {
  const block = Buffer.alloc(BLOCK);
  const stored = h.type === 'dir' ? `${h.path}/` : h.path;
  const split = splitPath(stored) ?? { prefix: '', name: stored.slice(-100) };
  writeString(block, 0, 100, split.name);
  writeOctal(block, 100, 8, h.mode & 0o7777);
  writeOctal(block, 108, 8, Math.min(h.uid, maxOctal(8)));
  writeOctal(block, 116, 8, Math.min(h.gid, maxOctal(8)));
  writeOctal(block, 124, 12, h.size > maxOctal(12) ? 0 : h.size);
  writeOctal(block, 136, 12, Math.max(0, Math.min(h.mtime, maxOctal(12))));
  block.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  block.write(typeflag, 156, 1, 'ascii');
  if (h.linkname !== undefined) writeString(block, 157, 100, h.linkname);
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  writeOctal(block, 329, 8, h.devmajor ?? 0);
  writeOctal(block, 337, 8, h.devminor ?? 0);
  writeString(block, 345, 155, split.prefix);
  block.write(checksum(block).toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return block;
}

/** Sum of the header's bytes, with the checksum field counted as eight spaces. */
function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum;
}

function readString(block: Buffer, offset: number, len: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end === -1 || end > offset + len ? offset + len : end);
}

/** Reads an octal field, or a base-256 one (high bit set, as GNU tar writes big numbers). */
function readNumber(block: Buffer, offset: number, len: number): number {
  const first = block[offset] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < len; i++) value = value * 256 + (block[offset + i] ?? 0);
    return value;
  }
  const text = readString(block, offset, len).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The raw fields of one header block, before pax or GNU long names are applied. */
export interface RawHeader extends TarHeader {
  /** The type character as written, e.g. `0`, `x`, `L`. */
  typeflag: string;
}

/** Decodes one header block, or returns undefined for the zero block that ends an archive. */
export function decodeHeader(block: Buffer, offset: number): RawHeader | undefined {
  if (block.every((b) => b === 0)) return undefined;
  const stored = readNumber(block, 148, 8);
  if (stored !== checksum(block)) throw new Error(t('runtime.tar.bad-checksum', { offset }));
  const rawFlag = String.fromCharCode(block[156] ?? 0);
  const typeflag = rawFlag === '\0' ? '0' : rawFlag;
  const magic = block.toString('ascii', 257, 262);
  const prefix = magic === 'ustar' ? readString(block, 345, 155) : '';
  const name = readString(block, 0, 100);
  const full = prefix ? `${prefix}/${name}` : name;
  // '7' (contiguous file) is read as a regular file, as GNU tar does.
  const type = TYPE_OF_FLAG[typeflag === '7' ? '0' : typeflag] ?? 'file';
  return {
    typeflag,
    path: full,
    type: full.endsWith('/') && type === 'file' ? 'dir' : type,
    mode: readNumber(block, 100, 8),
    uid: readNumber(block, 108, 8),
    gid: readNumber(block, 116, 8),
    size: readNumber(block, 124, 12),
    mtime: readNumber(block, 136, 12),
    linkname: readString(block, 157, 100) || undefined,
    devmajor: readNumber(block, 329, 8),
    devminor: readNumber(block, 337, 8),
  };
}

/** Normalises a stored path: no leading `./` or `/`, no trailing `/`. */
export function cleanPath(p: string): string {
  return p.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

/** Bytes of padding after `size` bytes of content. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
