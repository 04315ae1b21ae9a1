/**
 * busybox: one static program that is ~300 Unix tools. Alpine's base image is built this way, and
 * so are the lab's: a single file with no loader and no libraries, so the rootfs needs nothing else
 * to run `sh`, `ps`, `ls`, `mount` or `ip`. The lab ships one (shipped-busybox.ts); this file finds
 * a host's static busybox for the architectures it ships none for, and installs either into a layer.
 *
 * busybox picks the tool to be from the name it was started as (`argv[0]`): `/bin/ls` is a link to
 * `/bin/busybox`, and running it lists files. `busybox --list-full` names every tool with the
 * directory it belongs in (`bin/ls`, `sbin/ip`, `usr/bin/head`).
 *
 * The links are relative symlinks (`usr/bin/head -> ../../bin/busybox`), as Alpine makes them:
 * `ls -l` shows the learner what they are, they resolve correctly both inside the container and
 * when the layer is read from the host, and an overlay copy-up never duplicates the 2 MB binary
 * (copying up one name of a hard-linked file would copy the whole file).
 */
import { t } from '../i18n/index.js';
import { statSync } from 'node:fs';
import { chmod, copyFile, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { hostMachine, isStaticExecutable, readElf } from './elf.js';
import { BUSYBOX_EXTRA_DIRS, DISTRO_BIN_DIRS, programSearchDirs } from './search-paths.js';
import { spawnStep, step, type Emit } from './step.js';

/** The applet directories busybox may name; anything else in `--list-full` (e.g. `linuxrc`) is left out. */
const APPLET_DIRS = new Set(['bin', 'sbin', 'usr/bin', 'usr/sbin']);

/**
 * The first static busybox for this machine's architecture found in `searchPaths` (directories),
 * by default PATH and the usual distro locations. A dynamically linked busybox (Debian's plain
 * `busybox` package, Alpine's) is skipped: it would need its loader and libraries in the rootfs.
 */
export function findBusybox(
  searchPaths: readonly string[] = programSearchDirs([...DISTRO_BIN_DIRS, ...BUSYBOX_EXTRA_DIRS]),
): string | undefined {
  const machine = hostMachine();
  for (const dir of searchPaths) {
    const candidate = path.join(dir, 'busybox');
    try {
      const st = statSync(candidate, { throwIfNoEntry: false });
      if (!st?.isFile() || (st.mode & 0o111) === 0) continue;
      const elf = readElf(candidate);
      if (!elf || !isStaticExecutable(elf)) continue;
      if (machine !== undefined && elf.machine !== machine) continue;
      return candidate;
    } catch {
      // Unreadable (EACCES, ENOTDIR): try the next directory.
    }
  }
  return undefined;
}

/** The applets of a busybox as rootfs paths (`bin/ls`), asking the binary itself. */
export async function listApplets(busybox: string, emit?: Emit): Promise<string[]> {
  const full = await spawnStep(emit, busybox, ['--list-full']);
  if (full.exitCode === 0) {
    return full.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => APPLET_DIRS.has(path.dirname(l)));
  }
  // Builds without FEATURE_INSTALLER only know --list: every applet then goes in bin/.
  const short = await spawnStep(emit, busybox, ['--list']);
  if (short.exitCode !== 0) {
    throw new Error(t('runtime.busybox.no-list', { busybox, error: short.stderr.trim() || `exit ${short.exitCode}` }));
  }
  return short.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((name) => `bin/${name}`);
}

/** Copies busybox to `<diff>/bin/busybox` and links every applet to it. */
export async function installBusybox(diff: string, busybox: string, emit?: Emit): Promise<void> {
  const applets = await listApplets(busybox, emit);
  const target = path.join(diff, 'bin', 'busybox');
  await step(emit, 'write', target, [`<- ${busybox}`], async () => {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    await copyFile(busybox, target);
    await chmod(target, 0o755);
  });

  const byDir = new Map<string, string[]>();
  for (const applet of applets) {
    if (applet === 'bin/busybox') continue;
    const dir = path.dirname(applet);
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.basename(applet)]);
  }
  for (const [dir, names] of byDir) {
    const linkTarget = path.relative(dir, 'bin/busybox');
    const absDir = path.join(diff, dir);
    await step(emit, 'write', absDir, [`${names.length} symlinks -> ${linkTarget}`], async () => {
      await mkdir(absDir, { recursive: true, mode: 0o755 });
      for (const name of names) {
        try {
          await symlink(linkTarget, path.join(absDir, name));
        } catch (err) {
          // A file the layer definition ships under the same name wins over the applet.
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }
    });
  }
}
