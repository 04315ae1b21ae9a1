/**
 * Are two trees the same, as a container would see them? Compares kind, permission bits, owner,
 * size, symlink target and content checksum of every path. Inode numbers, devices and times are
 * left out: they say where a file is stored, not what it is.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { sha256File } from './checksum.js';
import { walkTree, type TreeNode } from './tree.js';

export interface TreeDifference {
  path: string;
  /** What differs, e.g. `only in merged`, `mode 0644 ≠ 0600`, `content`. */
  what: string;
}

/** What the comparison looks at for one entry. */
export interface EntryFacts {
  kind: TreeNode['kind'];
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
  sha256?: string;
}

/** The facts of every entry below `root`, by relative path. */
export function treeFacts(root: string): Map<string, EntryFacts> {
  const facts = new Map<string, EntryFacts>();
  for (const n of walkTree(root, null)) {
    const f: EntryFacts = { kind: n.kind, mode: n.mode, uid: n.uid, gid: n.gid, size: n.kind === 'dir' ? 0 : n.size };
    if (n.linkTarget !== undefined) f.linkTarget = n.linkTarget;
    if (n.kind === 'file') f.sha256 = sha256File(path.join(root, n.path));
    facts.set(n.path, f);
  }
  return facts;
}

const octal = (m: number): string => m.toString(8).padStart(4, '0');

/** The differences between two trees' facts (empty when they are the same). */
export function diffFacts(a: Map<string, EntryFacts>, b: Map<string, EntryFacts>, names: [string, string] = ['a', 'b']): TreeDifference[] {
  const out: TreeDifference[] = [];
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const p of paths) {
    const x = a.get(p);
    const y = b.get(p);
    if (!x || !y) {
      out.push({ path: p, what: t('runtime.layer.only-in', { name: x ? names[0] : names[1] }) });
      continue;
    }
    if (x.kind !== y.kind) out.push({ path: p, what: `${x.kind} ≠ ${y.kind}` });
    else if (x.mode !== y.mode) out.push({ path: p, what: `mode ${octal(x.mode)} ≠ ${octal(y.mode)}` });
    else if (x.uid !== y.uid || x.gid !== y.gid) out.push({ path: p, what: `owner ${x.uid}:${x.gid} ≠ ${y.uid}:${y.gid}` });
    else if (x.linkTarget !== y.linkTarget) out.push({ path: p, what: `link ${x.linkTarget} ≠ ${y.linkTarget}` });
    else if (x.size !== y.size || x.sha256 !== y.sha256) out.push({ path: p, what: 'content' });
  }
  return out;
}

/** Compares two directories. */
export function compareTrees(a: string, b: string, names: [string, string] = ['a', 'b']): TreeDifference[] {
  return diffFacts(treeFacts(a), treeFacts(b), names);
}
