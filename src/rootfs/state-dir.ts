/**
 * The lab's state directories (`/var/lib/container-lab`, its `layers/`) belong to root and nobody
 * else, like `/var/lib/docker` (0710). Layers hold copies of setuid programs and become a
 * container's root: if another user could write here, or had planted a symlink where the lab
 * expects a directory, a root process would write where that user chose.
 *
 * So each directory is created 0700 one level at a time (mkdir(2) never follows a symlink in its
 * last component: it fails with EEXIST), and then checked with lstat, which does not follow one.
 */
import { t } from '../i18n/index.js';
import { chmod, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { step, type Emit } from './step.js';

/** Creates `dir` and any missing parents with mode 0700, then checks it is a root-only directory. */
export async function ensurePrivateDir(dir: string, emit?: Emit): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let p = target; ; p = path.dirname(p)) {
    if (await exists(p)) break;
    missing.unshift(p);
    if (p === path.dirname(p)) break;
  }
  for (const p of missing) {
    await step(emit, 'syscall', 'mkdir', [JSON.stringify(p), '0700'], async () => {
      try {
        await mkdir(p, 0o700);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EROFS' || code === 'EACCES') {
          throw new Error(t('runtime.state.not-writable', { dir: path.dirname(p) }));
        }
        // Another lab process created it first: the lstat check below decides whether it is fine.
        if (code !== 'EEXIST') throw err;
      }
      await chmod(p, 0o700);
    });
  }
  await checkPrivateDir(target);
}

/** Throws with a sentence saying what to fix unless `dir` is a real directory, ours, writable only by us. */
export async function checkPrivateDir(dir: string): Promise<void> {
  const st = await lstat(dir);
  const uid = process.getuid?.() ?? 0;
  if (st.isSymbolicLink()) {
    throw new Error(t('runtime.state.symlink', { dir }));
  }
  if (!st.isDirectory()) {
    throw new Error(t('runtime.state.not-dir', { dir }));
  }
  if (st.uid !== uid) {
    throw new Error(t('runtime.state.owner', { dir, owner: st.uid, uid }));
  }
  if ((st.mode & 0o022) !== 0) {
    throw new Error(t('runtime.state.writable', { dir, mode: (st.mode & 0o7777).toString(8) }));
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
