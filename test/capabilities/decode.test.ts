import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTier } from '../helpers/tier.js';
import {
  compareToReferences,
  diffMasks,
  diffStatus,
  DOCKER_DEFAULT_MASK,
  formatMask,
  fullMask,
  parseCapStatus,
} from '../../src/capabilities/index.js';
import { decodeCapMask, DOCKER_DEFAULT_CAPS } from '../../src/kernel/constants.js';

const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/status-container.txt'), 'utf8');

describe('parseCapStatus', () => {
  it('reads the five sets and NoNewPrivs', () => {
    const s = parseCapStatus(fixture);
    expect(s.sets.effective).toBe(0xa80425fbn);
    expect(s.sets.bounding).toBe(0xa80425fbn);
    expect(s.sets.ambient).toBe(0n);
    expect(s.noNewPrivs).toBe(false);
  });

  it('names the missing line', () => {
    expect(() => parseCapStatus('CapInh:\t0\n')).toThrow(/CapPrm is missing/);
  });

  it('reads this process for real', () => {
    const s = parseCapStatus(fs.readFileSync('/proc/self/status', 'utf8'));
    expect(typeof s.sets.bounding).toBe('bigint');
  });
});

describeTier('decoding agrees with capsh --decode', { programs: ['capsh'] }, () => {
  const masks = [
    0n,
    1n,
    0xa80425fbn,
    DOCKER_DEFAULT_MASK,
    fullMask(40),
    0x1fffeffffffn,
    1n << 21n,
    (1n << 13n) | (1n << 10n),
    0x3fffffffffn,
    0x8000000000n,
    0x5555555555n,
  ];
  it('for a spread of masks', () => {
    for (const mask of masks) {
      const out = execFileSync('capsh', [`--decode=${formatMask(mask)}`], { encoding: 'utf8' }).trim();
      const names = out.slice(out.indexOf('=') + 1);
      const capshNames = names ? names.split(',') : [];
      expect(
        decodeCapMask(mask).map((n) => n.toLowerCase()),
        `mask ${formatMask(mask)}`,
      ).toEqual(capshNames);
    }
  });
});

describe('differences', () => {
  it('Docker default vs full: 14 kept, the rest dropped', () => {
    const r = compareToReferences(DOCKER_DEFAULT_MASK, fullMask(40));
    expect(decodeCapMask(DOCKER_DEFAULT_MASK)).toHaveLength(14);
    expect(r.dropped).toHaveLength(41 - 14);
    expect(r.dropped).toContain('CAP_SYS_ADMIN');
    expect(r.beyondDocker).toEqual([]);
    expect(r.missingFromDocker).toEqual([]);
  });

  it('one capability dropped from Docker default', () => {
    const mask = DOCKER_DEFAULT_MASK & ~(1n << 13n);
    expect(compareToReferences(mask, fullMask(40)).missingFromDocker).toEqual(['CAP_NET_RAW']);
    expect(diffMasks(DOCKER_DEFAULT_MASK, mask)).toEqual({ both: decodeCapMask(mask), onlyFirst: ['CAP_NET_RAW'], onlySecond: [] });
  });

  it('host vs container, set by set', () => {
    const host = parseCapStatus(fixture.replace(/00000000a80425fb/g, '000001ffffffffff'));
    const d = diffStatus(host, parseCapStatus(fixture));
    expect(d.bounding.onlyFirst).toContain('CAP_SYS_ADMIN');
    expect(d.bounding.onlySecond).toEqual([]);
    expect(d.inheritable).toEqual({ both: [], onlyFirst: [], onlySecond: [] });
    expect(DOCKER_DEFAULT_CAPS.every((c) => d.effective.both.includes(c))).toBe(true);
  });
});
