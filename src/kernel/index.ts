/** The kernel doorway: the only way container-lab reaches the Linux kernel. */
export type { CapSets, Kernel, PrimitiveEvent } from './kernel.js';
export { renderEvent } from './kernel.js';
export { SyscallError, errnoName, hintFor, ERRNO } from './errors.js';
export * from './constants.js';
export { describeCall, describeResult } from './describe.js';
export { readXattrs, xattrText, type XattrReader } from './xattr.js';
export { RecordingKernel } from './recording.js';
export { traced } from './traced.js';
export { FaultPlan, withFaults } from './faults.js';
export { failureText, runHostProgram, type HostProgramOptions, type HostRun } from './host-program.js';
