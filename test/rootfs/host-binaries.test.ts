import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBusybox } from '../../src/rootfs/busybox.js';
import { defaultDefinitionsDir, findShippedBusybox } from '../../src/rootfs/index.js';
import { findHostTools } from '../../src/rootfs/host-tools.js';
import { readLdSoConf, resolveLibraries } from '../../src/rootfs/shared-libraries.js';
import { fakeElf } from './fake-elf.js';
import { describeTier } from '../helpers/tier.js';
import { shippedBusyboxReason } from './real-tier.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clab-bin-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function dir(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe('readLdSoConf', () => {
  it('follows include patterns in sorted order, skips comments, and survives an include loop', () => {
    const etc = dir('etc');
    mkdirSync(path.join(etc, 'ld.so.conf.d'));
    writeFileSync(
      path.join(etc, 'ld.so.conf'),
      '# the main file\n/opt/first\ninclude ld.so.conf.d/*.conf\n/opt/last  # trailing comment\n',
    );
    writeFileSync(path.join(etc, 'ld.so.conf.d', 'b.conf'), '/opt/b\ninclude ../ld.so.conf\n');
    writeFileSync(path.join(etc, 'ld.so.conf.d', 'a.conf'), '/opt/a\n\n');
    writeFileSync(path.join(etc, 'ld.so.conf.d', 'ignored.txt'), '/opt/never\n');
    expect(readLdSoConf(path.join(etc, 'ld.so.conf'))).toEqual(['/opt/first', '/opt/a', '/opt/b', '/opt/last']);
    expect(readLdSoConf(path.join(etc, 'absent.conf'))).toEqual([]);
  });
});

describe('resolveLibraries on constructed programs', () => {
  const x64 = { bits: 64, littleEndian: true, machine: 62 } as const;

  it('searches $ORIGIN runpaths, then the conf dirs, skipping libraries of the wrong class', () => {
    const root = dir('resolve');
    mkdirSync(path.join(root, 'app/lib'), { recursive: true });
    mkdirSync(path.join(root, 'conf32'));
    mkdirSync(path.join(root, 'conf64'));
    writeFileSync(
      path.join(root, 'app/prog'),
      fakeElf({ ...x64, interpreter: '/lib64/ld.so', needed: ['libown.so.1', 'libshared.so.2'], runpath: '$ORIGIN/lib' }),
    );
    writeFileSync(path.join(root, 'app/lib/libown.so.1'), fakeElf({ ...x64, needed: ['libdeep.so.3'] }));
    writeFileSync(path.join(root, 'conf32/libshared.so.2'), fakeElf({ bits: 32, littleEndian: true, machine: 3 }));
    writeFileSync(path.join(root, 'conf64/libshared.so.2'), fakeElf(x64));
    writeFileSync(path.join(root, 'conf64/libdeep.so.3'), fakeElf(x64));
    const closure = resolveLibraries([path.join(root, 'app/prog')], [path.join(root, 'conf32'), path.join(root, 'conf64')]);
    expect(closure.interpreters).toEqual(['/lib64/ld.so']);
    expect(closure.missing).toEqual([]);
    expect(closure.libraries).toEqual([
      { soname: 'libown.so.1', path: path.join(root, 'app/lib/libown.so.1'), neededBy: 'prog' },
      { soname: 'libshared.so.2', path: path.join(root, 'conf64/libshared.so.2'), neededBy: 'prog' },
      { soname: 'libdeep.so.3', path: path.join(root, 'conf64/libdeep.so.3'), neededBy: 'libown.so.1' },
    ]);
  });

  it('reports what no directory has, and who needed it', () => {
    const root = dir('missing');
    writeFileSync(path.join(root, 'prog'), fakeElf({ ...x64, interpreter: '/lib64/ld.so', needed: ['libclab-nowhere.so.9'] }));
    writeFileSync(path.join(root, 'script'), '#!/bin/sh\n');
    const closure = resolveLibraries([path.join(root, 'prog'), path.join(root, 'script')], [root]);
    expect(closure.missing).toEqual([{ soname: 'libclab-nowhere.so.9', neededBy: 'prog' }]);
    expect(closure.libraries).toEqual([]);
  });
});

describe('findHostTools', () => {
  it('takes the first executable file of each name, in search order', () => {
    const first = dir('tools1');
    const second = dir('tools2');
    const put = (d: string, name: string, mode: number) => {
      writeFileSync(path.join(d, name), '#!/bin/sh\n');
      chmodSync(path.join(d, name), mode);
    };
    put(first, 'cat', 0o644); // not executable: skipped
    put(second, 'cat', 0o755);
    put(first, 'sh', 0o755);
    put(second, 'sh', 0o755);
    mkdirSync(path.join(first, 'ls')); // a directory: skipped
    const tools = findHostTools([first, second]);
    expect(tools.map((t) => [t.name, t.path])).toEqual([
      ['sh', path.join(first, 'sh')],
      ['cat', path.join(second, 'cat')],
    ]);
    expect(tools[0]).toMatchObject({ realPath: path.join(first, 'sh'), size: 10 });
  });
});

// A static busybox on the host is the fallback on architectures none is shipped for; the shipped
// one, copied into a directory, stands in for it here.
const shipped = findShippedBusybox(defaultDefinitionsDir());
describeTier("this host's binaries", { files: ['/bin/ls'], also: shippedBusyboxReason }, () => {
  it('findBusybox accepts a static busybox and nothing else', () => {
    expect(findBusybox([])).toBeUndefined();
    const good = dir('static');
    copyFileSync(shipped!.path, path.join(good, 'busybox'));
    chmodSync(path.join(good, 'busybox'), 0o755);
    expect(findBusybox([good])).toBe(path.join(good, 'busybox'));

    const dynamic = dir('dynamic');
    copyFileSync('/bin/ls', path.join(dynamic, 'busybox')); // an ELF program, but it needs a loader
    const notExecutable = dir('noexec');
    copyFileSync(shipped!.path, path.join(notExecutable, 'busybox'));
    chmodSync(path.join(notExecutable, 'busybox'), 0o644);
    const script = dir('script');
    writeFileSync(path.join(script, 'busybox'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findBusybox([dynamic, notExecutable, script, dir('empty')])).toBeUndefined();
    expect(findBusybox([dynamic, good])).toBe(path.join(good, 'busybox'));
  });

  it("resolveLibraries finds ls's loader and libraries the way the host's loader does", () => {
    const closure = resolveLibraries(['/bin/ls'], readLdSoConf());
    expect(closure.missing).toEqual([]);
    expect(closure.interpreters).toHaveLength(1);
    const libc = closure.libraries.find((l) => l.soname === 'libc.so.6');
    expect(libc?.neededBy).toBe('ls');
    expect(existsSync(libc!.path)).toBe(true);
    // Each library appears once, even when several objects need it.
    const sonames = closure.libraries.map((l) => l.soname);
    expect(new Set(sonames).size).toBe(sonames.length);
  });
});
