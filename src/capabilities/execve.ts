/**
 * What execve(2) does to the five sets: the transformation capabilities(7) gives under
 * "Transformation of capabilities during execve()". P is the process before, P' after, F the
 * file's capabilities (the `security.capability` xattr that `setcap` writes):
 *
 *   P'(ambient)     = F is privileged ? 0 : P(ambient)
 *   P'(permitted)   = (P(inheritable) & F(inheritable)) | (F(permitted) & P(bounding)) | P'(ambient)
 *   P'(effective)   = F(effective) ? P'(permitted) : P'(ambient)
 *   P'(inheritable) = P(inheritable)
 *   P'(bounding)    = P(bounding)
 *
 * For root (uid 0) the kernel pretends every file has all capabilities in F(permitted) and
 * F(inheritable), and the effective bit when the effective uid is 0. So a root process that only
 * switched a capability off in its *effective* set gets it back at the next execve, while one dropped
 * from the *bounding* set is gone for good: `F(permitted) & P(bounding)` cannot contain it.
 * With no_new_privs, execve may not grant more than the process already had.
 *
 * One more rule surprises people: a file whose capabilities carry the effective bit is treated as
 * "capability-dumb" (it will not check what it got), so when the process would not receive *all*
 * of the file's permitted capabilities (for example one is outside the bounding set), the kernel
 * refuses the execve itself with EPERM rather than start the program with less than it expects.
 */
import type { CapSetKey } from './status.js';

export type CapSets5 = Record<CapSetKey, bigint>;

export interface FileCaps {
  permitted: bigint;
  inheritable: bigint;
  /** The `e` in `cap_net_bind_service=ep`. */
  effective: boolean;
}

export interface ExecveInput {
  before: CapSets5;
  /** Real and effective uid of the process at execve (setuid files are not modelled). */
  uid: number;
  euid?: number;
  /** The program's file capabilities, if it has any. */
  file?: FileCaps;
  noNewPrivs?: boolean;
  /** Highest capability number on this kernel (for root's "all capabilities"). */
  lastCap: number;
}

/** The five sets after execve, per capabilities(7). */
export function capsAfterExecve(i: ExecveInput): CapSets5 {
  const all = (1n << BigInt(i.lastCap + 1)) - 1n;
  const euid = i.euid ?? i.uid;
  const root = i.uid === 0 || euid === 0;
  let fP = i.file?.permitted ?? 0n;
  let fI = i.file?.inheritable ?? 0n;
  let fE = i.file?.effective ?? false;
  if (root) {
    fP = all;
    fI = all;
    fE = fE || euid === 0;
  }
  const privileged = root || i.file !== undefined;
  const { before: p } = i;
  const ambient = privileged ? 0n : p.ambient;
  let permitted = (p.inheritable & fI) | (fP & p.bounding) | ambient;
  if (i.noNewPrivs) permitted &= p.permitted | ambient;
  const effective = fE ? permitted : ambient;
  return { inheritable: p.inheritable, permitted, effective, bounding: p.bounding, ambient };
}

/** True when the kernel refuses the execve with EPERM (the capability-dumb binary check above). */
export function execveRefused(i: ExecveInput): boolean {
  if (!i.file || !i.file.effective || i.uid === 0 || (i.euid ?? i.uid) === 0) return false;
  // The kernel checks this while reading the file's capabilities, before no_new_privs trims
  // anything: so with no_new_privs the program starts, just without the file's capabilities.
  const after = capsAfterExecve({ ...i, noNewPrivs: false });
  return (i.file.permitted & ~after.permitted) !== 0n;
}
