/**
 * A file's capabilities as the kernel stores them: the `security.capability` extended attribute,
 * holding a `struct vfs_cap_data` (linux/capability.h). libcap's `setcap` writes exactly these
 * bytes; execve reads them. All fields are little-endian 32-bit words:
 *
 *   magic_etc                    revision in the top byte, bit 0 = the effective flag (the `e` in `=ep`)
 *   permitted[0], inheritable[0] capabilities 0–31
 *   permitted[1], inheritable[1] capabilities 32–63
 *   rootid                       revision 3 only: the uid that counts as root for this file
 *
 * Revision 2 (20 bytes) is what a root process outside any user namespace writes. The kernel writes
 * revision 3 itself when a file capability is set from inside a user namespace; revision 1 (32-bit
 * masks, 12 bytes) is from before Linux 2.6.25.
 */
import { t } from '../i18n/index.js';
import { decodeCapMask } from '../kernel/constants.js';
import type { FileCaps } from './execve.js';

export const SECURITY_CAPABILITY = 'security.capability';

const REVISION_MASK = 0xff000000;
const REVISION = { 1: 0x01000000, 2: 0x02000000, 3: 0x03000000 } as const;
const FLAGS_EFFECTIVE = 0x000001;
const SIZE = { 1: 12, 2: 20, 3: 24 } as const;

export interface StoredFileCaps extends FileCaps {
  revision: 1 | 2 | 3;
  /** Revision 3: the namespace root's uid on the host. */
  rootid?: number;
}

const lo = (v: bigint) => Number(v & 0xffffffffn);
const hi = (v: bigint) => Number((v >> 32n) & 0xffffffffn);

/** The 20 bytes of a revision-2 `security.capability` value. */
export function encodeFileCaps(f: FileCaps): Buffer {
  const b = Buffer.alloc(SIZE[2]);
  b.writeUInt32LE((REVISION[2] | (f.effective ? FLAGS_EFFECTIVE : 0)) >>> 0, 0);
  b.writeUInt32LE(lo(f.permitted), 4);
  b.writeUInt32LE(lo(f.inheritable), 8);
  b.writeUInt32LE(hi(f.permitted), 12);
  b.writeUInt32LE(hi(f.inheritable), 16);
  return b;
}

/** Reads a `security.capability` value; throws a sentence for anything the kernel would not accept. */
export function decodeFileCaps(b: Buffer): StoredFileCaps {
  if (b.length < 4) throw new Error(t('runtime.caps.too-short', { bytes: b.length }));
  const magic = b.readUInt32LE(0);
  const revision = ((magic & REVISION_MASK) >>> 24) as 1 | 2 | 3;
  if (!(revision in SIZE) || b.length !== SIZE[revision]) {
    throw new Error(t('runtime.caps.bad-revision', { revision, bytes: b.length }));
  }
  const word = (off: number) => BigInt(b.readUInt32LE(off));
  const wide = revision !== 1;
  return {
    revision,
    effective: (magic & FLAGS_EFFECTIVE) !== 0,
    permitted: word(4) | (wide ? word(12) << 32n : 0n),
    inheritable: word(8) | (wide ? word(16) << 32n : 0n),
    ...(revision === 3 ? { rootid: b.readUInt32LE(20) } : {}),
  };
}

/**
 * The capabilities in setcap's notation (cap_from_text(3)): names in lower case grouped by their
 * flags, `cap_net_bind_service=ep`. A capability is `p` when permitted, `i` when inheritable, and
 * every named one is `e` when the file's one effective flag is set. For one group this is exactly
 * what `getcap` prints; with several, getcap writes the later groups as `+flags` instead, which
 * means the same.
 */
export function fileCapsText(f: FileCaps): string {
  const groups = new Map<string, string[]>();
  for (let n = 0n; n < 64n; n++) {
    const bit = 1n << n;
    if (!((f.permitted | f.inheritable) & bit)) continue;
    const flags = `${f.effective ? 'e' : ''}${f.inheritable & bit ? 'i' : ''}${f.permitted & bit ? 'p' : ''}`;
    groups.set(flags, [...(groups.get(flags) ?? []), ...decodeCapMask(bit).map((name) => name.toLowerCase())]);
  }
  return [...groups].map(([flags, caps]) => `${caps.join(',')}=${flags}`).join(' ') || t('runtime.caps.none');
}
