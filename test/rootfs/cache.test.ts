import { build } from 'esbuild';
import { execa } from 'execa';
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { appendFile, chmod, cp, mkdir, readFile, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { DEBIAN_ARCH, defaultDefinitionsDir, ensureRootfs, type RootfsInfo } from '../../src/rootfs/index.js';
import { sha256File } from '../../src/rootfs/shipped-busybox.js';
import { cleanupLab } from '../../src/runtime/index.js';
import { describeTier } from '../helpers/tier.js';
import { mountsUnder, removeTemp, ROOTFS_SHIPPED_TIER, tempStateDir } from './real-tier.js';

// Every layer here is built from the busybox shipped for this architecture, as on a learner's host.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

/**
 * A state directory with the base layer built, and the temporary directory of a `layer` build whose
 * builder has exited, as a lab killed while building leaves it.
 */
async function cacheWithAbandonedBuild(layer: string): Promise<{ state: string; abandoned: string }> {
  const state = await stateDir();
  await ensureRootfs({ stateDir: state, layerNames: ['base'] });
  const exited = execa('true');
  await exited;
  const abandoned = path.join(state, 'layers', `.tmp-${layer}-0123456789ab-${exited.pid!}-AbCdEf`);
  await mkdir(path.join(abandoned, 'diff'), { recursive: true });
  return { state, abandoned };
}

/** Bundles a tiny builder program (state dir and definitions dir as arguments) so several processes can run it. */
async function bundleBuilder(dir: string): Promise<string> {
  const outfile = path.join(dir, 'builder.mjs');
  await build({
    stdin: {
      contents: `import { ensureRootfs } from './src/rootfs/index.js';
        const events = [];
        const info = await ensureRootfs({ stateDir: process.argv[2], definitionsDir: process.argv[3], layerNames: ['base', 'app'], emit: (e) => events.push(e) });
        console.log(JSON.stringify({ info, renames: events.filter((e) => e.name === 'rename' && e.ok).map((e) => e.args[1]) }));`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

const entries = (state: string) => readdirSync(path.join(state, 'layers')).sort();

describeTier('the layer cache', ROOTFS_SHIPPED_TIER, () => {
  it('rebuilds a layer when one of its files, its manifest entry or busybox changes, and only that layer', async () => {
    const state = await stateDir();
    const defs = path.join(path.dirname(state), 'rootfs');
    await cp(defaultDefinitionsDir(), defs, { recursive: true });
    const ensure = () => ensureRootfs({ stateDir: state, layerNames: ['base', 'app'], definitionsDir: defs });
    const digests = (info: RootfsInfo) => info.layers.map((l) => l.digest);

    const first = await ensure();
    expect((await ensure()).builtNow).toBe(false);

    await writeFile(path.join(defs, 'base/etc/hostname'), 'changed\n');
    const afterFile = await ensure();
    expect(afterFile.builtNow).toBe(true);
    expect(afterFile.layers[0]!.digest).not.toBe(first.layers[0]!.digest);
    expect(afterFile.layers[1]!.digest).toBe(first.layers[1]!.digest);

    const manifest = path.join(defs, 'layers.json');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace('"path": "app/logs", "mode": "0755"', '"path": "app/logs", "mode": "0775"'),
    );
    const afterManifest = await ensure();
    expect(afterManifest.layers[0]!.digest).toBe(afterFile.layers[0]!.digest);
    expect(afterManifest.layers[1]!.digest).not.toBe(afterFile.layers[1]!.digest);
    expect(statSync(path.join(afterManifest.layers[1]!.dir, 'app/logs')).mode & 0o777).toBe(0o775);

    // A different busybox (one byte more: a static ELF still runs) with its SHA256SUMS line.
    const rel = `${DEBIAN_ARCH[process.arch]}/busybox`;
    const binary = path.join(defs, 'busybox', rel);
    await appendFile(binary, '\0');
    await expect(ensure()).rejects.toThrow(`${binary} does not match ${path.join(defs, 'busybox/SHA256SUMS')}`);
    const sums = path.join(defs, 'busybox/SHA256SUMS');
    await writeFile(
      sums,
      (await readFile(sums, 'utf8')).replace(/^[0-9a-f]{64}(?= {2}(\S+)$)/gm, (hash, name: string) =>
        name === rel ? sha256File(binary) : hash,
      ),
    );
    const afterBusybox = await ensure();
    expect(afterBusybox.busybox).toBe(binary);
    expect(afterBusybox.layers[0]!.digest).not.toBe(afterManifest.layers[0]!.digest);
    expect(afterBusybox.layers[1]!.digest).toBe(afterManifest.layers[1]!.digest);

    // Old layers stay (a running container may still have them as lowerdirs): 3 bases, 2 apps.
    expect(new Set([...digests(first), ...digests(afterFile), ...digests(afterManifest), ...digests(afterBusybox)]).size).toBe(5);
    expect(entries(state)).toHaveLength(5);
  });

  it('detects a damaged layer (bin/sh gone, marker gone, big.bin cut short) and rebuilds it', async () => {
    const state = await stateDir();
    const good = await ensureRootfs({ stateDir: state, layerNames: ['base', 'app'] });
    const [base, app] = good.layers.map((l) => l.dir) as [string, string];
    const damage: Array<[string, () => Promise<void>, string]> = [
      ['bin/sh removed', () => unlink(path.join(base, 'bin/sh')), path.join(base, 'bin/sh')],
      ['busybox removed under its links', () => unlink(path.join(base, 'bin/busybox')), path.join(base, 'bin/busybox')],
      ['marker removed', () => unlink(path.join(path.dirname(app), 'layer.json')), path.join(path.dirname(app), 'layer.json')],
      ['big.bin cut short', () => truncate(path.join(app, 'app/data/big.bin'), 4096), path.join(app, 'app/data/big.bin')],
    ];
    for (const [what, breakIt, file] of damage) {
      await breakIt();
      const events: PrimitiveEvent[] = [];
      const repaired = await ensureRootfs({ stateDir: state, layerNames: ['base', 'app'], emit: (e) => events.push(e) });
      expect(repaired.builtNow, what).toBe(true);
      expect(repaired.layers, what).toEqual(good.layers);
      expect(existsSync(file), what).toBe(true);
      expect(statSync(path.join(app, 'app/data/big.bin')).size).toBe(32 * 1024 * 1024);
      // The damaged copy was moved aside with one rename, then the new one renamed into place.
      expect(
        events.filter((e) => e.name === 'rename').map((e) => e.result),
        what,
      ).toEqual(['-1 ENOTEMPTY', '0', '0']);
      expect(entries(state), what).toEqual(good.layers.map((l) => path.basename(path.dirname(l.dir))).sort());
    }
  });

  it('replaces a symlink planted where a layer belongs, without touching what it points to', async () => {
    const state = await stateDir();
    const good = await ensureRootfs({ stateDir: state, layerNames: ['base'] });
    const layerDir = path.dirname(good.layers[0]!.dir);
    const decoy = path.join(path.dirname(state), 'decoy');
    await mkdir(path.join(decoy, 'diff'), { recursive: true });
    await writeFile(path.join(decoy, 'keep-me'), 'x');
    await rm(layerDir, { recursive: true });
    await symlink(decoy, layerDir);
    const repaired = await ensureRootfs({ stateDir: state, layerNames: ['base'] });
    expect(repaired).toEqual({ ...good, builtNow: true });
    expect(lstatSync(layerDir).isDirectory()).toBe(true);
    expect(readdirSync(decoy).sort()).toEqual(['diff', 'keep-me']);
  });

  it('lets concurrent builders in one process share one result', async () => {
    const state = await stateDir();
    const results = await Promise.all([1, 2, 3, 4].map(() => ensureRootfs({ stateDir: state, layerNames: ['base', 'app'] })));
    for (const r of results) expect(r.layers).toEqual(results[0]!.layers);
    expect(entries(state)).toEqual(results[0]!.layers.map((l) => path.basename(path.dirname(l.dir))).sort());
    expect((await ensureRootfs({ stateDir: state, layerNames: ['base', 'app'] })).builtNow).toBe(false);

    await unlink(path.join(results[0]!.layers[0]!.dir, 'bin/sh'));
    const repairs = await Promise.all([1, 2, 3].map(() => ensureRootfs({ stateDir: state, layerNames: ['base'] })));
    for (const r of repairs) expect(r.layers[0]).toEqual(results[0]!.layers[0]);
    expect(existsSync(path.join(results[0]!.layers[0]!.dir, 'bin/sh'))).toBe(true);
    expect(entries(state)).toHaveLength(2);
  });

  it('lets concurrent builder processes share one result, each layer published exactly once', async () => {
    const state = await stateDir();
    const bundle = await bundleBuilder(path.dirname(state));
    const runs = await Promise.all([1, 2, 3].map(() => execa(process.execPath, [bundle, state, defaultDefinitionsDir()])));
    const outs = runs.map((r) => JSON.parse(r.stdout) as { info: RootfsInfo; renames: string[] });
    for (const o of outs) expect(o.info.layers).toEqual(outs[0]!.info.layers);
    const published = outs.flatMap((o) => o.renames).sort();
    expect(published).toEqual(outs[0]!.info.layers.map((l) => JSON.stringify(path.dirname(l.dir))).sort());
    expect(entries(state)).toHaveLength(2);
  });

  it('tells a user who is not root to use sudo, and creates nothing', async () => {
    const state = await stateDir();
    await chmod(path.dirname(state), 0o755);
    const bundle = await bundleBuilder(path.dirname(state));
    await chmod(bundle, 0o644);
    const run = await execa(
      'setpriv',
      ['--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, bundle, state, defaultDefinitionsDir()],
      { reject: false },
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('Building the rootfs needs root');
    expect(run.stderr).toContain('run container-lab with sudo');
    expect(existsSync(state)).toBe(false);
  });

  it('removes temp directories left by a builder that died, but not those of a live one', async () => {
    const { state, abandoned } = await cacheWithAbandonedBuild('base');
    const live = path.join(state, 'layers', `.tmp-base-0123456789ab-${process.pid}-XyZxYz`);
    await mkdir(live);
    await unlink(path.join((await ensureRootfs({ stateDir: state, layerNames: ['base'] })).layers[0]!.dir, 'bin/sh'));
    await ensureRootfs({ stateDir: state, layerNames: ['base'] });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await rm(live, { recursive: true });
  });

  it('removes an abandoned build of a layer this start does not use, with no layer to build', async () => {
    const { state, abandoned } = await cacheWithAbandonedBuild('app');
    expect((await ensureRootfs({ stateDir: state, layerNames: ['base'] })).builtNow).toBe(false);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('cleanup removes an abandoned layer build too, and names it', async () => {
    const { state, abandoned } = await cacheWithAbandonedBuild('app');
    const runDir = path.join(path.dirname(state), 'run');
    // A cgroup parent that does not exist: cleanup finds none to remove.
    const report = await cleanupLab({ stateDir: state, runDir, cgroupParent: `clab-sweep-${process.pid}`, linkPrefix: 'clsw' });
    expect(report.removed).toEqual([`unfinished layer build ${abandoned}`]);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('refuses a state directory that is a symlink, or that other users can write', async () => {
    const state = await stateDir();
    const elsewhere = path.join(path.dirname(state), 'elsewhere');
    await mkdir(elsewhere, 0o700);
    await symlink(elsewhere, state);
    await expect(ensureRootfs({ stateDir: state, layerNames: ['base'] })).rejects.toThrow(/is a symlink.*will not follow/);
    expect(readdirSync(elsewhere)).toEqual([]);

    await unlink(state);
    await mkdir(state, 0o700);
    await mkdir(path.join(state, 'layers'));
    await chmod(path.join(state, 'layers'), 0o777);
    await expect(ensureRootfs({ stateDir: state, layerNames: ['base'] })).rejects.toThrow(/writable by other users \(mode 777\)/);
  });

  it('creates missing state directories 0700 and names unknown or repeated layers', async () => {
    const state = path.join(await stateDir(), 'deeper', 'state');
    await expect(ensureRootfs({ stateDir: state, layerNames: ['base', 'nope'] })).rejects.toThrow(
      /no layer named "nope" in .*layers\.json; the layers are: base, app/,
    );
    await expect(ensureRootfs({ stateDir: state, layerNames: ['base', 'base'] })).rejects.toThrow(/listed twice/);
    await expect(ensureRootfs({ stateDir: state, layerNames: [] })).rejects.toThrow(/at least one layer/);
    const events: PrimitiveEvent[] = [];
    await ensureRootfs({ stateDir: state, layerNames: ['app'], emit: (e) => events.push(e) });
    for (const dir of [path.dirname(path.dirname(state)), path.dirname(state), state, path.join(state, 'layers')]) {
      expect(statSync(dir).mode & 0o7777, dir).toBe(0o700);
    }
    expect(events.filter((e) => e.name === 'mkdir').map((e) => e.args[0])).toEqual(
      [path.dirname(path.dirname(state)), path.dirname(state), state, path.join(state, 'layers')].map((d) => JSON.stringify(d)),
    );
  });
});
