/**
 * The one way the lab makes its private directories (state, run, containers/, layers/): created
 * 0700 a level at a time, and an existing path used only if it is a real directory of ours that no
 * one else may write to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { ensurePrivateDir } from '../../src/rootfs/state-dir.js';

let tmp = '';
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cldw-private-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ensurePrivateDir', () => {
  it('makes each missing level 0700 and reports each mkdir', async () => {
    const events: PrimitiveEvent[] = [];
    const dir = path.join(tmp, 'state', 'containers');
    await ensurePrivateDir(dir, (e) => events.push(e));
    for (const d of [path.join(tmp, 'state'), dir]) expect(fs.statSync(d).mode & 0o7777).toBe(0o700);
    expect(events.map((e) => `${e.name}(${e.args.join(', ')}) = ${e.result}`)).toEqual([
      `mkdir(${JSON.stringify(path.join(tmp, 'state'))}, 0700) = 0`,
      `mkdir(${JSON.stringify(dir)}, 0700) = 0`,
    ]);
    await ensurePrivateDir(dir);
  });

  it('refuses a symlink where the directory should be, without following it', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere, { mode: 0o700 });
    fs.symlinkSync(elsewhere, path.join(tmp, 'state'));
    await expect(ensurePrivateDir(path.join(tmp, 'state'))).rejects.toThrow(/is a symlink.*will not follow a link/);
  });

  it('refuses a file, and a directory others may write to', async () => {
    fs.writeFileSync(path.join(tmp, 'file'), '');
    await expect(ensurePrivateDir(path.join(tmp, 'file'))).rejects.toThrow(/exists but is not a directory/);
    const open = path.join(tmp, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    await expect(ensurePrivateDir(open)).rejects.toThrow(/writable by other users \(mode 777\): run `chmod 700/);
  });
});
