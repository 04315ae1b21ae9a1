/**
 * ensureRootfs: the layers a container's root filesystem is stacked from, built on this machine
 * the first time and taken from the cache after that.
 *
 * A container image is a stack of read-only layers; at start, an overlay mount stacks them (the
 * lowerdirs) under one writable directory of the container's own (the upperdir). The lab's layers
 * are defined in the repository's `rootfs/` (see manifest.ts); the programs in them are the static
 * busybox shipped in `rootfs/busybox/`, or on other architectures a fallback from this host (see
 * binary-source.ts), never a download. The `base` layer carries those programs, so
 * `['base']` alone is a runnable rootfs and `['base', 'app']` adds the files the overlay lessons use.
 *
 * Call this from the lab process in the host's namespaces, before a shim starts: it reads the
 * host's binaries and libraries, and uses Node's thread pool for file I/O.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import type { PrimitiveEvent } from '../kernel/kernel.js';
import { chooseBinarySource } from './binary-source.js';
import { buildLayer } from './build-layer.js';
import { binarySourceName, layerDigest, listLayerFiles, type BinarySourceName } from './digest.js';
import { isIntact, layerDirName, removeAbandoned } from './layer-cache.js';
import { defaultDefinitionsDir, loadDefinitions, MANIFEST_FILE, type LayerDefinition } from './manifest.js';
import { ensurePrivateDir } from './state-dir.js';

/** One built layer, ready to be an overlay lowerdir. */
export interface Layer {
  name: string;
  /**
   * Absolute path of the layer's files (`…/layers/<name>-<digest12>/diff`), to be used as an
   * overlay lowerdir. Note the order: RootfsInfo lists layers lowest first, while overlay's
   * `lowerdir=` option lists the topmost first (`lowerdir=<app>:<base>`).
   */
  dir: string;
  /** `sha256:<hex>` of the layer's inputs. */
  digest: string;
}

export interface RootfsInfo {
  /** The requested layers, lowest first. */
  layers: Layer[];
  /** Where the programs in the binaries layer come from. */
  source: BinarySourceName;
  /** The path of the static busybox (shipped, or the host's), when the source is one. */
  busybox?: string;
  /** True when this call built (and published) at least one layer; false when all came from the cache. */
  builtNow: boolean;
}

export interface EnsureRootfsOptions {
  /** From `labPaths().stateDir`; layers go in `<stateDir>/layers/`. */
  stateDir: string;
  /** Layer names from rootfs/layers.json, lowest first, e.g. `['base', 'app']`. */
  layerNames: string[];
  /** Receives one event per build step; nothing is emitted when everything is cached. */
  emit?: (e: PrimitiveEvent) => void;
  /** False skips the busybox shipped in `<definitionsDir>/busybox/`, as on an architecture none is shipped for. */
  shippedBusybox?: boolean;
  /** Directories to look for a host static busybox in (default: PATH and the distro locations). `[]` means "none". */
  busyboxSearch?: string[];
  /** Use the host's own tools even when a static busybox exists (shipped or not). */
  preferHost?: boolean;
  /** The layer definitions (default: the `rootfs/` shipped with container-lab). */
  definitionsDir?: string;
}

export async function ensureRootfs(opts: EnsureRootfsOptions): Promise<RootfsInfo> {
  if (process.getuid?.() !== 0) {
    throw new Error(t('runtime.rootfs.needs-root'));
  }
  const definitionsDir = opts.definitionsDir ?? defaultDefinitionsDir();
  const defs = loadDefinitions(definitionsDir);
  const wanted = resolveNames(opts.layerNames, defs, path.join(definitionsDir, MANIFEST_FILE));
  const source = chooseBinarySource({ ...opts, definitionsDir });

  const layersDir = path.join(opts.stateDir, 'layers');
  await ensurePrivateDir(opts.stateDir, opts.emit);
  await ensurePrivateDir(layersDir, opts.emit);
  // A lab killed while it built a layer leaves that build's temporary directory. Sweep on every
  // start, not only when a layer is built: the next lab may need no build at all (`run` uses the
  // base layers, the killed lesson was building the overlay lesson's app layer).
  await removeAbandoned(layersDir, opts.emit);

  const layers: Layer[] = [];
  let builtNow = false;
  for (const def of wanted) {
    const files = await listLayerFiles(def.filesDir);
    const binaries = def.binaries ? source : undefined;
    const digest = layerDigest({ name: def.name, manifestEntry: def.raw, files, binaries });
    const dir = path.join(layersDir, layerDirName(def.name, digest));
    if (!(await isIntact(dir, def, digest))) {
      const ours = await buildLayer({ def, digest, files, binaries, layersDir, emit: opts.emit });
      builtNow ||= ours;
    }
    layers.push({ name: def.name, dir: path.join(dir, 'diff'), digest });
  }
  return { layers, source: binarySourceName(source), busybox: source.kind === 'busybox' ? source.path : undefined, builtNow };
}

function resolveNames(names: readonly string[], defs: Map<string, LayerDefinition>, manifest: string): LayerDefinition[] {
  if (names.length === 0) throw new Error(t('runtime.rootfs.no-layers'));
  const known = [...defs.keys()].join(', ');
  return names.map((name, i) => {
    if (names.indexOf(name) !== i) throw new Error(t('runtime.rootfs.layer-twice', { name }));
    const def = defs.get(name);
    if (!def) throw new Error(t('runtime.rootfs.no-such-layer', { name, manifest, known }));
    return def;
  });
}
