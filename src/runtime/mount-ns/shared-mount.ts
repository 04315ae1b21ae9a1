/**
 * A shared mount the lab owns, for the propagation experiment.
 *
 * On most systemd hosts `/` is already shared (mountinfo says `shared:1`): systemd makes it so at
 * boot, and that is why every runtime must make `/` private in a new mount namespace before it
 * mounts anything. The lab never changes the propagation of a mount it did not make, so it makes its
 * own: a directory bind-mounted onto itself, made private (leaving any peer group it was born into),
 * then shared (a new peer group of its own). A namespace copied from the host while it is shared holds
 * a peer of it, and a mount made under that peer appears here too.
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { MS } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { Ledger } from '../ledger.js';
import type { LabPaths } from '../paths.js';
import { ensurePrivateDir } from '../../rootfs/state-dir.js';

export interface SharedMount {
  /** The mount point (a directory under <stateDir>/propagation/). */
  dir: string;
  /** An empty directory inside it, where the experiment mounts. */
  inside: string;
  ledgerIds: string[];
}

export async function makeSharedMount(kernel: Kernel, ledger: Ledger, paths: LabPaths, name: string): Promise<SharedMount> {
  if (!/^[a-z0-9-]{1,32}$/.test(name)) throw new Error(t('runtime.shared-mount.bad-name', { name }));
  const parent = path.join(paths.stateDir, 'propagation');
  await ensurePrivateDir(parent);
  const dir = path.join(parent, name);
  if (fs.lstatSync(dir, { throwIfNoEntry: false })) throw new Error(t('runtime.overlay.left-behind', { dir }));
  // Each thing goes into the ledger *before* it is made: a lab killed between the two leaves a
  // ledger entry for something absent (teardown checks first and skips it), never a directory or
  // mount that no one knows to remove.
  const ids = [ledger.add({ kind: 'dir', path: dir })];
  fs.mkdirSync(dir, { mode: 0o700 });
  ids.push(ledger.add({ kind: 'mount', target: dir }));
  kernel.mount(dir, dir, null, MS.MS_BIND, null);
  kernel.mount(null, dir, null, MS.MS_PRIVATE, null);
  kernel.mount(null, dir, null, MS.MS_SHARED, null);
  const inside = path.join(dir, 'inside');
  fs.mkdirSync(inside, { mode: 0o755 });
  return { dir, inside, ledgerIds: ids };
}
