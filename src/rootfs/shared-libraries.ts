/**
 * Finding the shared libraries a program loads, the way the dynamic loader (`ld.so`) does.
 *
 * When the kernel starts a dynamically linked program it really starts the loader named in the
 * program's `PT_INTERP`. The loader reads the program's `DT_NEEDED` list (`libc.so.6`,
 * `libselinux.so.1`, …) and looks for each name, in this order: the program's `DT_RPATH` (only if
 * it has no `DT_RUNPATH`), `LD_LIBRARY_PATH`, its `DT_RUNPATH`, the cache `/etc/ld.so.cache` (built
 * by `ldconfig` from the directories in `/etc/ld.so.conf`), then the loader's built-in system
 * directories. Every library found has its own `DT_NEEDED` list, so this repeats until closed.
 *
 * The builder resolves the same way, with `ld.so.conf`'s directories standing in for the cache and
 * `LD_LIBRARY_PATH` left out (the container's environment will not have the host's). A candidate
 * counts only if it is ELF of the program's class and machine: `/usr/lib32/libc.so.6` is a real
 * file but a 64-bit `ls` cannot load it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readElf, type ElfInfo } from './elf.js';

/** One library to copy into the rootfs, at the same path it has on the host. */
export interface SharedLibrary {
  /** The name programs ask for (`DT_NEEDED`), e.g. `libc.so.6`. */
  soname: string;
  /** Where the host's search found it, e.g. `/lib/x86_64-linux-gnu/libc.so.6`. */
  path: string;
  /** The program or library that asked for it first. */
  neededBy: string;
}

/** The closure of what a set of programs loads: their loaders and every library, each once. */
export interface LibraryClosure {
  /** `PT_INTERP` paths, e.g. `/lib64/ld-linux-x86-64.so.2`. */
  interpreters: string[];
  libraries: SharedLibrary[];
  /** Names the search did not find, with who needed them: such a program cannot run in the rootfs. */
  missing: Array<{ soname: string; neededBy: string }>;
}

/**
 * The directories `/etc/ld.so.conf` lists, in order, following `include` lines (with `*` and `?`
 * patterns in the file name, sorted like glibc's `glob`).
 */
export function readLdSoConf(file = '/etc/ld.so.conf', seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const include = /^include\s+(.+)$/.exec(line);
    if (include?.[1]) {
      for (const pattern of include[1].trim().split(/\s+/)) {
        for (const included of expandPattern(path.resolve(path.dirname(file), pattern))) {
          dirs.push(...readLdSoConf(included, seen));
        }
      }
    } else if (path.isAbsolute(line)) {
      dirs.push(line);
    }
  }
  return dirs;
}

/** Where glibc's loader looks when nothing else names a directory (Debian adds its multiarch dirs via ld.so.conf). */
export function defaultLibraryDirs(bits: 32 | 64): string[] {
  return bits === 64 ? ['/lib64', '/usr/lib64', '/lib', '/usr/lib'] : ['/lib', '/usr/lib', '/lib32', '/usr/lib32'];
}

/**
 * Resolves the loaders and libraries of `programs`, searching `confDirs` (from ld.so.conf) after
 * each object's own paths. Breadth first, like the loader: a program's own DT_NEEDED names come
 * before the libraries those pull in.
 */
export function resolveLibraries(programs: readonly string[], confDirs: readonly string[]): LibraryClosure {
  const closure: LibraryClosure = { interpreters: [], libraries: [], missing: [] };
  const seen = new Set<string>(); // sonames already searched for
  const queue: Array<{ path: string; elf: ElfInfo; label: string }> = [];
  for (const program of programs) {
    const elf = readElf(program);
    if (!elf) continue; // a script: it needs its interpreter (#!), not libraries
    if (elf.interpreter && !closure.interpreters.includes(elf.interpreter)) closure.interpreters.push(elf.interpreter);
    queue.push({ path: program, elf, label: path.basename(program) });
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { elf, label } = next;
    const origin = path.dirname(next.path);
    const expand = (dirs: string[]): string[] => dirs.map((d) => d.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin));
    const dirs = [
      ...(elf.runpath.length === 0 ? expand(elf.rpath) : []),
      ...expand(elf.runpath),
      ...confDirs,
      ...defaultLibraryDirs(elf.bits),
    ];
    for (const soname of elf.needed) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      const hit = findLibrary(soname, dirs, elf);
      if (!hit) {
        closure.missing.push({ soname, neededBy: label });
        continue;
      }
      closure.libraries.push({ soname, path: hit.path, neededBy: label });
      queue.push({ path: hit.path, elf: hit.elf, label: soname });
    }
  }
  return closure;
}

function findLibrary(soname: string, dirs: readonly string[], wanted: ElfInfo): { path: string; elf: ElfInfo } | undefined {
  // A DT_NEEDED with a slash is a path, used as it is.
  const candidates = soname.includes('/') ? [soname] : dirs.map((dir) => path.join(dir, soname));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate, { throwIfNoEntry: false })?.isFile()) continue;
      const elf = readElf(candidate);
      if (elf && elf.bits === wanted.bits && elf.machine === wanted.machine) return { path: candidate, elf };
    } catch {
      // Not there: keep searching.
    }
  }
  return undefined;
}

/** Expands `*` and `?` in the last component of an absolute path. */
function expandPattern(pattern: string): string[] {
  const base = path.basename(pattern);
  if (!/[*?]/.test(base)) return [pattern];
  const dir = path.dirname(pattern);
  const re = new RegExp(
    `^${base
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  try {
    return readdirSync(dir)
      .filter((name) => re.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
