import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { LinuxKernel } from '../../src/kernel/linux.js';
import { findMount, parseMountinfo } from '../../src/mounts/mountinfo.js';
import type { EscapeResult } from '../../src/mounts/escape.js';
import { mountHostOverlay, releaseLedgered, unmountHostOverlay, type HostOverlay } from '../../src/runtime/host-overlay/index.js';
import { Ledger } from '../../src/runtime/ledger.js';
import { EscapeLab, makeSharedMount, mountFromNewNamespace } from '../../src/runtime/mount-ns/index.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { describeTier } from '../helpers/tier.js';
import { ensureMountLabHelper } from './helper-bundle.js';

const hostMounts = () => parseMountinfo(fs.readFileSync('/proc/self/mountinfo', 'utf8'));

describeTier('mount-namespace experiments in namespaces the lab makes', { root: true }, () => {
  let root = '';
  let paths: LabPaths;
  let ledger: Ledger;
  let ov: HostOverlay;
  const kernel = new LinuxKernel();
  beforeAll(async () => {
    await ensureMountLabHelper();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-mx-'));
    paths = { stateDir: path.join(root, 'state'), runDir: path.join(root, 'run'), cgroupParent: 'container-lab-t4', linkPrefix: 'clab4' };
    fs.mkdirSync(paths.stateDir, { mode: 0o700 });
    fs.mkdirSync(paths.runDir, { mode: 0o700 });
    ledger = new Ledger(paths.runDir);
    const lower = path.join(root, 'lower');
    fs.mkdirSync(path.join(lower, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(lower, 'etc/os-release'), 'NAME="container-lab"\nPRETTY_NAME="container-lab rootfs"\n');
    fs.mkdirSync(path.join(lower, 'bin'));
    ov = await mountHostOverlay({ kernel, ledger, paths }, 'escape-t', [{ name: 'base', dir: lower }]);
  });
  afterAll(async () => {
    await unmountHostOverlay({ kernel, ledger, paths }, ov);
    expect(ledger.entries()).toEqual([]);
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a plain chroot is escaped with mkdir, chroot, chdir(".."), chroot(".")', async () => {
    const events: PrimitiveEvent[] = [];
    const lab = new EscapeLab(ledger);
    lab.prewarm();
    expect(ledger.entries().filter((r) => r.entry.kind === 'process')).toHaveLength(1);
    const out = await lab.run<EscapeResult>('chroot-escape', ov.merged, (e) => events.push(e));
    lab.close();
    expect(out.ok, out.error).toBe(true);
    expect(out.result?.before.osName).toBe('container-lab rootfs');
    expect(out.result?.escaped).toBe(true);
    // The host's own / — what the independent reader (this process) sees at /.
    expect(out.result?.after.entries).toEqual(fs.readdirSync('/').sort());
    expect(events.filter((e) => e.name === 'chroot').map((e) => e.args[0])).toEqual([JSON.stringify(ov.merged), '".clab-escape"', '"."']);
    // The helper made its own namespace private before anything else.
    expect(events.slice(0, 2).map((e) => `${e.name}(${e.args.join(', ')})`)).toEqual([
      'unshare(CLONE_NEWNS)',
      'mount(NULL, "/", NULL, MS_REC|MS_PRIVATE, NULL)',
    ]);
    expect(ledger.entries().some((r) => r.entry.kind === 'process')).toBe(false);
  });

  it('keeps one helper started ahead of time, and removes it from the ledger when closed', async () => {
    const lab = new EscapeLab(ledger);
    lab.prewarm();
    lab.prewarm();
    const procs = ledger.entries().filter((r) => r.entry.kind === 'process');
    expect(procs).toHaveLength(1);
    const pid = (procs[0]!.entry as { pid: number }).pid;
    expect(fs.existsSync(`/proc/${pid}`)).toBe(true);
    lab.close();
    expect(ledger.entries().some((r) => r.entry.kind === 'process')).toBe(false);
    for (let i = 0; i < 100 && fs.existsSync(`/proc/${pid}/stat`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(!fs.existsSync(`/proc/${pid}/stat`) || /\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))).toBe(true);
  });

  it('after pivot_root with the old root detached, the same attempt stays inside', async () => {
    const lab = new EscapeLab(ledger);
    const out = await lab.run<EscapeResult>('pivot-escape', ov.merged);
    lab.close();
    expect(out.ok, out.error).toBe(true);
    expect(out.result?.escaped).toBe(false);
    expect(out.result?.after.osName).toBe('container-lab rootfs');
    expect(out.events.map((e) => e.name)).toEqual(expect.arrayContaining(['pivot_root', 'umount2', 'chroot']));
    // The pivot happened in the helper's own namespace: the host's mount table has no trace of it.
    expect(hostMounts().filter((m) => m.mountPoint.startsWith(ov.merged)).length).toBe(1);
  });

  it('a mount under a shared mount reaches the host from a namespace with unchanged propagation, not from a private one', async () => {
    const shared = await makeSharedMount(kernel, ledger, paths, 'prop-t');
    try {
      const peer = findMount(hostMounts(), shared.dir)!;
      expect(peer.propagation.shared).toBeGreaterThan(0);

      const leaky = await mountFromNewNamespace('unchanged', shared.inside, 'clab4-leak');
      // In a namespace copied this way, the copy of our shared mount is in the same peer group.
      expect(findMount(parseMountinfo(leaky.mountinfoInside), shared.dir)?.propagation.shared).toBe(peer.propagation.shared);
      const leaked = findMount(hostMounts(), shared.inside);
      expect(leaked?.source).toBe('clab4-leak');
      const fm = execFileSync('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', shared.inside], { encoding: 'utf8' }).trim();
      expect(fm).toBe('clab4-leak');
      // The helper and its namespace are gone; the mount stays on the host until the lab removes it.
      const id = ledger.add({ kind: 'mount', target: shared.inside });
      await releaseLedgered({ kernel, ledger, paths }, [id]);
      expect(findMount(hostMounts(), shared.inside)).toBeUndefined();

      const contained = await mountFromNewNamespace('private', shared.inside, 'clab4-kept');
      expect(findMount(parseMountinfo(contained.mountinfoInside), shared.dir)?.propagation.shared).toBeUndefined();
      expect(findMount(hostMounts(), shared.inside)).toBeUndefined();
    } finally {
      await releaseLedgered({ kernel, ledger, paths }, shared.ledgerIds);
    }
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(paths.stateDir + '/propagation');
  });
});
