/**
 * Linux capabilities: root's power split into about forty separate privileges, each checked by the
 * kernel on its own (CAP_SYS_ADMIN for mount, CAP_NET_RAW for raw sockets, CAP_CHOWN for chown…).
 * A container runtime keeps a few and drops the rest from the bounding set, so a container's uid 0
 * is far weaker than the host's. Everything here is pure or reads /proc under a given root.
 */
export { parseCapStatus, readCapStatus, readCapLastCap, fullMask, formatMask, CAP_SET_KEYS, STATUS_FIELD } from './status.js';
export type { CapSetKey, CapStatus } from './status.js';
export { diffMasks, diffStatus, compareToReferences, DOCKER_DEFAULT_MASK } from './diff.js';
export type { MaskDiff } from './diff.js';
export { capsAfterExecve, execveRefused } from './execve.js';
export type { CapSets5, FileCaps, ExecveInput } from './execve.js';
export { decodeFileCaps, encodeFileCaps, fileCapsText, SECURITY_CAPABILITY } from './file-caps.js';
export type { StoredFileCaps } from './file-caps.js';
