import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findShippedBusybox, parseSums, sha256File } from '../../src/rootfs/shipped-busybox.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clab-shipped-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A definitions dir whose busybox/ holds `files` and a SHA256SUMS listing `sums`. */
function defsWith(name: string, files: Record<string, string>, sums?: string): string {
  const defs = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(defs, 'busybox', rel)), { recursive: true });
    writeFileSync(path.join(defs, 'busybox', rel), content, { mode: 0o755 });
  }
  mkdirSync(path.join(defs, 'busybox'), { recursive: true });
  if (sums !== undefined) writeFileSync(path.join(defs, 'busybox', 'SHA256SUMS'), sums);
  return defs;
}

const hashOf = (text: string) => sha256File(path.join(defsWith(`h-${text}`, { x: text }), 'busybox', 'x'));

describe('parseSums', () => {
  it('reads sha256sum lines (text or binary mode) and names the line it cannot read', () => {
    const a = 'a'.repeat(64);
    expect([...parseSums(`${a}  amd64/busybox\n${a} *arm64/busybox\n\n`, 'S')]).toEqual([
      ['amd64/busybox', a],
      ['arm64/busybox', a],
    ]);
    expect(() => parseSums(`${a}  amd64/busybox\nnot a line\n`, '/x/SHA256SUMS')).toThrow('/x/SHA256SUMS:2 is not a sha256sum line');
  });
});

describe('findShippedBusybox', () => {
  it('takes the binary for this architecture when it matches its SHA256SUMS line', () => {
    const defs = defsWith(
      'good',
      { 'amd64/busybox': 'A', 'arm64/busybox': 'B' },
      `${hashOf('A')}  amd64/busybox\n${hashOf('B')}  arm64/busybox\n`,
    );
    expect(findShippedBusybox(defs, 'x64')).toEqual({ path: path.join(defs, 'busybox/amd64/busybox'), sha256: hashOf('A'), arch: 'amd64' });
    expect(findShippedBusybox(defs, 'arm64')).toEqual({
      path: path.join(defs, 'busybox/arm64/busybox'),
      sha256: hashOf('B'),
      arch: 'arm64',
    });
  });

  it('is undefined for an architecture none is shipped for, or with no SHA256SUMS at all', () => {
    const defs = defsWith('partial', { 'amd64/busybox': 'A' }, `${hashOf('A')}  amd64/busybox\n`);
    expect(findShippedBusybox(defs, 'arm64')).toBeUndefined();
    expect(findShippedBusybox(defs, 'riscv64')).toBeUndefined();
    expect(findShippedBusybox(defsWith('none', { 'amd64/busybox': 'A' }), 'x64')).toBeUndefined();
  });

  it('refuses a listed binary that is different or missing: the installation is damaged', () => {
    const changed = defsWith('changed', { 'amd64/busybox': 'A!' }, `${hashOf('A')}  amd64/busybox\n`);
    expect(() => findShippedBusybox(changed, 'x64')).toThrow(
      `${path.join(changed, 'busybox/amd64/busybox')} does not match ${path.join(changed, 'busybox/SHA256SUMS')} (its SHA256 is ${hashOf('A!')}, the list says ${hashOf('A')}): reinstall container-lab`,
    );
    const missing = defsWith('missing', {}, `${hashOf('A')}  amd64/busybox\n`);
    expect(() => findShippedBusybox(missing, 'x64')).toThrow(
      `${path.join(missing, 'busybox/amd64/busybox')} is listed in ${path.join(missing, 'busybox/SHA256SUMS')} but cannot be read (ENOENT): reinstall container-lab.`,
    );
  });
});
