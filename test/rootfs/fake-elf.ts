/** Builds small, valid ELF files in memory, so the ELF reader and library search can be tested on exact inputs. */

export interface FakeElf {
  bits: 32 | 64;
  littleEndian: boolean;
  machine: number;
  interpreter?: string;
  needed?: string[];
  runpath?: string;
}

/**
 * Lays out a minimal ELF file: header, program headers (PT_LOAD over the whole file at a base
 * address, then PT_INTERP and PT_DYNAMIC when wanted), the interpreter string, a string table and
 * a dynamic section whose DT_STRTAB is a *virtual* address, as in a real binary.
 */
export function fakeElf(spec: FakeElf): Buffer {
  const is64 = spec.bits === 64;
  const ehsize = is64 ? 64 : 52;
  const phentsize = is64 ? 56 : 32;
  const word = is64 ? 8 : 4;
  const base = 0x400000;
  const strings = ['', ...(spec.needed ?? []), ...(spec.runpath ? [spec.runpath] : [])];
  const strtab = Buffer.from(strings.map((s) => `${s}\0`).join(''), 'latin1');
  const offsetOf = (s: string): number =>
    Buffer.byteLength(
      strings
        .slice(0, strings.indexOf(s))
        .map((x) => `${x}\0`)
        .join(''),
      'latin1',
    );
  const dynEntries: Array<[number, number]> = [
    ...(spec.needed ?? []).map((n): [number, number] => [1, offsetOf(n)]),
    ...(spec.runpath ? [[29, offsetOf(spec.runpath)] as [number, number]] : []),
  ];
  const hasDynamic = dynEntries.length > 0;
  const phnum = 1 + (spec.interpreter ? 1 : 0) + (hasDynamic ? 1 : 0);
  const interpAt = ehsize + phnum * phentsize;
  const interp = Buffer.from(spec.interpreter ? `${spec.interpreter}\0` : '', 'latin1');
  const strtabAt = interpAt + interp.length;
  const dynAt = strtabAt + strtab.length;
  const dynCount = hasDynamic ? dynEntries.length + 3 : 0; // + DT_STRTAB, DT_STRSZ, DT_NULL
  const size = dynAt + dynCount * 2 * word;
  const buf = Buffer.alloc(size);
  const le = spec.littleEndian;
  const u16 = (at: number, v: number) => (le ? buf.writeUInt16LE(v, at) : buf.writeUInt16BE(v, at));
  const u32 = (at: number, v: number) => (le ? buf.writeUInt32LE(v, at) : buf.writeUInt32BE(v, at));
  const w = (at: number, v: number) =>
    is64 ? (le ? buf.writeBigUInt64LE(BigInt(v), at) : buf.writeBigUInt64BE(BigInt(v), at)) : u32(at, v);

  buf.writeUInt32BE(0x7f454c46, 0);
  buf[4] = is64 ? 2 : 1;
  buf[5] = le ? 1 : 2;
  buf[6] = 1;
  u16(16, 2); // ET_EXEC
  u16(18, spec.machine);
  w(is64 ? 32 : 28, ehsize); // e_phoff
  u16(is64 ? 54 : 42, phentsize);
  u16(is64 ? 56 : 44, phnum);

  const ph = (index: number, type: number, offset: number, filesz: number) => {
    const at = ehsize + index * phentsize;
    u32(at, type);
    if (is64) {
      w(at + 8, offset);
      w(at + 16, base + offset);
      w(at + 32, filesz);
    } else {
      w(at + 4, offset);
      w(at + 8, base + offset);
      w(at + 16, filesz);
    }
  };
  let i = 0;
  ph(i++, 1, 0, size); // PT_LOAD
  if (spec.interpreter) ph(i++, 3, interpAt, interp.length);
  if (hasDynamic) ph(i++, 2, dynAt, dynCount * 2 * word);
  interp.copy(buf, interpAt);
  strtab.copy(buf, strtabAt);
  const entries: Array<[number, number]> = hasDynamic ? [...dynEntries, [5, base + strtabAt], [10, strtab.length], [0, 0]] : [];
  entries.forEach(([tag, value], n) => {
    w(dynAt + n * 2 * word, tag);
    w(dynAt + n * 2 * word + word, value);
  });
  return buf;
}
