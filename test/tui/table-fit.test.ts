import { describe, expect, it } from 'vitest';
import { fitTable, shorten, wrapValue } from '../../src/tui/table-fit.js';

const mounts = {
  header: ['mount point', 'type', 'source', 'propagation'],
  rows: [
    ['/', 'ext4', '/dev/vda', 'shared:1'],
    ['/var/lib/container-lab/containers/overlay-m/merged', 'overlay', 'overlay', 'private'],
  ],
};

describe('a table fitted to the width', () => {
  it('is left as it is when it fits', () => {
    const t = fitTable({ ...mounts, wholeColumns: new Set(), width: 100 });
    expect(t.columns).toEqual([0, 1, 2, 3]);
    expect(t.rows[1]![0]).toEqual(['/var/lib/container-lab/containers/overlay-m/merged']);
  });

  it('narrows the others before the column that names the rows; a path keeps its start and end', () => {
    const t = fitTable({ ...mounts, wholeColumns: new Set([3]), width: 60 });
    expect(t.columns).toEqual([0, 1, 2, 3]);
    expect(t.rows[1]![0]![0]).toBe('/var/lib…/overlay-m/merged');
    expect(t.rows[0]![3]).toEqual(['shared:1']);
    expect(t.widths.reduce((a, b) => a + b, 0) + 2 * 3).toBeLessThanOrEqual(60);
  });

  it('leaves out columns that are not the point, empty ones first, never the first or a whole one', () => {
    const t = fitTable({
      header: ['layer', 'mode', 'sha256', 'xattrs'],
      rows: [['upper', 'drwxr-xr-x', '', 'overlay.opaque=y']],
      wholeColumns: new Set([3]),
      width: 35,
    });
    expect(t.dropped).toEqual([2]);
    expect(t.rows[0]!.map((c) => c[0])).toEqual(['upper', 'drwxr-xr-x', 'overlay.opaque=y']);
    const narrow = fitTable({ ...mounts, wholeColumns: new Set([3]), width: 30 });
    expect(narrow.columns).toEqual([0, 3]);
    expect(narrow.dropped).toEqual([2, 1]);
  });

  it('wraps a whole value onto more lines when nothing else can give room', () => {
    const t = fitTable({
      header: ['set', 'holds'],
      rows: [['CapBnd', 'CAP_CHOWN CAP_DAC_OVERRIDE CAP_FOWNER']],
      wholeColumns: new Set([1]),
      width: 30,
    });
    expect(t.rows[0]![1]).toEqual(['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FOWNER']);
  });

  it('shortens text at its end, paths in the middle, and wraps values where they break', () => {
    expect(shorten('SIGQUIT SIGPIPE SIGXFSZ', 12)).toBe('SIGQUIT SIG…');
    expect(shorten('/var/lib/container-lab/layers/base-33fd756e12ea/diff', 30)).toBe('/var…/base-33fd756e12ea/diff');
    expect(wrapValue('/var/lib/container-lab/containers/overlay-w/upper', 20)).toEqual([
      '/var/lib/',
      'container-lab/',
      'containers/',
      'overlay-w/upper',
    ]);
  });
});

describe('tables with Chinese cells', () => {
  it('aligns columns by terminal columns, and shortens a wide value without splitting a character', () => {
    const fitted = fitTable({
      header: ['名称', 'PID', '状态'],
      rows: [
        ['容器 a', '4012', '运行中'],
        ['sh', '1', 'S (sleeping)'],
      ],
      wholeColumns: new Set([1]),
      width: 40,
    });
    expect(fitted.widths).toEqual([6, 4, 12]);
    expect(shorten('命名空间命名空间', 7)).toBe('命名空…');
  });
});
