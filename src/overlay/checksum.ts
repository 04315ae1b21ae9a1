/**
 * Content checksums: the proof a pane shows that a lower file did not change when the merged view
 * was written (its sha256 before and after is the same), and that an applied layer equals the merged
 * view byte for byte.
 */
import { createHash } from 'node:crypto';
import { fileChunks } from './tar-write.js';

/** sha256 of a file's content, as hex. Reads in 1 MiB chunks. */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  for (const chunk of fileChunks(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** The first 12 hex digits, enough to tell two files apart on screen. */
export function shortSum(sum: string): string {
  return sum.slice(0, 12);
}
