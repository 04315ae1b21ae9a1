/**
 * Overlay copy-on-write, as data: walk layers, see which layer each file comes from, probe one path
 * in every layer, and translate an upper directory to and from an OCI image layer tar.
 */
export type { NodeKind, DevNumber, TreeNode, OverlayMarks } from './tree.js';
export { walkTree, statNode, splitDev, modeString, byteOrder } from './tree.js';
export { sha256File, shortSum } from './checksum.js';
export type { StackLayer, StackRow } from './stack.js';
export { stackRows, mergedRows, renderStack } from './stack.js';
export type { OverlayDirs, PathProbe, ProbeOptions } from './probe.js';
export { probePath, probeLayers, renderProbe } from './probe.js';
export type { LayerName } from './whiteout.js';
export { WHITEOUT_PREFIX, OPAQUE_MARKER, readLayerName, whiteoutNameFor, opaqueMarkerFor } from './whiteout.js';
export type { TarEntryType, TarHeader } from './tar-header.js';
export type { TarWriteEntry } from './tar-write.js';
export { tarChunks, tarBuffer, writeTarFile, fileChunks } from './tar-write.js';
export type { TarEntry, TarSource } from './tar-read.js';
export { readTarEntries, entryChunks, bufferSource, fdSource } from './tar-read.js';
export { layerEntries, exportLayer, LayerExportError } from './export-layer.js';
export type { ApplyReport } from './apply-layer.js';
export { applyLayer, applyLayerSource, LayerApplyError } from './apply-layer.js';
export { listLayer, type LayerListing } from './list-layer.js';
export { compareTrees, treeFacts, diffFacts, type TreeDifference, type EntryFacts } from './compare.js';
export { overlayDirsFromMountinfo, layerNameOf } from './mounted.js';
