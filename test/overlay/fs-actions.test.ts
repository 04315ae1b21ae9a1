/**
 * The filesystem lessons' actions, run in lesson order against the real kernel with a minimal
 * engine stand-in, checked with the kernel's answers and with independent tools (stat, getfattr,
 * findmnt, tar).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { LinuxKernel } from '../../src/kernel/linux.js';
import type { ActionContext, ActionDef } from '../../src/lessons/actions/action.js';
import { exportLayerAction } from '../../src/lessons/actions/export-layer.js';
import { mountExperimentAction, revertPropagationAction } from '../../src/lessons/actions/mount-experiment.js';
import { mountOverlayAction } from '../../src/lessons/actions/mount-overlay.js';
import { overlayOpAction } from '../../src/lessons/actions/overlay-op.js';
import { whiteoutInUpper } from '../../src/lessons/checks/whiteout-in-upper.js';
import { layerStackProbe } from '../../src/probes/layer-stack.js';
import { mountinfoProbe } from '../../src/probes/mountinfo.js';
import { overlayLayersProbe } from '../../src/probes/overlay-layers.js';
import { overlayTreeProbe } from '../../src/probes/overlay-tree.js';
import { hostReader } from '../../src/probes/host-reader.js';
import { Ledger } from '../../src/runtime/ledger.js';
import { labPaths } from '../../src/runtime/paths.js';
import { reconcile } from '../../src/runtime/reconcile.js';
import type { Args } from '../../src/lessons/types.js';
import { ensureMountLabHelper } from '../mounts/helper-bundle.js';
import { describeTier } from '../helpers/tier.js';

const stat = (file: string, fmt: string) => execFileSync('stat', ['-c', fmt, file], { encoding: 'utf8' }).trim();
const getfattr = (file: string, name: string) =>
  execFileSync('getfattr', ['--absolute-names', '--only-values', '-n', name, file], { encoding: 'utf8' });

describeTier('filesystem lesson actions on the real kernel', { root: true, programs: ['getfattr'] }, () => {
  const saved = { ...process.env };
  let root = '';
  let ledger: Ledger;
  const events: PrimitiveEvent[] = [];
  let ctx: ActionContext;
  const run = async (action: ActionDef, args: Args) => {
    const full: Record<string, unknown> = {};
    for (const [k, def] of Object.entries(action.args)) full[k] = args[k] ?? def.default;
    const out = await action.run(ctx, full as Args);
    expect(out.ok, `${action.name}: ${out.message ?? ''}\n${out.output.join('\n')}`).toBe(true);
    return out;
  };
  const probe = (p: typeof overlayLayersProbe, args: Record<string, string | number>) =>
    p.run({ reader: hostReader(), procRoot: '/proc', args });

  beforeAll(async () => {
    await ensureMountLabHelper();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-act-'));
    process.env.CONTAINER_LAB_STATE_DIR = path.join(root, 'state');
    process.env.CONTAINER_LAB_RUN_DIR = path.join(root, 'run');
    fs.mkdirSync(process.env.CONTAINER_LAB_STATE_DIR, { mode: 0o700 });
    fs.mkdirSync(process.env.CONTAINER_LAB_RUN_DIR, { mode: 0o700 });
    const paths = labPaths();
    ledger = new Ledger(paths.runDir);
    const runtime = { ledger, paths } as unknown as ActionContext['runtime'];
    ctx = {
      runtime,
      lab: { ledger, paths },
      record: (e: PrimitiveEvent) => events.push(e),
      procRoot: '/proc',
      hostReader: hostReader(),
    } as unknown as ActionContext;
  });
  afterAll(async () => {
    await reconcile(ledger, labPaths(), new LinuxKernel());
    expect(ledger.entries()).toEqual([]);
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
    process.env = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('overlay: copy-up on first write only, with its cost measured', async () => {
    await run(mountOverlayAction, { name: 'overlay-a' });
    const merged = path.join(labPaths().stateDir, 'containers/overlay-a/merged');
    expect(execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--mountpoint', merged], { encoding: 'utf8' }).trim()).toBe('overlay');
    const mi = await probe(mountinfoProbe, { pid: process.pid, under: '@state' });
    expect(mi.rows.map((r) => r.cells[1])).toEqual(['overlay']);

    await run(overlayOpAction, { overlay: 'overlay-a', op: 'read', path: 'app/config/settings.conf' });
    let rows = (await probe(overlayLayersProbe, { overlay: 'overlay-a', path: 'app/config/settings.conf', checksum: 'yes' })).rows;
    const app = rows.find((r) => r.key === 'app')!;
    expect(rows.find((r) => r.key === 'upper')?.cells[1]).toBe('(absent)');
    // Not copied up: merged is the lower file itself (same row, cell for cell).
    const mergedBefore = (
      await probe(overlayLayersProbe, { overlay: 'overlay-a', path: 'app/config/settings.conf', show: 'merged', checksum: 'yes' })
    ).rows;
    expect(mergedBefore).toEqual([{ key: 'app', cells: app.cells }]);

    await run(overlayOpAction, { overlay: 'overlay-a', op: 'append', path: 'app/config/settings.conf', text: 'x=1\n' });
    rows = (await probe(overlayLayersProbe, { overlay: 'overlay-a', path: 'app/config/settings.conf', checksum: 'yes' })).rows;
    const upper = rows.find((r) => r.key === 'upper')!;
    expect(rows.find((r) => r.key === 'app')?.cells[5]).toBe(app.cells[5]); // lower checksum unchanged
    expect(upper.cells[1]).toBe('-rw-r--r--');
    const upperFile = path.join(labPaths().stateDir, 'containers/overlay-a/upper/app/config/settings.conf');
    expect(stat(upperFile, '%i')).toBe(upper.cells[2]);
    const mergedAfter = (
      await probe(overlayLayersProbe, { overlay: 'overlay-a', path: 'app/config/settings.conf', show: 'merged', checksum: 'yes' })
    ).rows[0]!;
    expect(mergedAfter.key).toBe('upper');
    expect(mergedAfter.cells[5]).toBe(upper.cells[5]);
    // Read what this kernel reports as the merged inode after copy-up, and check it with stat(1).
    expect(mergedAfter.cells[2]).toBe(stat(path.join(labPaths().stateDir, 'containers/overlay-a/merged/app/config/settings.conf'), '%i'));

    await run(overlayOpAction, { overlay: 'overlay-a', op: 'append', path: 'app/config/settings.conf', text: 'x=2\n' });
    expect(stat(upperFile, '%i')).toBe(upper.cells[2]); // no second copy

    const first = await run(overlayOpAction, { overlay: 'overlay-a', op: 'append', path: 'app/data/big.bin', text: 'x' });
    const second = await run(overlayOpAction, { overlay: 'overlay-a', op: 'append', path: 'app/data/big.bin', text: 'x' });
    const openMs = (lines: string[]) => Number(/open for writing: ([\d.]+) ms/.exec(lines.join('\n'))?.[1]);
    console.log(`copy-up of 32 MiB: first open ${openMs(first.output)} ms, second ${openMs(second.output)} ms`);
    expect(openMs(first.output)).toBeGreaterThan(5 * openMs(second.output));

    const stack = await probe(layerStackProbe, { overlay: 'overlay-a', under: 'app' });
    expect(stack.columns).toEqual(['path', 'upper', 'app', 'base']);
    expect(stack.rows.find((r) => r.key === 'config/settings.conf')?.cells).toEqual(['config/settings.conf', '●', '○', '']);
    expect(stack.rows.find((r) => r.key === 'README')?.cells).toEqual(['README', '', '●', '']);

    await run(mountOverlayAction, { name: 'overlay-b' });
    const a = (await probe(overlayLayersProbe, { overlay: 'overlay-a', path: 'etc/os-release', show: 'merged', checksum: 'no' })).rows;
    const b = (await probe(overlayLayersProbe, { overlay: 'overlay-b', path: 'etc/os-release', show: 'merged', checksum: 'no' })).rows;
    expect(a[0]?.key).toBe('base');
    expect(a[0]?.cells[2]).toBe(b[0]?.cells[2]);
    expect(a[0]?.cells[2]).toBe(stat(path.join(labPaths().stateDir, 'containers/overlay-b/merged/etc/os-release'), '%i'));
  });

  it('whiteouts: char 0:0, opaque dirs, rename as this kernel does it, OCI export equal to merged', async () => {
    await run(mountOverlayAction, { name: 'overlay-w' });
    const upper = path.join(labPaths().stateDir, 'containers/overlay-w/upper');
    await run(overlayOpAction, { overlay: 'overlay-w', op: 'delete', path: 'app/data/colors.txt' });
    expect(stat(path.join(upper, 'app/data/colors.txt'), '%F %t:%T')).toBe('character special file 0:0');
    const tree = await probe(overlayTreeProbe, { overlay: 'overlay-w', layer: 'upper', under: 'app/data' });
    expect(tree.rows.find((r) => r.key === 'colors.txt')?.cells).toEqual(['colors.txt', 'c---------', '0, 0', 'whiteout']);

    await run(overlayOpAction, { overlay: 'overlay-w', op: 'delete', path: 'app/config' });
    await run(overlayOpAction, { overlay: 'overlay-w', op: 'mkdir', path: 'app/config' });
    expect(getfattr(path.join(upper, 'app/config'), 'trusted.overlay.opaque')).toBe('y');
    const layers = await probe(overlayLayersProbe, { overlay: 'overlay-w', path: 'app/config', checksum: 'no' });
    expect(layers.rows.find((r) => r.key === 'upper')?.cells[6]).toContain('overlay.opaque=y');

    await run(overlayOpAction, { overlay: 'overlay-w', op: 'rename', path: 'app/data/users.csv', to: 'app/data/people.csv' });
    // Read what this kernel did: a whiteout at the old name, a full copy at the new one.
    expect(stat(path.join(upper, 'app/data/users.csv'), '%F %t:%T')).toBe('character special file 0:0');
    expect(stat(path.join(upper, 'app/data/people.csv'), '%F')).toBe('regular file');

    expect(await whiteoutInUpper.answers(ctx, { overlay: 'overlay-w', path: 'app/data/notes.txt' })).toEqual([]);
    await run(overlayOpAction, { overlay: 'overlay-w', op: 'delete', path: 'app/data/notes.txt' });
    const right = await whiteoutInUpper.evaluate(
      ctx,
      { overlay: 'overlay-w', path: 'app/data/notes.txt' },
      stat(path.join(upper, 'app/data/notes.txt'), '%i'),
    );
    expect(right.ok, right.message).toBe(true);
    const wrong = await whiteoutInUpper.evaluate(
      ctx,
      { overlay: 'overlay-w', path: 'app/data/notes.txt' },
      stat(path.join(upper, 'app/data/people.csv'), '%i'),
    );
    expect(wrong.ok).toBe(false);

    const out = await run(exportLayerAction, { overlay: 'overlay-w' });
    const text = out.output.join('\n');
    expect(text).toMatch(/app\/data\/\.wh\.colors\.txt\s+← deletes app\/data\/colors\.txt/);
    expect(text).toMatch(/app\/config\/\.wh\.\.wh\.\.opq\s+← clears app\/config/);
    expect(text).toMatch(/every path, type, mode, owner and sha256 is the same/);
    const tarNames = execFileSync('tar', ['-tf', path.join(labPaths().stateDir, 'containers/overlay-w/upper.layer.tar')], {
      encoding: 'utf8',
    });
    expect(tarNames).toContain('app/data/.wh.users.csv');

    const dirRename = await run(overlayOpAction, {
      overlay: 'overlay-w',
      op: 'rename',
      path: 'app/logs',
      to: 'app/journal',
      expect: 'either',
    });
    const redirectDir = fs.readFileSync('/sys/module/overlay/parameters/redirect_dir', 'utf8').trim();
    if (redirectDir === 'N') expect(dirRename.output.join('\n')).toMatch(/EXDEV/);
  });

  it('mount namespace: propagation leak and revert, chroot escape, pivot_root holds', async () => {
    const leak = await run(mountExperimentAction, { experiment: 'propagate-shared' });
    expect(leak.output.join('\n')).toMatch(/is now mounted \(tmpfs clab-demo\)/);
    const inside = path.join(labPaths().stateDir, 'propagation/demo/inside');
    expect(execFileSync('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', inside], { encoding: 'utf8' }).trim()).toBe('clab-demo');
    await run(revertPropagationAction, {});
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain('propagation/demo');
    const kept = await run(mountExperimentAction, { experiment: 'propagate-private' });
    expect(kept.output.join('\n')).toMatch(/nothing is mounted at/);
    await run(revertPropagationAction, {});

    await run(mountOverlayAction, { name: 'overlay-m', layers: ['base'] });
    const esc = await run(mountExperimentAction, { experiment: 'chroot-escape', overlay: 'overlay-m' });
    expect(esc.output.join('\n')).toMatch(/^escaped/m);
    const held = await run(mountExperimentAction, { experiment: 'pivot-escape', overlay: 'overlay-m' });
    expect(held.output.join('\n')).toMatch(/^not escaped/m);
    expect(events.some((e) => e.name === 'pivot_root' && e.ok)).toBe(true);
  });
});
