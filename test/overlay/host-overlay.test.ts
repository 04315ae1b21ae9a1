import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import { traced } from '../../src/kernel/traced.js';
import { probeLayers } from '../../src/overlay/probe.js';
import { mountHostOverlay, unmountHostOverlay } from '../../src/runtime/host-overlay/index.js';
import { Ledger } from '../../src/runtime/ledger.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { reconcile } from '../../src/runtime/reconcile.js';
import { describeTier } from '../helpers/tier.js';

describeTier('host-side overlay mounts', { root: true }, () => {
  let root = '';
  let paths: LabPaths;
  let lower = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-hov-'));
    paths = { stateDir: path.join(root, 'state'), runDir: path.join(root, 'run'), cgroupParent: 'container-lab-t4', linkPrefix: 'clab4' };
    fs.mkdirSync(paths.stateDir, { mode: 0o700 });
    fs.mkdirSync(paths.runDir, { mode: 0o700 });
    lower = path.join(root, 'lower');
    fs.mkdirSync(path.join(lower, 'app'), { recursive: true });
    fs.writeFileSync(path.join(lower, 'app/config.json'), '{"v":1}\n');
  });
  afterAll(() => {
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('mounts on the host, ledgers dir and mount as they appear, and leaves nothing after unmount', async () => {
    const events: PrimitiveEvent[] = [];
    const ledger = new Ledger(paths.runDir);
    const ctx = { kernel: traced(new LinuxKernel(), (e) => events.push(e)), ledger, paths, emit: (e: PrimitiveEvent) => events.push(e) };
    const ov = await mountHostOverlay(ctx, 'overlay-t', [{ name: 'base', dir: lower }]);
    try {
      expect(ledger.entries().map((r) => r.entry)).toEqual([
        { kind: 'dir', path: path.join(paths.stateDir, 'containers/overlay-t') },
        { kind: 'mount', target: ov.merged },
      ]);
      const mount = events.find((e) => e.name === 'mount');
      expect(mount?.args).toEqual(['"overlay"', JSON.stringify(ov.merged), '"overlay"', '0', JSON.stringify(ov.options)]);
      // The independent witness: findmnt sees an overlay there with our upperdir.
      const fm = JSON.parse(
        execFileSync('findmnt', ['-J', '-o', 'TARGET,FSTYPE,OPTIONS', '--mountpoint', ov.merged], { encoding: 'utf8' }),
      );
      expect(fm.filesystems[0].fstype).toBe('overlay');
      expect(fm.filesystems[0].options).toContain(`upperdir=${ov.upper}`);

      // Copy-up through the merged view: upper gets its own copy, the lower one is untouched.
      const before = probeLayers(ov, 'app/config.json', { checksum: true });
      fs.appendFileSync(path.join(ov.merged, 'app/config.json'), 'more\n');
      const after = probeLayers(ov, 'app/config.json', { checksum: true });
      expect(before[1]?.exists).toBe(false);
      expect(after[0]?.sha256).toBe(before[0]?.sha256);
      expect(after[1]).toMatchObject({ exists: true, size: 13 });
      expect(after[2]?.sha256).toBe(after[1]?.sha256);
    } finally {
      await unmountHostOverlay(ctx, ov);
    }
    expect(ledger.entries()).toEqual([]);
    expect(fs.existsSync(ov.dir)).toBe(false);
    expect(events.some((e) => e.name === 'umount2' && e.ok)).toBe(true);
  });

  it('removes what it made when the mount fails', async () => {
    const ledger = new Ledger(paths.runDir);
    const kernel = new RecordingKernel().failOn('mount', 'EPERM');
    await expect(mountHostOverlay({ kernel, ledger, paths }, 'overlay-f', [{ name: 'base', dir: lower }])).rejects.toThrow(/EPERM/);
    expect(ledger.entries()).toEqual([]);
    expect(fs.existsSync(path.join(paths.stateDir, 'containers/overlay-f'))).toBe(false);
  });

  it('is found and removed by the next start after a crash (ledger replay + reconcile)', async () => {
    const ov = await mountHostOverlay({ kernel: new LinuxKernel(), ledger: new Ledger(paths.runDir), paths }, 'overlay-c', [
      { name: 'base', dir: lower },
    ]);
    // "Crash": forget the objects, open the ledger afresh as the next lab would.
    const report = await reconcile(new Ledger(paths.runDir), paths, new LinuxKernel());
    // Newest first: the mount, then the directory it was made in; both were still there.
    expect(report).toEqual({ removed: [`mount ${ov.merged}`, `directory ${ov.dir}`], alreadyGone: [], failed: [] });
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(ov.merged);
    expect(fs.existsSync(ov.dir)).toBe(false);
    expect(new Ledger(paths.runDir).entries()).toEqual([]);
  });

  it('refuses a name a runtime container could also have', async () => {
    await expect(
      mountHostOverlay({ kernel: new RecordingKernel(), ledger: new Ledger(paths.runDir), paths }, 'abc', [{ name: 'base', dir: lower }]),
    ).rejects.toThrow(/joined by "-"/);
  });
});
