import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { MNT } from '../../src/kernel/constants.js';
import { applyLayer } from '../../src/overlay/apply-layer.js';
import { compareTrees } from '../../src/overlay/compare.js';
import { exportLayer } from '../../src/overlay/export-layer.js';
import { listLayer } from '../../src/overlay/list-layer.js';
import { mergedRows, renderStack, stackRows } from '../../src/overlay/stack.js';
import { walkTree } from '../../src/overlay/tree.js';
import { buildFixture, EXPECTED_MERGED, type Fixture } from './fixtures.js';
import { describeTier } from '../helpers/tier.js';

describeTier('OCI layers from an overlay upper directory', { root: true }, () => {
  let root = '';
  let fx: Fixture;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-layer-'));
    fx = buildFixture(root);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const stack = () =>
    stackRows([
      { name: 'base', nodes: walkTree(fx.base) },
      { name: 'app', nodes: walkTree(fx.app) },
      { name: 'upper', nodes: walkTree(fx.upper) },
    ]);

  it('marks which layer each path comes from', () => {
    const rows = stack();
    const row = (p: string) => rows.find((r) => r.path === p);
    expect(mergedRows(rows).map((r) => r.path)).toEqual(EXPECTED_MERGED);
    expect(row('app/config.json')).toMatchObject({ from: 'upper', hidden: ['app', 'base'] });
    expect(row('etc/hostname')).toMatchObject({ from: 'base', hidden: [] });
    expect(row('app/old.txt')).toMatchObject({ kind: 'deleted', from: 'upper', hidden: ['base'] });
    expect(row('app/logs')).toMatchObject({ kind: 'deleted', hidden: ['base'] });
    expect(row('app/cache')).toMatchObject({ opaque: true, hidden: ['app', 'base'], mergedWith: [] });
    expect(row('app/nested')).toMatchObject({ from: 'upper', mergedWith: ['app', 'base'] });
    expect(row('app/cache/a.tmp')).toBeUndefined();
    const drawn = renderStack(rows, ['base', 'app', 'upper']);
    expect(drawn[0]).toMatch(/^path\s+upper\s+app\s+base$/);
    expect(drawn.find((l) => l.startsWith('app/old.txt '))).toMatch(/✕.*○\s+deleted \(whiteout\)$/);
    expect(drawn.find((l) => l.startsWith('app/config.json '))).toMatch(/●\s+○\s+○\s+copied up$/);
  });

  it('exports whiteouts as .wh. files and opaque directories as .wh..wh..opq', () => {
    const tar = path.join(root, 'upper.tar');
    const { entries } = exportLayer(fx.upper, tar);
    const names = entries.map((e) => e.path);
    expect(names).toContain('app/.wh.old.txt');
    expect(names).toContain('app/.wh.logs');
    expect(names).toContain('app/nested/deep/.wh.gone.txt');
    expect(names.indexOf('app/cache/.wh..wh..opq')).toBe(names.indexOf('app/cache') + 1);
    expect(names.indexOf('app/nested/inner/.wh..wh..opq')).toBe(names.indexOf('app/nested/inner') + 1);
    expect(entries.find((e) => e.path === 'app/.wh.old.txt')).toMatchObject({ type: 'file', mode: 0o600, size: 0 });
    expect(entries.find((e) => e.path === 'app/h2')).toMatchObject({ type: 'hardlink', linkname: 'app/h1' });
    const listed = listLayer(tar);
    expect(listed.find((l) => l.entry.path === 'app/.wh.logs')?.meaning).toBe('deletes app/logs');
    expect(listed.find((l) => l.entry.path === 'app/cache/.wh..wh..opq')?.meaning).toBe('clears app/cache');
    expect(listed.find((l) => l.entry.path === 'app/new.txt')?.line).toMatch(/^-rw------- 0\/0\s+4 app\/new.txt$/);
  });

  it("round-trips: the layers applied in order onto an empty directory equal the kernel's merged view", () => {
    const tars = (['base', 'app', 'upper'] as const).map((name) => {
      const tar = path.join(root, `${name}.layer.tar`);
      exportLayer(fx[name], tar);
      return tar;
    });
    const fresh = path.join(root, 'fresh');
    fs.mkdirSync(fresh);
    const reports = tars.map((tar) => applyLayer(tar, fresh));
    expect(reports[2]?.deleted.sort()).toEqual(['app/logs', 'app/nested/deep/gone.txt', 'app/old.txt']);
    expect(reports[2]?.cleared).toEqual([
      { dir: 'app/cache', removed: ['app/cache/a.tmp', 'app/cache/b.tmp', 'app/cache/sub'] },
      { dir: 'app/nested/inner', removed: ['app/nested/inner/a'] },
    ]);

    // The kernel's answer: mount the same layers as an overlay (in our own temp dir) and compare.
    const kernel = new LinuxKernel();
    const work = path.join(root, 'work');
    const merged = path.join(root, 'merged');
    fs.mkdirSync(work);
    fs.mkdirSync(merged);
    kernel.mount('overlay', merged, 'overlay', 0, `lowerdir=${fx.app}:${fx.base},upperdir=${fx.upper},workdir=${work}`);
    try {
      expect(walkTree(merged, null).map((n) => n.path)).toEqual(EXPECTED_MERGED);
      expect(compareTrees(fresh, merged, ['applied', 'merged'])).toEqual([]);
    } finally {
      kernel.umount2(merged, MNT.MNT_DETACH);
    }
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(merged);
  });
});
