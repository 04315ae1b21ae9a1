import { describe, expect, it } from 'vitest';
import {
  CAP_NAMES,
  CLONE,
  DOCKER_DEFAULT_CAPS,
  MS,
  decodeCapMask,
  encodeCapMask,
  parseCapName,
  renderFlags,
} from '../../src/kernel/constants.js';

describe('renderFlags', () => {
  it('renders namespace flags by name, lowest bit first', () => {
    expect(renderFlags(CLONE.CLONE_NEWPID | CLONE.CLONE_NEWNS, CLONE)).toBe('CLONE_NEWNS|CLONE_NEWPID');
  });
  it('renders the propagation flags every runtime sends first', () => {
    expect(renderFlags(MS.MS_REC | MS.MS_PRIVATE, MS)).toBe('MS_REC|MS_PRIVATE');
  });
  it('shows unknown bits in hex instead of hiding them', () => {
    expect(renderFlags(MS.MS_BIND | 0x40000000, MS)).toBe('MS_BIND|0x40000000');
  });
  it('renders zero as 0', () => {
    expect(renderFlags(0, MS)).toBe('0');
  });
});

describe('capabilities', () => {
  it('numbers capabilities as linux/capability.h does', () => {
    expect(CAP_NAMES.indexOf('CAP_SYS_ADMIN')).toBe(21);
    expect(CAP_NAMES.indexOf('CAP_CHECKPOINT_RESTORE')).toBe(40);
  });
  it('decodes and encodes masks symmetrically', () => {
    const mask = encodeCapMask(DOCKER_DEFAULT_CAPS);
    expect(mask).toBe(0xa80425fbn); // Docker's default CapEff as /proc/<pid>/status shows it
    expect(decodeCapMask(mask).sort()).toEqual([...DOCKER_DEFAULT_CAPS].sort());
  });
  it('accepts the spellings people type', () => {
    expect(parseCapName('net_raw')).toBe('CAP_NET_RAW');
    expect(parseCapName('CAP_SYS_ADMIN')).toBe('CAP_SYS_ADMIN');
    expect(parseCapName('FLY')).toBeUndefined();
  });
});
