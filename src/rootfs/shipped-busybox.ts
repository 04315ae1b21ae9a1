/**
 * The busybox that ships with container-lab: Debian's `busybox-static`, one binary per
 * architecture, in `rootfs/busybox/<debian-arch>/busybox`, each listed with its SHA256 in
 * `rootfs/busybox/SHA256SUMS` (see rootfs/busybox/README.md for where they come from).
 *
 * Shipping the container's programs is what an image does: `docker run alpine` gets Alpine's busybox
 * whatever the host has installed. Without it, the lab's containers would have whatever this host
 * happens to have: no `ping`, `nc` or `su` on a plain Debian box, and dash for `sh`, which has no
 * `read -t` and prints the prompt `\h:\w# ` as it is.
 *
 * The binary is checked against SHA256SUMS every time it is chosen (about 4 ms for 2 MB): its hash is
 * part of the base layer's digest anyway, so a changed binary can never hide in an old layer.
 */
import { t } from '../i18n/index.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shipped binaries' directory inside the layer definitions directory (`rootfs/busybox`). */
export const SHIPPED_DIR = 'busybox';
export const SUMS_FILE = 'SHA256SUMS';

/** Node's name for each architecture a busybox is shipped for, and Debian's (the directory name). */
export const DEBIAN_ARCH: Readonly<Partial<Record<NodeJS.Architecture, string>>> = { x64: 'amd64', arm64: 'arm64' };

export interface ShippedBusybox {
  path: string;
  sha256: string;
  /** Debian's architecture name, e.g. `amd64`. */
  arch: string;
}

/** `sha256sum` of a file, in hex. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Reads a `sha256sum` listing (`<64 hex>  <relative path>` per line) into path → hash. Throws with
 * the file and line number on anything else.
 */
export function parseSums(text: string, file: string): Map<string, string> {
  const sums = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
    if (!m?.[1] || !m[2]) throw new Error(`${file}:${i + 1} is not a sha256sum line ("<64 hex digits>  <path>").`);
    sums.set(m[2], m[1]);
  });
  return sums;
}

/**
 * The busybox shipped for `arch` in `<definitionsDir>/busybox/`, checked against SHA256SUMS, or
 * undefined when none is shipped for it (or the definitions directory ships none at all). A binary
 * that SHA256SUMS lists but that is missing or different is an error: the installation is damaged,
 * and quietly building from the host's programs instead would hide that.
 */
export function findShippedBusybox(definitionsDir: string, arch: NodeJS.Architecture = process.arch): ShippedBusybox | undefined {
  const debianArch = DEBIAN_ARCH[arch];
  if (!debianArch) return undefined;
  const dir = path.join(definitionsDir, SHIPPED_DIR);
  const sumsFile = path.join(dir, SUMS_FILE);
  let text: string;
  try {
    text = readFileSync(sumsFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const rel = `${debianArch}/busybox`;
  const expected = parseSums(text, sumsFile).get(rel);
  if (!expected) return undefined;
  const file = path.join(dir, rel);
  let actual: string;
  try {
    actual = sha256File(file);
  } catch (err) {
    throw new Error(
      t('runtime.busybox.unreadable', { file, list: sumsFile, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message }),
    );
  }
  if (actual !== expected) {
    throw new Error(t('runtime.busybox.mismatch', { file, list: sumsFile, actual, expected }));
  }
  return { path: file, sha256: actual, arch: debianArch };
}
