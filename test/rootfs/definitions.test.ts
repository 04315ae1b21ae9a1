import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layerDigest, listLayerFiles, type DigestInput } from '../../src/rootfs/digest.js';
import { numberedLine, numberedLines } from '../../src/rootfs/generate.js';
import { defaultDefinitionsDir, loadDefinitions } from '../../src/rootfs/manifest.js';
import { programSearchDirs } from '../../src/rootfs/search-paths.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clab-defs-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function manifestDir(doc: unknown): string {
  const dir = mkdtempSync(path.join(tmp, 'defs-'));
  writeFileSync(path.join(dir, 'layers.json'), JSON.stringify(doc));
  return dir;
}

describe('the layer definitions shipped in rootfs/', () => {
  const defs = loadDefinitions(defaultDefinitionsDir());

  it('has a base layer that carries the binaries and the directories a root needs', () => {
    const base = defs.get('base')!;
    expect(base.binaries).toBe(true);
    const dirs = new Map(base.directories.map((d) => [d.path, d]));
    for (const p of ['proc', 'dev', 'sys', 'tmp', 'root', 'etc', 'bin', 'sbin', 'usr/bin', 'var', 'home/learner', 'run']) {
      expect(dirs.has(p), p).toBe(true);
    }
    expect(dirs.get('tmp')?.mode).toBe(0o1777);
    expect(dirs.get('home/learner')).toMatchObject({ uid: 1000, gid: 1000 });
  });

  it('has an app layer that generates its 32 MiB file instead of committing it', () => {
    const app = defs.get('app')!;
    expect(app.binaries).toBe(false);
    expect(app.generate).toEqual([{ path: 'app/data/big.bin', size: 32 * 1024 * 1024, content: 'numbered-lines' }]);
  });

  it('names container-lab in os-release and has root, learner and nobody', async () => {
    const files = await listLayerFiles(defs.get('base')!.filesDir);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['etc/passwd', 'etc/group', 'etc/hostname', 'etc/os-release']));
    const read = (f: string) => readFileSync(path.join(defs.get('base')!.filesDir, f), 'utf8');
    expect(read('etc/os-release')).toContain('ID=container-lab');
    expect(read('etc/passwd')).toMatch(/^root:x:0:0:/m);
    expect(read('etc/passwd')).toMatch(/^learner:x:1000:1000:/m);
    expect(read('etc/passwd')).toMatch(/^nobody:x:65534:/m);
  });
});

describe('loadDefinitions rejects a broken layers.json with the field to fix', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['no layers object', { base: {} }, /top level must be an object with a "layers" object/],
    [
      'a mode that is not octal',
      { layers: { base: { description: 'x', directories: [{ path: 'tmp', mode: 1777 }] } } },
      /layers\.base\.directories\[0\]\.mode must be an octal string/,
    ],
    [
      'a path leaving the layer',
      { layers: { base: { description: 'x', directories: [{ path: '../etc', mode: '0755' }] } } },
      /layers\.base\.directories\[0\]\.path must stay inside the layer/,
    ],
    [
      'an absolute path',
      { layers: { app: { description: 'x', generate: [{ path: '/big', size: 1, content: 'numbered-lines' }] } } },
      /layers\.app\.generate\[0\]\.path must be a relative path/,
    ],
    [
      'an unknown generator',
      { layers: { app: { description: 'x', generate: [{ path: 'big', size: 1, content: 'random' }] } } },
      /layers\.app\.generate\[0\]\.content must be one of: numbered-lines/,
    ],
    [
      'a bad owner',
      { layers: { base: { description: 'x', directories: [{ path: 'home', mode: '0755', owner: 'learner' }] } } },
      /owner must be "uid:gid"/,
    ],
    ['no description', { layers: { base: {} } }, /layers\.base\.description must be a string/],
    ['a bad layer name', { layers: { 'Base Layer': { description: 'x' } } }, /must be named with lowercase letters/],
  ];
  for (const [what, doc, message] of cases) {
    it(what, () => {
      const dir = manifestDir(doc);
      expect(() => loadDefinitions(dir)).toThrow(message);
      expect(() => loadDefinitions(dir)).toThrow(path.join(dir, 'layers.json'));
    });
  }

  it('says when the file is not JSON', () => {
    const dir = mkdtempSync(path.join(tmp, 'defs-'));
    writeFileSync(path.join(dir, 'layers.json'), '{ "layers": ');
    expect(() => loadDefinitions(dir)).toThrow(/could not be read as JSON/);
  });
});

