import { describe, expect, it } from 'vitest';
import { mergedRows, renderStack, stackRows } from '../../src/overlay/stack.js';
import type { NodeKind, OverlayMarks, TreeNode } from '../../src/overlay/tree.js';

const node = (p: string, kind: NodeKind = 'file', overlay: OverlayMarks = {}): TreeNode => ({
  path: p,
  kind,
  mode: 0o644,
  uid: 0,
  gid: 0,
  size: 0,
  nlink: 1,
  mtime: 0,
  ino: '1',
  dev: { major: 0, minor: 0 },
  rdev: { major: 0, minor: 0 },
  overlay,
});

describe('the layer stack (overlay lookup over plain data)', () => {
  it('lets a lower file hide a lower directory, and a file in upper hide both', () => {
    const rows = stackRows([
      { name: 'base', nodes: [node('x', 'dir'), node('x/inside')] },
      { name: 'app', nodes: [node('x')] },
      { name: 'upper', nodes: [node('y', 'dir'), node('y/z', 'dir', { opaque: true })] },
    ]);
    expect(rows.map((r) => [r.path, r.kind, r.from])).toEqual([
      ['x', 'file', 'app'],
      ['y', 'dir', 'upper'],
      ['y/z', 'dir', 'upper'],
    ]);
    expect(rows[0]?.hidden).toEqual(['base']);
  });

  it('merges directories until an opaque one, and keeps whiteouts as deleted rows', () => {
    const rows = stackRows([
      { name: 'base', nodes: [node('d', 'dir'), node('d/a'), node('d/b')] },
      { name: 'app', nodes: [node('d', 'dir', { opaque: true }), node('d/c')] },
      { name: 'upper', nodes: [node('d', 'dir'), node('d/c', 'char', { whiteout: true }), node('d/n')] },
    ]);
    expect(mergedRows(rows).map((r) => r.path)).toEqual(['d', 'd/n']);
    expect(rows.find((r) => r.path === 'd')).toMatchObject({ mergedWith: ['app'], hidden: ['base'] });
    expect(rows.find((r) => r.path === 'd/c')).toMatchObject({ kind: 'deleted', hidden: ['app'] });
    expect(renderStack(rows, ['base', 'app', 'upper'])).toEqual([
      'path  upper  app  base',
      'd/      ●     +    ○',
      'd/c     ✕     ○         deleted (whiteout)',
      'd/n     ●               new',
    ]);
  });
});
