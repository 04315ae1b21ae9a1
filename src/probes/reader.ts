/**
 * Readers: how a probe gets at the kernel's files, on either side of the namespace boundary.
 *
 * A probe never opens a file itself. It names the paths it wants (the `status` file of every process, the
 * link `/proc/1/ns/pid`) and a Reader fetches them all at once into a {@link Snapshot}: the host reader
 * with `fs` calls from the lab process, the container reader with one command run inside the
 * container. The probe's parsing is then a pure function of the snapshot, tested on fixture trees.
 */

/** One path a probe wants. A path segment may be `*` or `[0-9]*` (names starting with a digit). */
export interface ReadPattern {
  path: string;
  /** `file`: read its text. `link`: read where the symlink points (as `readlink` does). */
  kind: 'file' | 'link';
}

/** What a Reader found. Paths are exactly as matched, e.g. `/proc/1/status`. */
export interface Snapshot {
  files: Map<string, string>;
  links: Map<string, string>;
  /** Paths asked for by exact name that could not be read, with the reason (`No such file or directory`). */
  errors: Map<string, string>;
  /**
   * PID of the process that did the reading, when it ran inside the observed PID namespace (the
   * container reader's shell). Probes that list processes leave it and its children out.
   */
  readerPid?: number;
}

export interface Reader {
  /** `host` reads from the lab process; `container` from a command inside the container. */
  readonly side: 'host' | 'container';
  read(patterns: readonly ReadPattern[]): Promise<Snapshot>;
}

/** True when a path segment is one of the two wildcards readers support. */
export function isWildcard(segment: string): boolean {
  return segment === '*' || segment === '[0-9]*';
}

/** True when a directory entry name matches a segment (literal or wildcard). */
export function segmentMatches(segment: string, name: string): boolean {
  if (segment === '*') return true;
  if (segment === '[0-9]*') return /^[0-9]/.test(name);
  return segment === name;
}

/** An empty snapshot. */
export function emptySnapshot(): Snapshot {
  return { files: new Map(), links: new Map(), errors: new Map() };
}
