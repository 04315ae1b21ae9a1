import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { CONTAINER_PROGRAMS, defaultDefinitionsDir, ensureRootfs, findShippedBusybox } from '../../src/rootfs/index.js';
import { describeTier } from '../helpers/tier.js';
import {
  mountsUnder,
  removeTemp,
  ROOTFS_HOST_BUSYBOX_TIER,
  ROOTFS_SHIPPED_TIER,
  ROOTFS_TIER,
  runInLayers,
  tempStateDir,
} from './real-tier.js';

const shipped = findShippedBusybox(defaultDefinitionsDir());
/** The fallbacks only: what an architecture without a shipped busybox gets. */
const notShipped = { shippedBusybox: false } as const;

const made: string[] = [];
async function stateDir(): Promise<string> {
  const dir = await tempStateDir();
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made) expect(mountsUnder(path.dirname(dir))).toEqual([]);
});
afterAll(async () => {
  for (const dir of made.splice(0)) await removeTemp(dir);
});

/** The layer directories (not temp or trash ones) in a state dir. */
function layerDirs(state: string): string[] {
  return readdirSync(path.join(state, 'layers')).sort();
}

const SCRIPT = 'ps; echo ---; ls /; echo ---; cat /etc/os-release; echo ---; id learner';

function expectWorkingContainer(out: { exitCode: number; stdout: string; stderr: string }): void {
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  const [ps = '', ls = '', osRelease = '', id = ''] = out.stdout.split('---\n');
  expect(ps).toMatch(/^\s*1\s.*sh/m); // the shell is PID 1 of the new PID namespace
  expect(ls.split('\n')).toEqual(expect.arrayContaining(['app', 'bin', 'etc', 'home', 'proc', 'tmp']));
  expect(osRelease).toContain('ID=container-lab');
  expect(id).toMatch(/uid=1000\(learner\) gid=1000\(learner\)/);
}

