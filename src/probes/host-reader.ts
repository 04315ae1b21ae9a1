/**
 * The host reader: reads the probe's paths straight from the lab process with `fs`.
 *
 * The lab never changes its own namespaces, so what it reads under `/proc` is the host's view. Tests
 * pass paths under a fixture directory instead of `/proc`: the reader does not care where it reads.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { emptySnapshot, isWildcard, segmentMatches } from './reader.js';
import type { ReadPattern, Reader, Snapshot } from './reader.js';

/** Expands a pattern into the existing paths it matches (a literal path is returned as is). */
export function expandPattern(pattern: string): string[] {
  const segments = pattern.split('/');
  let paths = [segments[0] ?? ''];
  for (const segment of segments.slice(1)) {
    if (!isWildcard(segment)) {
      paths = paths.map((p) => `${p}/${segment}`);
      continue;
    }
    const next: string[] = [];
    for (const dir of paths) {
      let names: string[];
      try {
        names = readdirSync(dir === '' ? '/' : dir);
      } catch {
        continue; // A process can exit between the listing of /proc and the read of its directory.
      }
      for (const name of names.sort(byNumberThenName)) {
        if (segmentMatches(segment, name)) next.push(`${dir}/${name}`);
      }
    }
    paths = next;
  }
  return paths;
}

function byNumberThenName(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const text: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    ESRCH: 'No such process',
  };
  return e.code ? `${text[e.code] ?? e.message} (${e.code})` : String(err);
}

/** A Reader over the lab process's own view of the filesystem. */
export function hostReader(): Reader {
  return {
    side: 'host',
    async read(patterns: readonly ReadPattern[]): Promise<Snapshot> {
      const snap = emptySnapshot();
      for (const pattern of patterns) {
        const exact = !pattern.path.split('/').some(isWildcard);
        for (const path of expandPattern(pattern.path)) {
          try {
            if (pattern.kind === 'link') snap.links.set(path, readlinkSync(path));
            else snap.files.set(path, readFileSync(path, 'utf8'));
          } catch (err) {
            if (exact) snap.errors.set(path, describeError(err));
          }
        }
      }
      return snap;
    },
  };
}
