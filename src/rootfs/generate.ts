/**
 * Files a layer generates at build time instead of committing them. The app layer's 32 MiB
 * `app/data/big.bin` exists so the overlay lesson can show copy-up's cost: changing one byte of a
 * file from a lower layer first copies the whole file into the upper directory.
 *
 * Content is deterministic (the same bytes on every machine, so the layer digest means something)
 * and readable: numbered 64-byte lines, so `head`, `tail` and `sed -n 1000p` show where you are.
 */
import { open } from 'node:fs/promises';

const LINE_BYTES = 64;
const LINES_PER_CHUNK = 16 * 1024; // 1 MiB per write

/** The closed set of content generators a layer definition can name. */
export const GENERATORS = {
  'numbered-lines': numberedLines,
} as const;

export type GeneratorName = keyof typeof GENERATORS;

/** Line `n` (from 0) of the numbered-lines content: exactly 64 bytes, ending in a newline. */
export function numberedLine(n: number): string {
  return `line ${String(n).padStart(8, '0')}: one write anywhere copies up the whole file`.padEnd(LINE_BYTES - 1, '.') + '\n';
}

/** The bytes of a numbered-lines file of `size` bytes, in 1 MiB chunks (the last may be shorter). */
export function* numberedLines(size: number): Generator<Buffer> {
  for (let offset = 0; offset < size; offset += LINE_BYTES * LINES_PER_CHUNK) {
    const first = offset / LINE_BYTES;
    let text = '';
    for (let i = 0; i < LINES_PER_CHUNK; i++) text += numberedLine(first + i);
    const chunk = Buffer.from(text, 'latin1');
    yield chunk.subarray(0, Math.min(chunk.length, size - offset));
  }
}

/** Writes a generated file (which must not exist yet) with mode 0644. */
export async function writeGenerated(file: string, generator: GeneratorName, size: number): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    for (const chunk of GENERATORS[generator](size)) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
