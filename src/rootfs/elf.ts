/**
 * Reading an ELF file the way the kernel and the dynamic loader do, to answer two questions the
 * rootfs builder has: "is this busybox static?" and "which shared libraries does this tool load?".
 *
 * An ELF executable starts with a fixed header that says where its *program headers* are. The
 * kernel's execve reads only those: `PT_LOAD` segments are mapped into memory, and a `PT_INTERP`
 * segment names a program interpreter (the dynamic loader, e.g. `/lib64/ld-linux-x86-64.so.2`)
 * that the kernel starts instead of the program itself. A static binary has no `PT_INTERP`: it runs
 * in an empty rootfs with nothing else in it. (A static-PIE binary still has a `PT_DYNAMIC`
 * segment, for relocating itself, so "has no `PT_INTERP`" is the test, not "has no `PT_DYNAMIC`".)
 *
 * The loader then reads the `PT_DYNAMIC` segment: a list of (tag, value) pairs. Each `DT_NEEDED`
 * names one library by its soname (`libc.so.6`), `DT_RUNPATH`/`DT_RPATH` add directories to search,
 * and the names themselves live in the string table that `DT_STRTAB` points at (by virtual
 * address, which the `PT_LOAD` segments translate back into a file offset).
 *
 * This reads only the bytes it needs, with positioned reads, so checking a 2 MB busybox costs two
 * small reads.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const DT_NULL = 0;
export const DT_NEEDED = 1;
export const DT_STRTAB = 5;
export const DT_STRSZ = 10;
export const DT_RPATH = 15;
export const DT_RUNPATH = 29;

/** What the rootfs builder needs to know about one ELF file. */
export interface ElfInfo {
  /** 32 or 64 (`EI_CLASS`). A 64-bit program cannot load a 32-bit library. */
  bits: 32 | 64;
  littleEndian: boolean;
  /** `e_machine`: 62 is x86_64, 183 is aarch64. */
  machine: number;
  /** `e_type`: 2 is an executable (ET_EXEC), 3 a shared object or PIE executable (ET_DYN). */
  type: number;
  /** The `PT_INTERP` path: the loader the kernel starts for this program. Absent when static. */
  interpreter?: string;
  /** `DT_NEEDED` sonames, in file order. */
  needed: string[];
  /** `DT_RPATH` directories (searched before everything else, unless there is a `DT_RUNPATH`). */
  rpath: string[];
  /** `DT_RUNPATH` directories. */
  runpath: string[];
}

/** `e_machine` of the programs this Node process can run, by `process.arch`. */
const MACHINE_BY_ARCH: Readonly<Record<string, number>> = {
  x64: 62,
  arm64: 183,
  ia32: 3,
  arm: 40,
  riscv64: 243,
  ppc64: 21,
  s390x: 22,
  loong64: 258,
};

/** The `e_machine` this host runs natively, or undefined for an architecture not in the table. */
export function hostMachine(): number | undefined {
  return MACHINE_BY_ARCH[process.arch];
}

/** True for an ELF executable that needs no loader and no libraries: it runs in an empty rootfs. */
export function isStaticExecutable(info: ElfInfo): boolean {
  return info.interpreter === undefined && (info.type === 2 || info.type === 3);
}

/** No header, dynamic section or string table of a real program comes near this. */
const MAX_READ = 16 * 1024 * 1024;

interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

/** Reads an ELF file's headers and dynamic section. Returns undefined when the file is not ELF or is truncated. */
export function readElf(path: string): ElfInfo | undefined {
  const fd = openSync(path, 'r');
  try {
    return parseElf((offset, length) => {
      if (length > MAX_READ) return undefined;
      const buf = Buffer.alloc(length);
      const got = readSync(fd, buf, 0, length, offset);
      return got === length ? buf : undefined;
    });
  } finally {
    closeSync(fd);
  }
}

