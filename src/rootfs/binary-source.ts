/**
 * Which programs the rootfs is built from, in order of preference:
 *   1. the static busybox shipped with container-lab for this machine's architecture (amd64, arm64):
 *      the same programs on every host;
 *   2. on any other architecture, a static busybox installed on this host;
 *   3. failing that, copies of this host's own tools with their loader and libraries.
 * The fallbacks give a container whatever the host has, so `doctor` names the one in use and what
 * it lacks (see container-programs.ts).
 */
import { findBusybox } from './busybox.js';
import type { BinarySource } from './digest.js';
import { findHostTools } from './host-tools.js';
import { findShippedBusybox, sha256File } from './shipped-busybox.js';

export interface BinarySourceOptions {
  /** The layer definitions directory; the shipped busybox is in its `busybox/`. */
  definitionsDir: string;
  /** False skips the shipped busybox, as on an architecture none is shipped for (tests of the fallbacks). */
  shippedBusybox?: boolean;
  /** Directories to look for a host static busybox in (default: PATH and the distro locations). `[]` means "none". */
  busyboxSearch?: string[];
  /** Use the host's own tools even when a static busybox exists (shipped or not). */
  preferHost?: boolean;
  /** Default: this machine's (`process.arch`). */
  arch?: NodeJS.Architecture;
}

export function chooseBinarySource(opts: BinarySourceOptions): BinarySource {
  if (!opts.preferHost) {
    const shipped = opts.shippedBusybox === false ? undefined : findShippedBusybox(opts.definitionsDir, opts.arch);
    if (shipped) return { kind: 'busybox', origin: 'shipped', path: shipped.path, sha256: shipped.sha256 };
    const host = findBusybox(opts.busyboxSearch);
    if (host) return { kind: 'busybox', origin: 'host', path: host, sha256: sha256File(host) };
  }
  return { kind: 'host', tools: findHostTools() };
}
