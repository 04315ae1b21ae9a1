/**
 * /proc/<pid>/mountinfo: the mount table of one process's mount namespace, one mount per line.
 *
 *   36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 *   (1)(2) (3)   (4)     (5)         (6)       (7)    (8) (9)    (10)       (11)
 *
 *  1 mount ID, unique in the namespace     2 parent mount's ID     3 st_dev of the filesystem
 *  4 which directory of that filesystem is mounted here (a bind mount shows a subdirectory)
 *  5 mount point, as this process sees it (inside a container: relative to the container's root)
 *  6 per-mount options     7 optional fields, zero or more     8 a lone `-`
 *  9 filesystem type    10 source    11 per-superblock options
 *
 * The optional fields are the mount's propagation, the subject of mount_namespaces(7):
 *   shared:N          a member of peer group N: mounts and unmounts under it reach every peer
 *   master:N          a slave of peer group N: receives events from it, sends none back
 *   propagate_from:N  the nearest dominant peer group this slave receives from (when not its master)
 *   unbindable        cannot be bind-mounted
 * No optional field means private. A new mount namespace starts with a copy of every mount, and
 * each copy of a shared mount joins its original's peer group — which is how a mount made inside a
 * container can appear on the host, unless the runtime first makes `/` recursively private.
 */

export interface Propagation {
  /** Peer group this mount belongs to (`shared:N`). */
  shared?: number;
  /** Peer group this mount is a slave of (`master:N`). */
  master?: number;
  /** `propagate_from:N`. */
  propagateFrom?: number;
  unbindable?: true;
}

export interface MountRow {
  id: number;
  parentId: number;
  /** st_dev of the mounted filesystem, `major:minor`. */
  dev: string;
  /** The directory of the filesystem that is mounted (field 4). */
  root: string;
  /** Where it is mounted (field 5). */
  mountPoint: string;
  options: string[];
  propagation: Propagation;
  fstype: string;
  source: string;
  superOptions: string[];
  /** The line as the kernel wrote it. */
  line: string;
}

/** Undoes the kernel's octal escapes in paths: `\040` space, `\011` tab, `\012` newline, `\134` backslash. */
export function unescapeMountPath(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

function parsePropagation(fields: readonly string[]): Propagation {
  const p: Propagation = {};
  for (const f of fields) {
    const [tag, value] = f.split(':');
    if (tag === 'shared') p.shared = Number(value);
    else if (tag === 'master') p.master = Number(value);
    else if (tag === 'propagate_from') p.propagateFrom = Number(value);
    else if (tag === 'unbindable') p.unbindable = true;
  }
  return p;
}

/** Parses one mountinfo line; throws with the line when it is not one. */
export function parseMountLine(line: string): MountRow {
  const fields = line.split(' ');
  const sep = fields.indexOf('-', 6);
  if (sep === -1 || fields.length < sep + 4) throw new Error(`Not a mountinfo line: ${JSON.stringify(line)}`);
  const [id, parentId, dev, root, mountPoint, options] = fields as [string, string, string, string, string, string];
  return {
    id: Number(id),
    parentId: Number(parentId),
    dev,
    root: unescapeMountPath(root),
    mountPoint: unescapeMountPath(mountPoint),
    options: options.split(','),
    propagation: parsePropagation(fields.slice(6, sep)),
    fstype: fields[sep + 1] ?? '',
    source: unescapeMountPath(fields[sep + 2] ?? ''),
    superOptions: (fields[sep + 3] ?? '').split(','),
    line,
  };
}

/** Parses a whole mountinfo file. */
export function parseMountinfo(text: string): MountRow[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parseMountLine);
}

/**
 * The propagation type in words, as findmnt's PROPAGATION column spells it:
 * `shared`, `private`, `slave`, `shared,slave`, `private,unbindable`.
 */
export function propagationName(p: Propagation): string {
  const parts: string[] = [];
  if (p.shared !== undefined) parts.push('shared');
  if (p.master !== undefined) parts.push('slave');
  if (parts.length === 0) parts.push('private');
  if (p.unbindable) parts.push('unbindable');
  return parts.join(',');
}

/** The optional fields as the kernel writes them, e.g. `shared:3 master:2` (empty for private). */
export function propagationFields(p: Propagation): string {
  const parts: string[] = [];
  if (p.shared !== undefined) parts.push(`shared:${p.shared}`);
  if (p.master !== undefined) parts.push(`master:${p.master}`);
  if (p.propagateFrom !== undefined) parts.push(`propagate_from:${p.propagateFrom}`);
  if (p.unbindable) parts.push('unbindable');
  return parts.join(' ');
}

/** The row mounted last at `mountPoint` (the one a path lookup sees), if any. */
export function findMount(rows: readonly MountRow[], mountPoint: string): MountRow | undefined {
  return rows.filter((r) => r.mountPoint === mountPoint).pop();
}

/** A short one-line description: `/proc  proc  proc  private`. */
export function describeMount(r: MountRow): string {
  return `${r.mountPoint}  ${r.fstype}  ${r.source}  ${propagationFields(r.propagation) || 'private'}`;
}
