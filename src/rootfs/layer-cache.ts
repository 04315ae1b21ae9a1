/**
 * The layer cache, laid out like Docker's overlay2 driver keeps image layers:
 *
 *   /var/lib/docker/overlay2/<id>/diff/               the layer's files (an overlay lowerdir)
 *   /var/lib/container-lab/layers/<name>-<digest12>/diff/
 *   /var/lib/container-lab/layers/<name>-<digest12>/layer.json   written last: "this layer is complete"
 *
 * A layer is built in a temporary directory next to its final place and published with one
 * rename(2). rename is atomic: every reader sees either no layer or a whole one, never half. When two
 * builders race, the second rename fails with ENOTEMPTY because the first one's layer is already
 * there, and the second simply uses it. A layer that is there but damaged (its marker or `bin/sh`
 * gone, a generated file cut short) is moved aside, again with one rename, and replaced.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BinarySourceName } from './digest.js';
import type { LayerDefinition } from './manifest.js';
import type { SkippedTool } from './host-tools.js';
import { step, type Emit } from './step.js';

export const MARKER_FILE = 'layer.json';

/** What `layer.json` records about a finished layer. */
export interface LayerMarker {
  name: string;
  digest: string;
  builder: number;
  builtAt: string;
  /** For the binaries layer: where its programs came from. */
  source?: BinarySourceName;
  busybox?: string;
  busyboxSha256?: string;
  /** Host tools left out because the host lacks a library they need. */
  skippedTools?: SkippedTool[];
}

/** `<name>-<first 12 hex digits of the digest>`, like a short image id. */
export function layerDirName(name: string, digest: string): string {
  return `${name}-${digest.replace(/^sha256:/, '').slice(0, 12)}`;
}

/** True when `dir` holds a complete layer with this digest and nothing essential is missing. */
export async function isIntact(dir: string, def: LayerDefinition, digest: string): Promise<boolean> {
  try {
    if (!(await lstat(dir)).isDirectory()) return false;
    const marker = JSON.parse(await readFile(path.join(dir, MARKER_FILE), 'utf8')) as Partial<LayerMarker>;
    if (marker.digest !== digest) return false;
    const diff = path.join(dir, 'diff');
    if (!(await lstat(diff)).isDirectory()) return false;
    if (def.binaries) {
      const sh = await stat(path.join(diff, 'bin', 'sh'));
      if (!sh.isFile() || (sh.mode & 0o111) === 0) return false;
    }
    for (const file of def.generate) {
      const st = await lstat(path.join(diff, file.path));
      if (!st.isFile() || st.size !== file.size) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Renames the finished `tmp` to `final`. Returns false when another builder published an intact
 * layer first (and `tmp` is removed), true when ours is the one in place.
 */
export async function publish(tmp: string, final: string, intact: () => Promise<boolean>, emit?: Emit): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await step(emit, 'syscall', 'rename', [JSON.stringify(tmp), JSON.stringify(final)], () => rename(tmp, final));
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTEMPTY/EEXIST: a layer directory is there. ENOTDIR: something that is not a directory is.
      if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code ?? '') || attempt >= 3) throw err;
    }
    if (await intact()) {
      await rm(tmp, { recursive: true, force: true });
      return false;
    }
    // What is in the way is damaged: move it aside with one rename (a symlink moves itself, never
    // what it points to), then delete it.
    const trash = path.join(path.dirname(final), `.trash-${path.basename(final)}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await step(emit, 'syscall', 'rename', [JSON.stringify(final), JSON.stringify(trash)], () => rename(final, trash));
    } catch (err) {
      // Another builder moved the damaged layer first.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rm(trash, { recursive: true, force: true });
  }
}

/**
 * Removes `.tmp-*` and `.trash-*` directories whose builder process no longer exists (e.g. after
 * kill -9), and returns their paths. A layers directory that is not there has nothing to remove.
 */
export async function removeAbandoned(layersDir: string, emit?: Emit): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(layersDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = /^\.(?:tmp|trash)-.*-(\d+)-[^-]+$/.exec(name);
    if (!m?.[1] || isAlive(Number(m[1]))) continue;
    const dir = path.join(layersDir, name);
    await step(emit, 'write', dir, ['rm -r (left by a builder that is gone)'], () => rm(dir, { recursive: true, force: true }));
    removed.push(dir);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
