/**
 * The container reader: reads the probe's paths from inside a container, with one command.
 *
 * It runs a short POSIX `sh` script through `runtime.exec`, so the reads happen in the container's
 * namespaces: `/proc` there is the container's own procfs, mounted from inside its PID namespace.
 * The script prints each file after a marker line carrying a random token (so no file's content can
 * pose as a marker), and symlinks as `ls -ld` lines. Only this fixed script runs, inside the container;
 * the paths it is given come from probe code, never from lesson text.
 */
import { t } from '../i18n/index.js';
import { randomBytes } from 'node:crypto';
import type { Container, ContainerRuntime } from '../runtime/api.js';
import { emptySnapshot, isWildcard } from './reader.js';
import type { ReadPattern, Reader, Snapshot } from './reader.js';

/** The script run inside: `$1` is the marker token, then `F:path` / `L:path` patterns. */
export const READER_SCRIPT = [
  'B=$1; shift',
  'echo "$B P $$"',
  'for p in "$@"; do',
  '  k=${p%%:*}; g=${p#*:}',
  '  if [ "$k" = L ]; then echo "$B L $g"; ls -ld $g 2>/dev/null; continue; fi',
  '  for f in $g; do',
  '    [ -e "$f" ] || { echo "$B E $f"; continue; }',
  '    echo "$B F $f"; cat "$f" 2>/dev/null || echo "$B E $f"; echo',
  '  done',
  'done',
].join('\n');

/** Parses the script's output into a snapshot. Pure; exported for tests. */
export function parseReaderOutput(out: string, token: string, patterns: readonly ReadPattern[]): Snapshot {
  const snap = emptySnapshot();
  const marker = `${token} `;
  let current: { kind: string; path: string; lines: string[] } | undefined;
  const finish = (): void => {
    // The newline the script's `echo` adds after each file is the one the line split removes.
    if (current?.kind === 'F') snap.files.set(current.path, current.lines.join('\n'));
    current = undefined;
  };
  for (const line of out.split('\n')) {
    if (line.startsWith(marker)) {
      const [kind = '', ...rest] = line.slice(marker.length).split(' ');
      const value = rest.join(' ');
      // `cat` failed after the file's marker (the process exited meanwhile): nothing was read.
      if (kind === 'E' && current?.path === value) current = undefined;
      finish();
      if (kind === 'P') snap.readerPid = Number(value);
      else if (kind === 'E') snap.errors.set(value, 'No such file or directory (ENOENT)');
      else current = { kind, path: value, lines: [] };
      continue;
    }
    if (current?.kind === 'F') current.lines.push(line);
    else if (current?.kind === 'L') {
      const arrow = line.indexOf(' -> ');
      if (arrow < 0) continue;
      const left = line.slice(0, arrow);
      snap.links.set(left.slice(left.lastIndexOf(' ') + 1), line.slice(arrow + 4));
    }
  }
  finish();
  for (const p of patterns) {
    const exact = !p.path.split('/').some(isWildcard);
    if (exact && p.kind === 'link' && !snap.links.has(p.path)) snap.errors.set(p.path, 'No such file or directory (ENOENT)');
  }
  // Errors are only meaningful for paths asked for by name; a wildcard that matched nothing is no error.
  for (const path of [...snap.errors.keys()]) {
    if (path.split('/').some(isWildcard)) snap.errors.delete(path);
  }
  return snap;
}

/** A Reader that looks from inside `container`. */
export function containerReader(runtime: ContainerRuntime, container: Container, signal?: AbortSignal): Reader {
  return {
    side: 'container',
    async read(patterns: readonly ReadPattern[]): Promise<Snapshot> {
      const token = `@clab${randomBytes(6).toString('hex')}`;
      const args = patterns.map((p) => `${p.kind === 'link' ? 'L' : 'F'}:${p.path}`);
      const result = await runtime.exec(container, ['sh', '-c', READER_SCRIPT, 'sh', token, ...args], {
        timeoutMs: 5000,
        signal,
      });
      if (result.exitCode !== 0 && !result.stdout.includes(`${token} P `)) {
        const why = result.stderr.trim() || t('probes.container.exit-status', { status: String(result.exitCode ?? result.signal) });
        throw new Error(t('probes.container.unreadable', { why }));
      }
      return parseReaderOutput(result.stdout, token, patterns);
    },
  };
}
