import { describe, expect, it } from 'vitest';
import { parseCap, parseCpus, parseHostname, parseMemory, parsePids } from '../../src/cli/parse.js';

describe('run flags', () => {
  it('parses sizes with units', () => {
    expect(parseMemory('32m')).toBe(32 * 1024 * 1024);
    expect(parseMemory('1g')).toBe(1024 ** 3);
    expect(parseMemory('8192k')).toBe(8 * 1024 * 1024);
  });
  it('says what to type for a bad size', () => {
    expect(() => parseMemory('lots')).toThrowError(
      '--memory "lots" is not a size the lab accepts: give at least 4m, like --memory 32m (units k, m, g).',
    );
    expect(() => parseMemory('1k')).toThrowError(/at least 4m/);
  });
  it('checks pids, cpus, hostnames and capabilities', () => {
    expect(parsePids('20')).toBe(20);
    expect(() => parsePids('0')).toThrowError(/1 or more/);
    expect(parseCpus('0.5')).toBe(0.5);
    expect(() => parseCpus('half')).toThrowError(/such as 0.5/);
    expect(parseHostname('box-1')).toBe('box-1');
    expect(() => parseHostname('bad host')).toThrowError(/letters, digits or dashes/);
    expect(parseCap('net_raw')).toBe('CAP_NET_RAW');
    expect(() => parseCap('CAP_FLY')).toThrowError(
      '--cap-drop "CAP_FLY" is not a capability this kernel knows; try names like NET_RAW or CAP_SYS_ADMIN (see `man 7 capabilities`).',
    );
  });
});
