/**
 * A layer's digest: one sha256 over everything the layer is built from, so a cached layer is
 * reused exactly when rebuilding it would give the same result. Docker names layers the same way
 * (`sha256:…` of the layer's content); here the digest is of the *inputs*, which is what can be
 * checked in a few milliseconds without rebuilding.
 *
 * The inputs: the layer's entry in layers.json, every file under `rootfs/<name>/` (path, executable
 * bit and content; not mtimes, which a git checkout changes), and for the binaries layer the
 * binary source: busybox's SHA256 (where it lies does not change what it builds), or each host
 * tool's path, size and mtime. The libraries a host tool loads are not included: the copies in a
 * built layer stay consistent with each other even after the host upgrades its own.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { HostTool } from './host-tools.js';

/** Bump when the builder's output changes for the same inputs, so old caches are rebuilt. */
export const BUILDER_VERSION = 1;

/** One entry under `rootfs/<name>/`, with the facts that go into the digest. */
export type LayerFile =
  | { path: string; type: 'dir' }
  | { path: string; type: 'file'; executable: boolean; sha256: string }
  | { path: string; type: 'symlink'; target: string };

/**
 * Where the programs in the rootfs come from: a static busybox (the one shipped with container-lab,
 * or, on an architecture none is shipped for, one installed on the host), or the host's own tools.
 */
export type BinarySource =
  | { kind: 'busybox'; origin: 'shipped' | 'host'; path: string; sha256: string }
  | { kind: 'host'; tools: HostTool[] };

/** The source's name as RootfsInfo and a layer's marker give it. */
export type BinarySourceName = 'shipped-busybox' | 'host-busybox' | 'host-tools';

export function binarySourceName(source: BinarySource): BinarySourceName {
  return source.kind === 'host' ? 'host-tools' : source.origin === 'shipped' ? 'shipped-busybox' : 'host-busybox';
}

export interface DigestInput {
  name: string;
  /** The layer's entry as written in layers.json. */
  manifestEntry: unknown;
  files: readonly LayerFile[];
  /** Only for the layer that carries the binaries. */
  binaries?: BinarySource;
}

/** `sha256:<hex>` of a layer's inputs. Pure: the same input always gives the same digest. */
export function layerDigest(input: DigestInput): string {
  const hash = createHash('sha256');
  hash.update(`container-lab layer builder ${BUILDER_VERSION}\nlayer ${input.name}\n`);
  hash.update(`manifest ${JSON.stringify(input.manifestEntry)}\n`);
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of files) {
    if (f.type === 'dir') hash.update(`dir ${f.path}\n`);
    else if (f.type === 'file') hash.update(`file ${f.path} ${f.executable ? 'x' : '-'} ${f.sha256}\n`);
    else hash.update(`symlink ${f.path} ${f.target}\n`);
  }
  const bin = input.binaries;
  if (bin?.kind === 'busybox') hash.update(`busybox sha256:${bin.sha256}\n`);
  if (bin?.kind === 'host') {
    for (const t of bin.tools) hash.update(`host-tool ${t.name} ${t.path} ${t.realPath} ${t.size} ${t.mtimeMs}\n`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Lists a layer's files in the repository (an absent directory is an empty layer). */
export async function listLayerFiles(dir: string): Promise<LayerFile[]> {
  const out: LayerFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(path.join(dir, rel));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw err;
    }
    for (const name of names.sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, relPath);
      const st = await lstat(abs);
      if (st.isDirectory()) {
        out.push({ path: relPath, type: 'dir' });
        await walk(relPath);
      } else if (st.isFile()) {
        const sha256 = createHash('sha256')
          .update(await readFile(abs))
          .digest('hex');
        out.push({ path: relPath, type: 'file', executable: (st.mode & 0o100) !== 0, sha256 });
      } else if (st.isSymbolicLink()) {
        out.push({ path: relPath, type: 'symlink', target: await readlink(abs) });
      } else {
        throw new Error(`${abs} is neither a file, a directory nor a symlink: a layer definition can only hold those.`);
      }
    }
  };
  await walk('');
  return out;
}
