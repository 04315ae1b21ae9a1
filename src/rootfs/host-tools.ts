/**
 * The last fallback binary source: on an architecture container-lab ships no busybox for, and when
 * the host has no static busybox either, the rootfs gets copies of the host's own tools, and with
 * them everything those tools load: the ELF loader (`PT_INTERP`) and the shared libraries
 * (`DT_NEEDED`, followed until nothing new is needed). This is what a "distroless" image is: a few
 * programs plus exactly the libraries they link.
 *
 * Each tool is copied to `bin/<name>` with its mode; each library and loader to the same path it
 * has on the host (`/lib/x86_64-linux-gnu/libc.so.6`), because inside the container there is no
 * `ld.so.cache`, and the loader then searches its built-in system directories: the ones the
 * distro's own libraries live in.
 */
import { t } from '../i18n/index.js';
import { realpathSync, statSync, type Stats } from 'node:fs';
import { chmod, copyFile, mkdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { DISTRO_BIN_DIRS, programSearchDirs } from './search-paths.js';
import { readLdSoConf, resolveLibraries, type SharedLibrary } from './shared-libraries.js';
import { step, type Emit } from './step.js';

/** The tools copied when present. `sh` is required: it is every lab container's PID 1. */
export const HOST_TOOLS: readonly string[] = [
  'sh',
  'ls',
  'ps',
  'cat',
  'echo',
  'mount',
  'umount',
  'hostname',
  'sleep',
  'ip',
  'ping',
  'mkdir',
  'rmdir',
  'rm',
  'touch',
  'id',
  'whoami',
  'kill',
  'chown',
  'chmod',
  'stat',
  'head',
  'tail',
  'grep',
  'tty',
  'env',
  'true',
  'false',
  'cp',
  'mv',
  'ln',
  'mknod',
  'uname',
  'wc',
  'df',
  'dd',
  'readlink',
];

/** One host program the rootfs will carry, and the facts the layer digest is made of. */
export interface HostTool {
  name: string;
  /** Where it was found, e.g. `/usr/bin/sh`. */
  path: string;
  /** After symlinks, e.g. `/usr/bin/dash`: the file actually copied. */
  realPath: string;
  size: number;
  mtimeMs: number;
}

/** A tool left out of the rootfs, and why: it would fail inside the container. */
export interface SkippedTool {
  name: string;
  reason: string;
}

/** Finds each of {@link HOST_TOOLS} in the search directories (first match wins, like a shell). */
export function findHostTools(searchDirs: readonly string[] = programSearchDirs(DISTRO_BIN_DIRS)): HostTool[] {
  const tools: HostTool[] = [];
  for (const name of HOST_TOOLS) {
    for (const dir of searchDirs) {
      const candidate = path.join(dir, name);
      const st = statOrUndefined(candidate);
      if (!st?.isFile() || (st.mode & 0o111) === 0) continue;
      tools.push({ name, path: candidate, realPath: realpathSync.native(candidate), size: st.size, mtimeMs: st.mtimeMs });
      break;
    }
  }
  return tools;
}

/** Copies the tools, their loader and their libraries into `diff`. Returns the tools left out. */
export async function installHostTools(diff: string, tools: readonly HostTool[], emit?: Emit): Promise<SkippedTool[]> {
  const confDirs = readLdSoConf();
  const usable: HostTool[] = [];
  const skipped: SkippedTool[] = [];
  for (const tool of tools) {
    const { missing } = resolveLibraries([tool.realPath], confDirs);
    if (missing.length === 0) usable.push(tool);
    else
      skipped.push({ name: tool.name, reason: t('runtime.rootfs.tool-missing-libs', { libs: missing.map((m) => m.soname).join(', ') }) });
  }
  if (!usable.some((t) => t.name === 'sh')) {
    throw new Error(t('runtime.rootfs.no-shell'));
  }
  await copyTools(path.join(diff, 'bin'), usable, emit);

  const { interpreters, libraries } = librariesFor(usable, confDirs);
  for (const file of interpreters) {
    const dest = path.join(diff, file);
    await step(emit, 'write', dest, [`<- ${realpathSync(file)}`, '(ELF loader, PT_INTERP)'], () => copyWithMode(file, dest));
  }
  for (const lib of libraries) {
    const dest = path.join(diff, lib.path);
    await step(emit, 'write', dest, [`<- ${realpathSync(lib.path)}`, `(needed by ${lib.neededBy})`], () => copyWithMode(lib.path, dest));
  }
  return skipped;
}

async function copyTools(binDir: string, tools: readonly HostTool[], emit?: Emit): Promise<void> {
  await mkdir(binDir, { recursive: true, mode: 0o755 });
  const copiedAs = new Map<string, string>(); // realPath -> the first name it was copied as
  for (const tool of tools) {
    const dest = path.join(binDir, tool.name);
    const first = copiedAs.get(tool.realPath);
    if (first) {
      // Several names for one program (e.g. a multi-call binary): link them, as the host does.
      await step(emit, 'write', dest, [`symlink -> ${first}`], () => symlink(first, dest));
    } else {
      copiedAs.set(tool.realPath, tool.name);
      await step(emit, 'write', dest, [`<- ${tool.realPath}`], () => copyWithMode(tool.realPath, dest));
    }
  }
}

/** The loaders and libraries the tools need, each library path once. */
function librariesFor(tools: readonly HostTool[], confDirs: readonly string[]): { interpreters: string[]; libraries: SharedLibrary[] } {
  const closure = resolveLibraries(
    tools.map((t) => t.realPath),
    confDirs,
  );
  // glibc loads its NSS modules with dlopen, so they appear in no DT_NEEDED list. Before glibc 2.34
  // `id` and `ls -l` need libnss_files to turn uids into names from /etc/passwd.
  const nss = closure.libraries
    .filter((lib) => lib.soname === 'libc.so.6')
    .map((lib) => path.join(path.dirname(lib.path), 'libnss_files.so.2'))
    .filter((file) => isFile(file));
  const loaderNames = new Set(closure.interpreters.map((file) => path.basename(file)));
  const all = [
    ...closure.libraries,
    ...nss.map((file) => ({ soname: path.basename(file), path: file, neededBy: 'NSS, loaded with dlopen' })),
    ...resolveLibraries(nss, confDirs).libraries,
  ];
  const byPath = new Map<string, SharedLibrary>();
  for (const lib of all) {
    // libc names the loader in its DT_NEEDED; the loader is already running and answers to that name.
    if (!loaderNames.has(lib.soname) && !byPath.has(lib.path)) byPath.set(lib.path, lib);
  }
  return { interpreters: closure.interpreters, libraries: [...byPath.values()] };
}

function isFile(file: string): boolean {
  return statOrUndefined(file)?.isFile() ?? false;
}

/** stat(2), or undefined when the path is not there. This runs on every cached call: no exceptions for the common miss. */
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR, EACCES: not usable either
  }
}

/** Copies a file's content (following symlinks) and its permission bits, setuid included. */
async function copyWithMode(source: string, dest: string): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true, mode: 0o755 });
  await copyFile(source, dest);
  await chmod(dest, (await stat(source)).mode & 0o7777);
}
