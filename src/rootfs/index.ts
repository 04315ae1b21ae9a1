/** The rootfs builder: image layers for lab containers, built offline from the busybox shipped with the lab (or, on other architectures, from this host's programs). */
export { ensureRootfs, type EnsureRootfsOptions, type Layer, type RootfsInfo } from './ensure-rootfs.js';
export { chooseBinarySource, type BinarySourceOptions } from './binary-source.js';
export { findBusybox } from './busybox.js';
export {
  CONTAINER_PROGRAMS,
  SHELL_FEATURES,
  lostInContainer,
  shellLacks,
  type ContainerProgram,
  type ShellFeature,
} from './container-programs.js';
export { findShippedBusybox, DEBIAN_ARCH, type ShippedBusybox } from './shipped-busybox.js';
export { findHostTools, HOST_TOOLS, type HostTool } from './host-tools.js';
export { readElf, isStaticExecutable, type ElfInfo } from './elf.js';
export {
  layerDigest,
  listLayerFiles,
  BUILDER_VERSION,
  binarySourceName,
  type BinarySource,
  type BinarySourceName,
  type LayerFile,
} from './digest.js';
export { loadDefinitions, defaultDefinitionsDir, type LayerDefinition } from './manifest.js';
export { layerDirName, removeAbandoned, MARKER_FILE, type LayerMarker } from './layer-cache.js';
