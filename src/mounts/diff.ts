/**
 * Two mount tables side by side: which mounts only one side has, and which differ.
 *
 * Mount IDs are per namespace, so rows are matched by mount point (and, for mounts stacked on the
 * same point, by their order there). A container's table names its mount points from its own root,
 * so against the host almost every row differs — which is the point the lesson makes.
 */
import { propagationFields, type MountRow } from './mountinfo.js';

export type MountDiffStatus = 'same' | 'changed' | 'only-left' | 'only-right';

export interface MountDiffRow {
  /** Mount point, with `#2` added for the second mount stacked on the same point. */
  key: string;
  status: MountDiffStatus;
  left?: MountRow;
  right?: MountRow;
  /** For `changed`: which fields differ, e.g. `fstype tmpfs ≠ ext4`, `propagation shared:1 ≠ private`. */
  changes: string[];
}

function keyed(rows: readonly MountRow[]): Map<string, MountRow> {
  const seen = new Map<string, number>();
  const out = new Map<string, MountRow>();
  for (const r of rows) {
    const n = (seen.get(r.mountPoint) ?? 0) + 1;
    seen.set(r.mountPoint, n);
    out.set(n === 1 ? r.mountPoint : `${r.mountPoint}#${n}`, r);
  }
  return out;
}

function changesBetween(a: MountRow, b: MountRow): string[] {
  const out: string[] = [];
  const cmp = (what: string, x: string, y: string) => {
    if (x !== y) out.push(`${what} ${x || '-'} ≠ ${y || '-'}`);
  };
  cmp('fstype', a.fstype, b.fstype);
  cmp('source', a.source, b.source);
  cmp('root', a.root, b.root);
  cmp('options', a.options.join(','), b.options.join(','));
  cmp('propagation', propagationFields(a.propagation) || 'private', propagationFields(b.propagation) || 'private');
  return out;
}

/** Compares two tables; rows keep the left table's order, then the right's extra rows. */
export function diffMountTables(left: readonly MountRow[], right: readonly MountRow[]): MountDiffRow[] {
  const l = keyed(left);
  const r = keyed(right);
  const rows: MountDiffRow[] = [];
  for (const [key, a] of l) {
    const b = r.get(key);
    if (!b) {
      rows.push({ key, status: 'only-left', left: a, changes: [] });
      continue;
    }
    const changes = changesBetween(a, b);
    rows.push({ key, status: changes.length ? 'changed' : 'same', left: a, right: b, changes });
  }
  for (const [key, b] of r) if (!l.has(key)) rows.push({ key, status: 'only-right', right: b, changes: [] });
  return rows;
}

/** Mounts that appeared in `after` (a later read of the same namespace), matched by mount ID. */
export function newMounts(before: readonly MountRow[], after: readonly MountRow[]): MountRow[] {
  const ids = new Set(before.map((r) => r.id));
  return after.filter((r) => !ids.has(r.id));
}
