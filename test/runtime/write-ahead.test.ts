/**
 * The ledger is written ahead: a directory or mount is recorded before it is made. A lab killed
 * between the two then leaves an entry for something absent (teardown checks and skips it), never a
 * directory that nothing knows to remove. The fault tier found this by chance once (a SIGKILL
 * landed between `mkdir` and the ledger's fsync and left `propagation/demo` behind for good);
 * this test finds it every time, by asking at each `add` whether the thing already exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { mountHostOverlay, releaseLedgered } from '../../src/runtime/host-overlay/index.js';
import { Ledger, type LedgerEntry } from '../../src/runtime/ledger.js';
import { makeSharedMount } from '../../src/runtime/mount-ns/index.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { isMountPoint } from '../../src/runtime/teardown.js';
import { describeTier } from '../helpers/tier.js';

/** A ledger that notes every entry whose directory or mount existed when it was recorded. */
class WatchedLedger extends Ledger {
  recordedLate: LedgerEntry[] = [];
  override add(entry: LedgerEntry): string {
    const exists =
      (entry.kind === 'dir' && fs.lstatSync(entry.path, { throwIfNoEntry: false }) !== undefined) ||
      (entry.kind === 'mount' && isMountPoint(entry.target));
    if (exists) this.recordedLate.push(entry);
    return super.add(entry);
  }
}

describeTier('the ledger is written before each directory and mount is made', { root: true }, () => {
  let root = '';
  let paths: LabPaths;
  const kernel = new LinuxKernel();
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-wa-'));
    paths = { stateDir: path.join(root, 'state'), runDir: path.join(root, 'run'), cgroupParent: 'container-lab-t4', linkPrefix: 'clab4' };
    fs.mkdirSync(paths.stateDir, { mode: 0o700 });
    fs.mkdirSync(paths.runDir, { mode: 0o700 });
  });
  afterAll(() => {
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the shared mount of the propagation experiment', async () => {
    const ledger = new WatchedLedger(paths.runDir);
    const shared = await makeSharedMount(kernel, ledger, paths, 'demo');
    try {
      expect(ledger.entries().map((r) => r.entry)).toEqual([
        { kind: 'dir', path: shared.dir },
        { kind: 'mount', target: shared.dir },
      ]);
      expect(isMountPoint(shared.dir)).toBe(true);
      expect(ledger.recordedLate).toEqual([]);
    } finally {
      await releaseLedgered({ kernel, ledger, paths }, shared.ledgerIds);
    }
    expect(ledger.entries()).toEqual([]);
    expect(fs.existsSync(shared.dir)).toBe(false);
  });

  it('a host-side overlay', async () => {
    const lower = path.join(root, 'lower');
    fs.mkdirSync(lower, { recursive: true });
    const ledger = new WatchedLedger(paths.runDir);
    const ov = await mountHostOverlay({ kernel, ledger, paths }, 'wa-t', [{ name: 'base', dir: lower }]);
    try {
      expect(ledger.entries()).toHaveLength(2);
      expect(ledger.recordedLate).toEqual([]);
    } finally {
      await releaseLedgered({ kernel, ledger, paths }, ov.ledgerIds);
    }
    expect(fs.existsSync(ov.dir)).toBe(false);
  });

  it('an entry recorded for a directory that was never made is crossed off without complaint', async () => {
    const ledger = new Ledger(paths.runDir);
    const dir = path.join(paths.stateDir, 'never-made');
    const ids = [ledger.add({ kind: 'dir', path: dir }), ledger.add({ kind: 'mount', target: dir })];
    await releaseLedgered({ kernel, ledger, paths }, ids);
    expect(ledger.entries()).toEqual([]);
  });
});