describeTier('rootfs from the shipped busybox', ROOTFS_SHIPPED_TIER, () => {
  it('builds base and app into an overlay2-like cache, and a container from them runs sh, ps and ls', async () => {
    const state = await stateDir();
    const events: PrimitiveEvent[] = [];
    // No host busybox is searched for: the shipped one comes first whatever the host has.
    const info = await ensureRootfs({ stateDir: state, layerNames: ['base', 'app'], busyboxSearch: [], emit: (e) => events.push(e) });
    expect(info).toMatchObject({ source: 'shipped-busybox', busybox: shipped!.path, builtNow: true });
    expect(info.layers.map((l) => l.name)).toEqual(['base', 'app']);
    for (const layer of info.layers) {
      expect(layer.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(layer.dir).toBe(path.join(state, 'layers', `${layer.name}-${layer.digest.slice(7, 19)}`, 'diff'));
    }
    expect(layerDirs(state)).toEqual(info.layers.map((l) => path.basename(path.dirname(l.dir))).sort());

    const [base, app] = info.layers.map((l) => l.dir) as [string, string];
    expect(readlinkSync(path.join(base, 'bin/sh'))).toBe('busybox');
    expect(readlinkSync(path.join(base, 'usr/bin/head'))).toBe('../../bin/busybox');
    expect(readFileSync(path.join(base, 'bin/busybox'))).toEqual(readFileSync(shipped!.path));
    const marker = JSON.parse(readFileSync(path.join(path.dirname(base), 'layer.json'), 'utf8')) as Record<string, unknown>;
    expect(marker).toMatchObject({ source: 'shipped-busybox', busybox: shipped!.path, busyboxSha256: shipped!.sha256 });
    expect(statSync(path.join(base, 'tmp')).mode & 0o7777).toBe(0o1777);
    expect(statSync(path.join(base, 'home/learner'))).toMatchObject({ uid: 1000, gid: 1000 });
    expect(existsSync(path.join(base, 'etc/resolv.conf'))).toBe(false);
    expect(statSync(path.join(app, 'app/start.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(app, 'app/config/settings.conf')).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(app, 'app/data/big.bin')).size).toBe(32 * 1024 * 1024);
    expect(readdirSync(path.join(app, 'app/logs'))).toEqual([]);
    for (const dir of [state, path.join(state, 'layers'), path.dirname(base)]) {
      expect(lstatSync(dir).mode & 0o7777, dir).toBe(0o700);
    }

    const shown = events.map((e) => `${e.kind} ${e.name}`);
    expect(shown).toContain(`spawn ${shipped!.path}`);
    expect(events.filter((e) => e.kind === 'syscall' && e.name === 'rename' && e.ok)).toHaveLength(2);
    expect(events.every((e) => e.ok)).toBe(true);

    expectWorkingContainer(await runInLayers(info.layers, state, SCRIPT));
    for (const tool of ['hostname', 'ip', 'ps', ...CONTAINER_PROGRAMS.map((p) => p.name)]) {
      const where = ['bin', 'sbin', 'usr/bin', 'usr/sbin'].filter((d) => existsSync(path.join(base, d, tool)));
      expect(where, tool).not.toEqual([]);
    }
    const tools = await runInLayers(
      info.layers,
      state,
      'cat /etc/hostname && sleep 0 && mount >/tmp/m && ip link >/tmp/l && hostname >/tmp/h && echo ok',
    );
    expect(tools.stdout).toBe('container-lab\nok');
  });

  it('takes a second call from the cache, emitting nothing', async () => {
    const state = await stateDir();
    const first = await ensureRootfs({ stateDir: state, layerNames: ['base'] });
    const events: PrimitiveEvent[] = [];
    const again = await ensureRootfs({ stateDir: state, layerNames: ['base'], emit: (e) => events.push(e) });
    expect(again).toEqual({ ...first, builtNow: false });
    expect(events).toEqual([]);
  });
});

describeTier('rootfs from a host static busybox (architectures none is shipped for)', ROOTFS_HOST_BUSYBOX_TIER, () => {
  it("links the host's busybox applets, and a container from them runs sh, ps and ls", async () => {
    const state = await stateDir();
    const events: PrimitiveEvent[] = [];
    const info = await ensureRootfs({
      stateDir: state,
      layerNames: ['base', 'app'],
      ...notShipped,
      busyboxSearch: ['/usr/bin'],
      emit: (e) => events.push(e),
    });
    expect(info).toMatchObject({ source: 'host-busybox', busybox: '/usr/bin/busybox', builtNow: true });
    const base = info.layers[0]!.dir;
    expect(readlinkSync(path.join(base, 'bin/sh'))).toBe('busybox');
    expect(readFileSync(path.join(base, 'bin/busybox'))).toEqual(readFileSync('/usr/bin/busybox'));
    expect(events.map((e) => `${e.kind} ${e.name}`)).toContain('spawn /usr/bin/busybox');
    expectWorkingContainer(await runInLayers(info.layers, state, SCRIPT));
  });
});

describeTier("rootfs from the host's own binaries", ROOTFS_TIER, () => {
  it("copies the host's tools with their loader and libraries, and a container from them runs sh, ps and ls", async () => {
    const state = await stateDir();
    const events: PrimitiveEvent[] = [];
    const info = await ensureRootfs({
      stateDir: state,
      layerNames: ['base', 'app'],
      ...notShipped,
      busyboxSearch: [],
      emit: (e) => events.push(e),
    });
    expect(info.source).toBe('host-tools');
    expect(info.busybox).toBeUndefined();
    const base = info.layers[0]!.dir;
    expect(existsSync(path.join(base, 'bin/busybox'))).toBe(false);
    expect(lstatSync(path.join(base, 'bin/sh')).isFile()).toBe(true);
    expect(statSync(path.join(base, 'bin/ls')).mode & 0o777).toBe(statSync('/bin/ls').mode & 0o777);
    const loaders = events.filter((e) => e.args.includes('(ELF loader, PT_INTERP)'));
    expect(loaders.length).toBeGreaterThan(0);
    for (const e of loaders) expect(existsSync(e.name.replace(/\.tmp-[^/]+/, path.basename(path.dirname(base))))).toBe(true);
    expect(events.some((e) => e.args.some((a) => a.includes('needed by')))).toBe(true);

    expectWorkingContainer(await runInLayers(info.layers, state, SCRIPT));
    const marker = JSON.parse(readFileSync(path.join(path.dirname(base), 'layer.json'), 'utf8')) as { skippedTools?: unknown[] };
    expect(marker.skippedTools ?? []).toEqual([]);
    // Every copied tool must start inside the rootfs: with a library missing, the loader exits 127.
    const out = await runInLayers(
      info.layers,
      state,
      'for t in $(ls /bin); do /bin/$t --help >/tmp/out 2>&1; [ $? -eq 127 ] && echo "$t did not start"; done; echo checked',
    );
    expect(out.stdout).toBe('checked');
  });

  it("preferHost uses the host's tools even when a static busybox is there (the shipped one included)", async () => {
    const state = await stateDir();
    const byPreference = await ensureRootfs({ stateDir: state, layerNames: ['base'], preferHost: true });
    expect(byPreference.source).toBe('host-tools');
    const bySearch = await ensureRootfs({ stateDir: state, layerNames: ['base'], ...notShipped, busyboxSearch: [] });
    expect(bySearch).toEqual({ ...byPreference, builtNow: false });
  });
});
