/** The rootfs builder: image layers for lab containers, built offline from this host's own binaries. */
export { ensureRootfs, type EnsureRootfsOptions, type Layer, type RootfsInfo } from './ensure-rootfs.js';
export { findBusybox } from './busybox.js';
export { findHostTools, HOST_TOOLS, type HostTool } from './host-tools.js';
export { readElf, isStaticExecutable, type ElfInfo } from './elf.js';
export { layerDigest, listLayerFiles, BUILDER_VERSION, type BinarySource, type LayerFile } from './digest.js';
export { loadDefinitions, defaultDefinitionsDir, type LayerDefinition } from './manifest.js';
export { layerDirName, MARKER_FILE, type LayerMarker } from './layer-cache.js';
