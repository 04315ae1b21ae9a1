/**
 * Building one layer's `diff/` directory, in the order a Dockerfile would:
 *   1. the skeleton: directories from layers.json with their modes and owners (`tmp` 1777, …);
 *   2. the layer's own files from `rootfs/<name>/` (0644, or 0755 when executable in git);
 *   3. for the binaries layer: busybox and its applet links (see binary-source.ts for which busybox),
 *      or the host's tools and libraries;
 *   4. generated files (the app layer's 32 MiB `big.bin`).
 * Everything is owned by root unless the skeleton says otherwise, as in an image layer.
 */
import { chmod, copyFile, lchown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { installBusybox } from './busybox.js';
import { BUILDER_VERSION, binarySourceName, type BinarySource, type LayerFile } from './digest.js';
import { writeGenerated } from './generate.js';
import { installHostTools, type SkippedTool } from './host-tools.js';
import { MARKER_FILE, isIntact, layerDirName, publish, type LayerMarker } from './layer-cache.js';
import type { LayerDefinition } from './manifest.js';
import { step, type Emit } from './step.js';

export interface BuildRequest {
  def: LayerDefinition;
  digest: string;
  /** The layer's files in the repository, as listed for the digest. */
  files: readonly LayerFile[];
  /** Set for the layer that carries the binaries. */
  binaries?: BinarySource;
  layersDir: string;
  emit?: Emit;
}

/** Builds a layer next to its final place and publishes it. Returns false if another builder's copy won. */
export async function buildLayer(req: BuildRequest): Promise<boolean> {
  const { def, digest, layersDir, emit } = req;
  const final = path.join(layersDir, layerDirName(def.name, digest));
  // mkdtemp adds six random characters: concurrent builders in one process get separate directories too.
  const tmp = await mkdtemp(path.join(layersDir, `.tmp-${layerDirName(def.name, digest)}-${process.pid}-`));
  try {
    const diff = path.join(tmp, 'diff');
    const skippedTools = await fillDiff(diff, req);
    const marker: LayerMarker = {
      name: def.name,
      digest,
      builder: BUILDER_VERSION,
      builtAt: new Date().toISOString(),
      ...(req.binaries ? { source: binarySourceName(req.binaries) } : {}),
      ...(req.binaries?.kind === 'busybox' ? { busybox: req.binaries.path, busyboxSha256: req.binaries.sha256 } : {}),
      ...(skippedTools.length ? { skippedTools } : {}),
    };
    const markerFile = path.join(tmp, MARKER_FILE);
    await step(emit, 'write', markerFile, [`digest ${digest}`], () =>
      writeFile(markerFile, `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o644 }),
    );
    return await publish(tmp, final, () => isIntact(final, def, digest), emit);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function fillDiff(diff: string, req: BuildRequest): Promise<SkippedTool[]> {
  const { def, files, emit } = req;
  await mkdir(diff, 0o755);
  await chmod(diff, 0o755); // this directory becomes the container's "/"

  await step(emit, 'write', diff, [`${def.directories.length} directories from layers.json`], async () => {
    for (const dir of def.directories) {
      const abs = path.join(diff, dir.path);
      await mkdir(abs, { recursive: true, mode: 0o755 });
      // chmod, because mkdir's mode passes through the umask, which clears the 1777 of /tmp.
      await chmod(abs, dir.mode);
      await lchown(abs, dir.uid, dir.gid);
    }
  });

  const fileCount = files.filter((f) => f.type !== 'dir').length;
  await step(emit, 'write', diff, [`${fileCount} files from rootfs/${def.name}/`], async () => {
    for (const f of files) {
      const dest = path.join(diff, f.path);
      if (f.type === 'dir') {
        await mkdir(dest, { recursive: true, mode: 0o755 });
      } else if (f.type === 'file') {
        await copyFile(path.join(def.filesDir, f.path), dest);
        await chmod(dest, f.executable ? 0o755 : 0o644);
      } else {
        await symlink(f.target, dest);
      }
    }
  });

  let skipped: SkippedTool[] = [];
  if (req.binaries?.kind === 'busybox') await installBusybox(diff, req.binaries.path, emit);
  if (req.binaries?.kind === 'host') skipped = await installHostTools(diff, req.binaries.tools, emit);

  for (const gen of def.generate) {
    const dest = path.join(diff, gen.path);
    await step(emit, 'write', dest, [`${gen.size} bytes of ${gen.content}`], async () => {
      await mkdir(path.dirname(dest), { recursive: true, mode: 0o755 });
      await writeGenerated(dest, gen.content, gen.size);
    });
  }
  return skipped;
}
