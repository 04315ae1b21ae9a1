/**
 * Comparing capability masks: the host shell against a container's init, and a set against the
 * full set or Docker's default 14. A difference is plain set arithmetic on the bits.
 */
import { decodeCapMask, DOCKER_DEFAULT_CAPS, encodeCapMask } from '../kernel/constants.js';
import { CAP_SET_KEYS, type CapSetKey, type CapStatus } from './status.js';

export interface MaskDiff {
  /** Capabilities in both. */
  both: string[];
  /** Only in the first (e.g. the host has them, the container lost them). */
  onlyFirst: string[];
  /** Only in the second. */
  onlySecond: string[];
}

export function diffMasks(first: bigint, second: bigint): MaskDiff {
  return {
    both: decodeCapMask(first & second),
    onlyFirst: decodeCapMask(first & ~second),
    onlySecond: decodeCapMask(second & ~first),
  };
}

/** The five sets of two processes, compared set by set. */
export function diffStatus(first: CapStatus, second: CapStatus): Record<CapSetKey, MaskDiff> {
  const out = {} as Record<CapSetKey, MaskDiff>;
  for (const key of CAP_SET_KEYS) out[key] = diffMasks(first.sets[key], second.sets[key]);
  return out;
}

/** Docker's default set as a mask. */
export const DOCKER_DEFAULT_MASK: bigint = encodeCapMask(DOCKER_DEFAULT_CAPS);

/** What a mask lacks from the full set (`full`), and what it has beyond Docker's default. */
export function compareToReferences(
  mask: bigint,
  full: bigint,
): { dropped: string[]; beyondDocker: string[]; missingFromDocker: string[] } {
  return {
    dropped: decodeCapMask(full & ~mask),
    beyondDocker: decodeCapMask(mask & ~DOCKER_DEFAULT_MASK),
    missingFromDocker: decodeCapMask(DOCKER_DEFAULT_MASK & ~mask),
  };
}
