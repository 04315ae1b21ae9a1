/**
 * The layer stack: for every path, which layer the merged view takes it from.
 *
 * Overlayfs answers a lookup by looking in upper first, then in each lower layer from the top down,
 * and the first layer that has the name wins. Three things stop the search early:
 *   - a whiteout (char device 0:0) — the name is deleted; nothing below is seen;
 *   - an opaque directory — the directory is seen, but nothing below contributes to its contents;
 *   - a non-directory — a file hides anything of the same name below it, even a directory.
 * Directories found in several layers are merged: their contents are the union, by the same rules.
 * This module repeats that lookup over walked directories (pure data), so the lab can draw which
 * layer each file comes from, and a test can check the kernel's merged view against it.
 */
import { t } from '../i18n/index.js';
import { padText } from '../i18n/text-width.js';
import type { NodeKind, TreeNode } from './tree.js';
import { byteOrder } from './tree.js';

/** One layer's walked contents. Layers are given lowest first, upper last, as in `lowerdir=` reversed. */
export interface StackLayer {
  name: string;
  nodes: readonly TreeNode[];
}

export interface StackRow {
  path: string;
  /** What the merged view shows, or `deleted` for a name a whiteout hides. */
  kind: NodeKind | 'deleted';
  /** The layer the merged view takes this entry from (for `deleted`: the layer holding the whiteout). */
  from: string;
  /** Lower layers that also hold this name, hidden by `from` (e.g. the original of a copied-up file). */
  hidden: string[];
  /** For a directory: lower layers whose copy is merged in (their contents show through). */
  mergedWith: string[];
  /** The directory is opaque in `from`: lower layers add nothing inside it. */
  opaque?: true;
}

interface Indexed {
  name: string;
  byPath: Map<string, TreeNode>;
  children: Map<string, string[]>;
}

function index(layer: StackLayer): Indexed {
  const byPath = new Map<string, TreeNode>();
  const children = new Map<string, string[]>();
  for (const node of layer.nodes) {
    byPath.set(node.path, node);
    const i = node.path.lastIndexOf('/');
    const parent = i === -1 ? '' : node.path.slice(0, i);
    const list = children.get(parent) ?? [];
    list.push(node.path.slice(i + 1));
    children.set(parent, list);
  }
  return { name: layer.name, byPath, children };
}

/** Every path of the stack, parents first, names in byte order. */
export function stackRows(layers: readonly StackLayer[]): StackRow[] {
  const topDown = layers.map(index).reverse();
  const rows: StackRow[] = [];
  // `sources`: the layers (top down) whose copy of `dir` contributes to the merged directory.
  const visit = (dir: string, sources: Indexed[]) => {
    const names = new Set<string>();
    for (const layer of sources) for (const n of layer.children.get(dir) ?? []) names.add(n);
    for (const name of [...names].sort(byteOrder)) {
      const p = dir === '' ? name : `${dir}/${name}`;
      const holders = sources.filter((layer) => layer.byPath.has(p));
      const top = holders[0];
      const topNode = top?.byPath.get(p);
      if (!top || !topNode) continue;
      const hidden = holders.slice(1).map((l) => l.name);
      if (topNode.overlay.whiteout) {
        // A whiteout with nothing below it to hide still sits in upper; show it all the same.
        rows.push({ path: p, kind: 'deleted', from: top.name, hidden, mergedWith: [] });
        continue;
      }
      if (topNode.kind !== 'dir') {
        rows.push({ path: p, kind: topNode.kind, from: top.name, hidden, mergedWith: [] });
        continue;
      }
      // The directory's contents come from `top` and the layers below it that also have a directory
      // here, until one of them is opaque or holds something else under this name.
      const merged: Indexed[] = [];
      for (const layer of holders) {
        const node = layer.byPath.get(p);
        if (!node || node.kind !== 'dir' || node.overlay.whiteout) break;
        merged.push(layer);
        if (node.overlay.opaque) break;
      }
      const mergedWith = merged.slice(1).map((l) => l.name);
      const row: StackRow = {
        path: p,
        kind: 'dir',
        from: top.name,
        mergedWith,
        hidden: holders
          .slice(1)
          .map((l) => l.name)
          .filter((n) => !mergedWith.includes(n)),
      };
      if (topNode.overlay.opaque) row.opaque = true;
      rows.push(row);
      visit(p, merged);
    }
  };
  visit('', topDown);
  return rows;
}

/** The rows the merged view shows (without the deleted names). */
export function mergedRows(rows: readonly StackRow[]): StackRow[] {
  return rows.filter((r) => r.kind !== 'deleted');
}

/**
 * The stack drawn as text, one column per layer, top layer first:
 *
 *   path                  upper  app  base
 *   app/config.json         ●     ○         copied up
 *   app/old.txt             ✕     ○         deleted (whiteout)
 *
 * `●` is where the merged view takes the entry from, `+` a lower directory whose contents are merged
 * in, `○` a copy it hides, `✕` a whiteout.
 */
export function renderStack(rows: readonly StackRow[], layerNames: readonly string[]): string[] {
  const cols = [...layerNames].reverse();
  const width = Math.max(4, ...rows.map((r) => r.path.length + (r.kind === 'dir' ? 1 : 0)));
  const colWidth = cols.map((c) => Math.max(c.length, 1));
  const cell = (text: string, w: number) => {
    const pad = w - text.length;
    return ' '.repeat(Math.floor(pad / 2)) + text + ' '.repeat(Math.ceil(pad / 2));
  };
  const header = `${'path'.padEnd(width)}  ${cols.map((c, i) => cell(c, colWidth[i] ?? 1)).join('  ')}`;
  const lines = [header.trimEnd()];
  for (const r of rows) {
    const marks = cols.map((c, i) => {
      const mark = c === r.from ? (r.kind === 'deleted' ? '✕' : '●') : r.mergedWith.includes(c) ? '+' : r.hidden.includes(c) ? '○' : ' ';
      return cell(mark, colWidth[i] ?? 1);
    });
    const note = noteFor(r, layerNames);
    const name = r.kind === 'dir' ? `${r.path}/` : r.path;
    lines.push(`${padText(name, width)}  ${marks.join('  ')}${note ? `  ${note}` : ''}`.trimEnd());
  }
  return lines;
}

function noteFor(r: StackRow, layerNames: readonly string[]): string {
  const top = layerNames[layerNames.length - 1];
  if (r.kind === 'deleted') return r.hidden.length > 0 ? t('runtime.stack.deleted') : t('runtime.stack.whiteout-alone');
  if (r.opaque) return t('runtime.stack.opaque');
  if (r.kind === 'dir') return '';
  if (r.from === top && r.hidden.length > 0) return t('runtime.stack.copied-up');
  if (r.from === top) return t('runtime.stack.new');
  return '';
}
