/**
 * The chroot escape, and why pivot_root stops it.
 *
 * chroot(dir) changes where path lookups start, nothing more. The classic escape by a root process
 * inside a chroot:
 *     mkdir("x"); chroot("x");          the root is now ./x — but the working directory stayed outside it
 *     chdir("..") many times             `..` stops only AT the root, and we are not at it: we climb
 *     chroot(".")                        to the real / of the mount namespace
 * After pivot_root(new, new) and umount2(old, MNT_DETACH) in a private mount namespace, the old root
 * is not mounted anywhere in this namespace: the top of the mount tree IS the new root, `..` at its
 * top stays there, and the same steps end where they began. (A mount namespace alone does not stop
 * the escape: a chroot inside one still has the host's filesystem above it.)
 *
 * These functions run in a helper process (see mount-lab-main.ts) that the lab starts in a mount
 * namespace of its own; after the escape they only read.
 */
import fs from 'node:fs';
import { MNT, MS } from '../kernel/constants.js';
import type { Kernel } from '../kernel/kernel.js';

/** What a process sees as `/`: its top-level names and the NAME line of /etc/os-release. */
export interface RootView {
  entries: string[];
  osName: string;
}

export interface EscapeResult {
  /** The view right after entering the rootfs. */
  before: RootView;
  /** The view after the escape attempt. */
  after: RootView;
  /** True when `after` is a different root from `before`. */
  escaped: boolean;
}

const ESCAPE_DIR = '.clab-escape';

export function lookAtRoot(): RootView {
  // The escape's own scratch directory is left out, so `before` and `after` compare what matters.
  const entries = fs
    .readdirSync('/')
    .filter((n) => n !== ESCAPE_DIR)
    .sort();
  let osName = '(no /etc/os-release)';
  try {
    const text = fs.readFileSync('/etc/os-release', 'utf8');
    osName = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? /^NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? osName;
  } catch {
    // no os-release: osName says so
  }
  return { entries, osName };
}

/** The escape attempt itself, from wherever `/` is now. */
function attemptEscape(k: Kernel): void {
  fs.mkdirSync(`/${ESCAPE_DIR}`, { recursive: true, mode: 0o700 });
  k.chdir('/');
  k.chroot(ESCAPE_DIR);
  // The working directory is now outside the root: each `..` climbs one level, up to the real top.
  for (let i = 0; i < 16; i++) k.chdir('..');
  k.chroot('.');
  k.chdir('/');
}

/** Enters `rootfs` with a plain chroot, then tries the escape. */
export function escapeFromChroot(k: Kernel, rootfs: string): EscapeResult {
  k.chroot(rootfs);
  k.chdir('/');
  const before = lookAtRoot();
  attemptEscape(k);
  const after = lookAtRoot();
  return { before, after, escaped: !sameView(before, after) };
}

/**
 * Enters `rootfs` the way runc does — bind it onto itself so it is a mount, pivot_root(".", "."),
 * detach the old root — then tries the same escape. Call it in a new mount namespace whose `/` has
 * been made MS_REC|MS_PRIVATE.
 */
export function escapeAfterPivotRoot(k: Kernel, rootfs: string): EscapeResult {
  k.mount(rootfs, rootfs, null, MS.MS_BIND | MS.MS_REC, null);
  k.chdir(rootfs);
  k.pivotRoot('.', '.');
  k.umount2('.', MNT.MNT_DETACH);
  k.chdir('/');
  const before = lookAtRoot();
  attemptEscape(k);
  const after = lookAtRoot();
  return { before, after, escaped: !sameView(before, after) };
}

function sameView(a: RootView, b: RootView): boolean {
  return a.osName === b.osName && a.entries.join('\0') === b.entries.join('\0');
}