/** Parses ELF from a positioned reader (`read(offset, length)` gives the bytes, or undefined past the end). */
export function parseElf(read: (offset: number, length: number) => Buffer | undefined): ElfInfo | undefined {
  try {
    return parseHeaders(read);
  } catch (err) {
    // A field pointing past the bytes it claims (a damaged or hostile file) ends up here.
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

function parseHeaders(read: (offset: number, length: number) => Buffer | undefined): ElfInfo | undefined {
  const ident = read(0, 16);
  if (!ident || ident.readUInt32BE(0) !== 0x7f454c46) return undefined; // "\x7fELF"
  const bits = ident[4] === 1 ? 32 : ident[4] === 2 ? 64 : undefined;
  const littleEndian = ident[5] === 1 ? true : ident[5] === 2 ? false : undefined;
  if (bits === undefined || littleEndian === undefined) return undefined;

  const header = read(0, bits === 64 ? 64 : 52);
  if (!header) return undefined;
  const r = new FieldReader(header, bits, littleEndian);
  const type = r.u16(16);
  const machine = r.u16(18);
  const phoff = bits === 64 ? r.word(32) : r.word(28);
  const phentsize = r.u16(bits === 64 ? 54 : 42);
  const phnum = r.u16(bits === 64 ? 56 : 44);

  if (phentsize < (bits === 64 ? 56 : 32)) return undefined;
  const table = read(phoff, phentsize * phnum);
  if (!table) return undefined;
  const headers: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const p = new FieldReader(table.subarray(i * phentsize, (i + 1) * phentsize), bits, littleEndian);
    // The 64-bit layout moved p_flags up next to p_type, so every later field shifts.
    headers.push(
      bits === 64
        ? { type: p.u32(0), offset: p.word(8), vaddr: p.word(16), filesz: p.word(32) }
        : { type: p.u32(0), offset: p.word(4), vaddr: p.word(8), filesz: p.word(16) },
    );
  }

  const info: ElfInfo = { bits, littleEndian, machine, type, needed: [], rpath: [], runpath: [] };
  const interp = headers.find((h) => h.type === PT_INTERP);
  if (interp) {
    const bytes = read(interp.offset, interp.filesz);
    if (!bytes) return undefined;
    info.interpreter = cString(bytes, 0);
  }
  const dynamic = headers.find((h) => h.type === PT_DYNAMIC);
  if (dynamic) {
    const ok = readDynamic(read, dynamic, headers, bits, littleEndian, info);
    if (!ok) return undefined;
  }
  return info;
}

function readDynamic(
  read: (offset: number, length: number) => Buffer | undefined,
  dynamic: ProgramHeader,
  headers: ProgramHeader[],
  bits: 32 | 64,
  littleEndian: boolean,
  info: ElfInfo,
): boolean {
  const section = read(dynamic.offset, dynamic.filesz);
  if (!section) return false;
  const d = new FieldReader(section, bits, littleEndian);
  const entrySize = bits === 64 ? 16 : 8;
  const entries: Array<[tag: number, value: number]> = [];
  for (let at = 0; at + entrySize <= section.length; at += entrySize) {
    const tag = d.word(at);
    if (tag === DT_NULL) break;
    entries.push([tag, d.word(at + entrySize / 2)]);
  }
  const strtabAddr = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
  const strsz = entries.find(([tag]) => tag === DT_STRSZ)?.[1];
  if (strtabAddr === undefined || strsz === undefined) return true;
  // DT_STRTAB is an address in memory; the PT_LOAD segment that contains it maps it back to the file.
  const load = headers.find((h) => h.type === PT_LOAD && strtabAddr >= h.vaddr && strtabAddr < h.vaddr + h.filesz);
  if (!load) return false;
  const strtab = read(strtabAddr - load.vaddr + load.offset, strsz);
  if (!strtab) return false;
  for (const [tag, value] of entries) {
    if (tag === DT_NEEDED) info.needed.push(cString(strtab, value));
    else if (tag === DT_RPATH) info.rpath.push(...cString(strtab, value).split(':').filter(Boolean));
    else if (tag === DT_RUNPATH) info.runpath.push(...cString(strtab, value).split(':').filter(Boolean));
  }
  return true;
}

/** Reads header fields of either width and byte order. A "word" is 4 bytes in ELF32 and 8 in ELF64. */
class FieldReader {
  constructor(
    private readonly buf: Buffer,
    private readonly bits: 32 | 64,
    private readonly le: boolean,
  ) {}
  u16(at: number): number {
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }
  u32(at: number): number {
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }
  word(at: number): number {
    if (this.bits === 32) return this.u32(at);
    return Number(this.le ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at));
  }
}

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end === -1 ? buf.length : end);
}
