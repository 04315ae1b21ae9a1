/**
 * Where the builder looks for the host's programs: the absolute entries of PATH, then the
 * directories distributions install into (PATH under sudo is often trimmed to a `secure_path`).
 */
import path from 'node:path';

/** Where distributions put system programs, in the order a shell would usually search them. */
export const DISTRO_BIN_DIRS: readonly string[] = ['/bin', '/usr/bin', '/sbin', '/usr/sbin'];

/** Debian's `busybox` package family has used this directory for busybox's own files. */
export const BUSYBOX_EXTRA_DIRS: readonly string[] = ['/usr/lib/busybox'];

/** PATH's absolute directories followed by `extra`, without duplicates. */
export function programSearchDirs(extra: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  // A relative PATH entry ('.', '') would make the rootfs depend on the current directory.
  const fromPath = (env.PATH ?? '').split(':').filter((dir) => path.isAbsolute(dir));
  return [...new Set([...fromPath, ...extra])];
}