describe('layerDigest', () => {
  const input: DigestInput = {
    name: 'base',
    manifestEntry: { description: 'x', binaries: true },
    files: [
      { path: 'etc', type: 'dir' },
      { path: 'etc/hostname', type: 'file', executable: false, sha256: 'a'.repeat(64) },
      { path: 'etc/mtab', type: 'symlink', target: '/proc/mounts' },
    ],
    binaries: { kind: 'busybox', origin: 'shipped', path: '/opt/clab/rootfs/busybox/amd64/busybox', sha256: 'c'.repeat(64) },
  };

  it('is the same for the same inputs, whatever order the files were listed in', () => {
    expect(layerDigest(input)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(layerDigest({ ...input, files: [...input.files].reverse() })).toBe(layerDigest(input));
  });

  it('changes when any input changes', () => {
    const variants: DigestInput[] = [
      { ...input, name: 'app' },
      { ...input, manifestEntry: { description: 'x', binaries: false } },
      { ...input, files: input.files.slice(1) },
      {
        ...input,
        files: [input.files[0]!, { path: 'etc/hostname', type: 'file', executable: false, sha256: 'b'.repeat(64) }, input.files[2]!],
      },
      {
        ...input,
        files: [input.files[0]!, { path: 'etc/hostname', type: 'file', executable: true, sha256: 'a'.repeat(64) }, input.files[2]!],
      },
      { ...input, files: [input.files[0]!, input.files[1]!, { path: 'etc/mtab', type: 'symlink', target: '/proc/self/mounts' }] },
      {
        ...input,
        binaries: { kind: 'busybox', origin: 'shipped', path: '/opt/clab/rootfs/busybox/amd64/busybox', sha256: 'd'.repeat(64) },
      },
      { ...input, binaries: { kind: 'host', tools: [{ name: 'sh', path: '/bin/sh', realPath: '/bin/dash', size: 1, mtimeMs: 1 }] } },
      { name: input.name, manifestEntry: input.manifestEntry, files: input.files },
    ];
    const digests = new Set([layerDigest(input), ...variants.map(layerDigest)]);
    expect(digests.size).toBe(variants.length + 1);
  });

  it("knows a busybox by its content: the same binary elsewhere, shipped or the host's, builds the same layer", () => {
    const elsewhere = { kind: 'busybox', origin: 'host', path: '/usr/bin/busybox', sha256: 'c'.repeat(64) } as const;
    expect(layerDigest({ ...input, binaries: elsewhere })).toBe(layerDigest(input));
  });

  it('follows a host tool changing under the same name', () => {
    const tool = { name: 'sh', path: '/bin/sh', realPath: '/bin/dash', size: 125560, mtimeMs: 1 };
    const a = layerDigest({ ...input, binaries: { kind: 'host', tools: [tool] } });
    const b = layerDigest({ ...input, binaries: { kind: 'host', tools: [{ ...tool, realPath: '/bin/bash', size: 1265648 }] } });
    expect(a).not.toBe(b);
  });
});

describe('listLayerFiles', () => {
  it('lists files, directories and symlinks with the executable bit and content hash', async () => {
    const dir = mkdtempSync(path.join(tmp, 'layer-'));
    mkdirSync(path.join(dir, 'app/logs'), { recursive: true });
    writeFileSync(path.join(dir, 'app/start.sh'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'app/start.sh'), 0o755);
    symlinkSync('start.sh', path.join(dir, 'app/run'));
    expect(await listLayerFiles(dir)).toEqual([
      { path: 'app', type: 'dir' },
      { path: 'app/logs', type: 'dir' },
      { path: 'app/run', type: 'symlink', target: 'start.sh' },
      { path: 'app/start.sh', type: 'file', executable: true, sha256: createHash('sha256').update('#!/bin/sh\n').digest('hex') },
    ]);
    expect(await listLayerFiles(path.join(dir, 'absent'))).toEqual([]);
  });
});

describe('numbered-lines content', () => {
  it('is 64-byte numbered lines, exactly the size asked for, the same every time', () => {
    expect(numberedLine(0)).toBe('line 00000000: one write anywhere copies up the whole file.....\n');
    expect(Buffer.byteLength(numberedLine(12345678))).toBe(64);
    const size = 1024 * 1024 + 100;
    const once = Buffer.concat([...numberedLines(size)]);
    expect(once.length).toBe(size);
    expect(once.subarray(64 * 16384, 64 * 16384 + 13).toString()).toBe('line 00016384');
    expect(Buffer.concat([...numberedLines(size)]).equals(once)).toBe(true);
    expect(Buffer.concat([...numberedLines(0)]).length).toBe(0);
  });
});

describe('programSearchDirs', () => {
  it("keeps PATH's absolute entries, then the extra dirs, once each", () => {
    expect(programSearchDirs(['/bin', '/usr/lib/busybox'], { PATH: '.:/usr/bin::bin:/bin' })).toEqual([
      '/usr/bin',
      '/bin',
      '/usr/lib/busybox',
    ]);
  });
});
