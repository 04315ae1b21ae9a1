/**
 * What cgroup numbers mean, in one place: "no limit" as each version spells it, flat keyed files,
 * and memory sizes as people type them. The driver, the panes and the command line all use these.
 */
import { describe, expect, it } from 'vitest';
import { isNoLimit, parseKeyed, parseKeyedText, parseLimit } from '../../src/cgroups/parse.js';
import { formatBytes, parseSize } from '../../src/cgroups/size.js';
import { withUnit } from '../../src/probes/cgroup-values.js';

describe('"no limit"', () => {
  it('reads each spelling the kernel uses', () => {
    expect(isNoLimit('max')).toBe(true); // v2 memory.max, pids.max
    expect(isNoLimit('max 100000\n')).toBe(true); // v2 cpu.max: quota, then period
    expect(isNoLimit('-1')).toBe(true); // v1 cpu.cfs_quota_us
    expect(isNoLimit('9223372036854771712')).toBe(true); // v1 memory.limit_in_bytes, page-aligned 2^63-1
    expect(isNoLimit('33554432')).toBe(false);
    expect(isNoLimit('50000 100000')).toBe(false);
    expect(isNoLimit('0')).toBe(false);
    expect(isNoLimit('')).toBe(false);
  });

  it('gives the driver undefined for no limit and the number otherwise', () => {
    expect(parseLimit('max\n')).toBeUndefined();
    expect(parseLimit('9223372036854771712\n')).toBeUndefined();
    expect(parseLimit('-1')).toBeUndefined();
    expect(parseLimit(undefined)).toBeUndefined();
    expect(parseLimit('33554432\n')).toBe(33554432);
    expect(parseLimit('0')).toBe(0);
  });

  it('shows the panes the same verdict', () => {
    expect(withUnit('9223372036854771712', true)).toBe('9223372036854771712 (no limit)');
    expect(withUnit('-1', false)).toBe('-1 (no limit)');
    expect(withUnit('max', true)).toBe('max');
    expect(withUnit('33554432', true)).toBe('33554432 (32.0 MiB)');
  });
});

describe('flat keyed files', () => {
  const memoryEvents = 'low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n';
  it('keeps the text as written, or the numbers', () => {
    expect(parseKeyedText(memoryEvents).get('max')).toBe('12');
    expect([...parseKeyedText(memoryEvents).keys()]).toEqual(['low', 'high', 'max', 'oom', 'oom_kill']);
    expect(parseKeyed(memoryEvents)).toEqual({ low: 0, high: 0, max: 12, oom: 1, oom_kill: 1 });
    expect(parseKeyed('name value\nusage_usec 42')).toEqual({ usage_usec: 42 });
    expect(parseKeyed(undefined)).toEqual({});
  });
});

describe('memory sizes', () => {
  it('reads sizes the way docker run --memory does (binary units)', () => {
    expect(parseSize('32m')).toBe(32 * 1024 ** 2);
    expect(parseSize('32M')).toBe(32 * 1024 ** 2);
    expect(parseSize('96MiB')).toBe(96 * 1024 ** 2);
    expect(parseSize('8192kb')).toBe(8 * 1024 ** 2);
    expect(parseSize('1g')).toBe(1024 ** 3);
    expect(parseSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseSize(' 33554432 ')).toBe(33554432);
    expect(parseSize('100b')).toBe(100);
  });

  it('refuses what is not a size', () => {
    for (const bad of ['', 'lots', 'max', '-1m', '32 mm', '1t', 'm']) expect(parseSize(bad), bad).toBeUndefined();
  });

  it('prints bytes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(33554432)).toBe('32.0 MiB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GiB');
  });
});
