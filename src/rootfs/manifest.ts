/**
 * Layer definitions: what each rootfs layer holds, read from the repository's `rootfs/` directory.
 *
 * A layer is a directory of files (`rootfs/base/`, `rootfs/app/`) plus an entry in
 * `rootfs/layers.json` for what git cannot carry: empty directories with their modes and owners
 * (`tmp` is 1777, `home/learner` belongs to uid 1000), large files to generate on the learner's
 * machine instead of committing them, and whether the layer carries the binaries (busybox, or the
 * host's tools). This is the lab's Dockerfile: each layer is one step of an image.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATORS, type GeneratorName } from './generate.js';

export interface DirectorySpec {
  /** Path inside the layer, e.g. `home/learner`. */
  path: string;
  /** Permission bits, e.g. 0o1777. */
  mode: number;
  uid: number;
  gid: number;
}

export interface GeneratedFileSpec {
  path: string;
  /** Size in bytes. */
  size: number;
  content: GeneratorName;
}

export interface LayerDefinition {
  name: string;
  description: string;
  /** True for the layer that carries the programs (busybox, or the host's tools and libraries). */
  binaries: boolean;
  directories: DirectorySpec[];
  generate: GeneratedFileSpec[];
  /** Absolute path of the layer's files in the repository, e.g. `<repo>/rootfs/base`. */
  filesDir: string;
  /** The entry exactly as written in layers.json; part of the layer's digest. */
  raw: unknown;
}

export const MANIFEST_FILE = 'layers.json';

/**
 * The `rootfs/` directory shipped with container-lab: next to `src/` in the repository, next to
 * `dist/` in the installed package.
 */
export function defaultDefinitionsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'rootfs');
    if (existsSync(path.join(candidate, MANIFEST_FILE))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`container-lab's rootfs/${MANIFEST_FILE} was not found near ${fileURLToPath(import.meta.url)}: reinstall container-lab.`);
}

/** Reads and checks `<definitionsDir>/layers.json`. Errors name the file and the field to fix. */
export function loadDefinitions(definitionsDir: string): Map<string, LayerDefinition> {
  const file = path.join(definitionsDir, MANIFEST_FILE);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} could not be read as JSON: ${(err as Error).message}`);
  }
  const fail = (where: string, what: string): never => {
    throw new Error(`${file}: ${where} ${what}`);
  };
  const layers = isObject(doc) && isObject(doc.layers) ? doc.layers : fail('top level', 'must be an object with a "layers" object.');
  const out = new Map<string, LayerDefinition>();
  for (const [name, entry] of Object.entries(layers)) {
    const at = `layers.${name}`;
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(name)) fail(at, 'must be named with lowercase letters, digits and dashes.');
    if (!isObject(entry)) return fail(at, 'must be an object.');
    const description = typeof entry.description === 'string' ? entry.description : fail(`${at}.description`, 'must be a string.');
    const binaries =
      entry.binaries === undefined
        ? false
        : typeof entry.binaries === 'boolean'
          ? entry.binaries
          : fail(`${at}.binaries`, 'must be true or false.');
    const directories = arrayAt(entry.directories, `${at}.directories`, fail).map((d, i): DirectorySpec => {
      const where = `${at}.directories[${i}]`;
      if (!isObject(d)) return fail(where, 'must be an object like {"path": "tmp", "mode": "1777"}.');
      const [uid, gid] = parseOwner(d.owner, `${where}.owner`, fail);
      return { path: layerPath(d.path, `${where}.path`, fail), mode: parseMode(d.mode, `${where}.mode`, fail), uid, gid };
    });
    const generate = arrayAt(entry.generate, `${at}.generate`, fail).map((g, i): GeneratedFileSpec => {
      const where = `${at}.generate[${i}]`;
      if (!isObject(g))
        return fail(where, 'must be an object like {"path": "data/big.bin", "size": 1048576, "content": "numbered-lines"}.');
      const size =
        Number.isSafeInteger(g.size) && (g.size as number) >= 0
          ? (g.size as number)
          : fail(`${where}.size`, 'must be a whole number of bytes.');
      const content =
        typeof g.content === 'string' && g.content in GENERATORS
          ? (g.content as GeneratorName)
          : fail(`${where}.content`, `must be one of: ${Object.keys(GENERATORS).join(', ')}.`);
      return { path: layerPath(g.path, `${where}.path`, fail), size, content };
    });
    out.set(name, { name, description, binaries, directories, generate, filesDir: path.join(definitionsDir, name), raw: entry });
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayAt(v: unknown, where: string, fail: (where: string, what: string) => never): unknown[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : fail(where, 'must be a list.');
}

/** A relative path that stays inside the layer. */
function layerPath(v: unknown, where: string, fail: (where: string, what: string) => never): string {
  if (typeof v !== 'string' || v === '' || path.isAbsolute(v))
    return fail(where, 'must be a relative path inside the layer, like "home/learner".');
  const normal = path.posix.normalize(v).replace(/\/$/, '');
  if (normal === '.' || normal === '..' || normal.startsWith('../')) return fail(where, 'must stay inside the layer (no "..").');
  return normal;
}

/** JSON has no octal numbers, so modes are strings: "0755", "1777". */
function parseMode(v: unknown, where: string, fail: (where: string, what: string) => never): number {
  if (typeof v !== 'string' || !/^[0-7]{3,4}$/.test(v)) return fail(where, 'must be an octal string like "0755" or "1777".');
  return parseInt(v, 8);
}

function parseOwner(v: unknown, where: string, fail: (where: string, what: string) => never): [number, number] {
  if (v === undefined) return [0, 0];
  const m = typeof v === 'string' ? /^(\d+):(\d+)$/.exec(v) : null;
  if (!m?.[1] || !m[2]) return fail(where, 'must be "uid:gid" in numbers, like "1000:1000".');
  return [Number(m[1]), Number(m[2])];
}
