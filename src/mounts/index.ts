/** Mount tables: parse /proc/<pid>/mountinfo, name each mount's propagation, compare two tables. */
export type { MountRow, Propagation } from './mountinfo.js';
export {
  parseMountinfo,
  parseMountLine,
  unescapeMountPath,
  propagationName,
  propagationFields,
  findMount,
  describeMount,
} from './mountinfo.js';
export type { MountDiffRow, MountDiffStatus } from './diff.js';
export { diffMountTables, newMounts } from './diff.js';
