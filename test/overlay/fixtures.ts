/**
 * A small image on disk: two lower layers (`base`, `app`) and an upper directory that holds every
 * kind of change overlay can record — a copy-up, a new file, whiteouts (a file, a whole directory,
 * and one nested two levels down), opaque directories (one at app/cache, one nested in app/nested)
 * and a hard-link pair. Whiteouts are made with mknod(1) as the kernel makes them (char 0:0); opaque
 * marks with lsetxattr(2), as the kernel sets them. Needs root (mknod, trusted.* xattrs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LinuxKernel } from '../../src/kernel/linux.js';

function put(root: string, rel: string, content: string, mode = 0o644): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
}

function whiteout(root: string, rel: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mknod', [file, 'c', '0', '0']);
}

function opaqueDir(root: string, rel: string): void {
  const dir = path.join(root, rel);
  fs.mkdirSync(dir, { recursive: true });
  new LinuxKernel().lsetxattr(dir, 'trusted.overlay.opaque', Buffer.from('y'), 0);
}

export interface Fixture {
  base: string;
  app: string;
  upper: string;
}

/** Builds the fixture under `root` (which must exist and be empty). */
export function buildFixture(root: string): Fixture {
  const base = path.join(root, 'base');
  const app = path.join(root, 'app');
  const upper = path.join(root, 'upper');
  for (const d of [base, app, upper]) fs.mkdirSync(d);

  put(base, 'etc/hostname', 'base\n');
  put(base, 'etc/os-release', 'NAME=container-lab\n');
  fs.symlinkSync('usr/bin', path.join(base, 'bin'));
  put(base, 'app/config.json', '{"from":"base"}\n');
  put(base, 'app/old.txt', 'old\n');
  put(base, 'app/cache/a.tmp', 'a');
  put(base, 'app/cache/sub/c.tmp', 'c');
  put(base, 'app/logs/x.log', 'x');
  put(base, 'app/nested/deep/keep.txt', 'keep');
  put(base, 'app/nested/deep/gone.txt', 'gone');
  put(base, 'app/nested/inner/a', 'a');

  put(app, 'app/config.json', '{"from":"app"}\n');
  put(app, 'app/cache/b.tmp', 'b');
  put(app, 'app/data/big.bin', 'B'.repeat(5000), 0o640);
  put(app, 'app/nested/deep/extra.txt', 'extra');

  put(upper, 'app/config.json', '{"from":"upper"}\n');
  put(upper, 'app/new.txt', 'new\n', 0o600);
  whiteout(upper, 'app/old.txt');
  whiteout(upper, 'app/logs');
  whiteout(upper, 'app/nested/deep/gone.txt');
  opaqueDir(upper, 'app/cache');
  put(upper, 'app/cache/fresh.tmp', 'fresh');
  opaqueDir(upper, 'app/nested/inner');
  put(upper, 'app/nested/inner/b', 'b');
  put(upper, 'app/h1', 'linked');
  fs.linkSync(path.join(upper, 'app/h1'), path.join(upper, 'app/h2'));
  return { base, app, upper };
}

/** What the merged view of the fixture must show (paths only). */
export const EXPECTED_MERGED = [
  'app',
  'app/cache',
  'app/cache/fresh.tmp',
  'app/config.json',
  'app/data',
  'app/data/big.bin',
  'app/h1',
  'app/h2',
  'app/nested',
  'app/nested/deep',
  'app/nested/deep/extra.txt',
  'app/nested/deep/keep.txt',
  'app/nested/inner',
  'app/nested/inner/b',
  'app/new.txt',
  'bin',
  'etc',
  'etc/hostname',
  'etc/os-release',
];
