import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseSubnet,
  formatCidr,
  hostAddress,
  overlaps,
  parseCidr,
  type AddrJson,
  type RouteJson,
} from '../../src/runtime/network/index.js';

const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;
const routes = load<RouteJson[]>('routes-docker.json');
const addrs = load<AddrJson[]>('addrs.json');

describe('CIDR arithmetic', () => {
  it('parses, clears host bits and formats', () => {
    expect(formatCidr(parseCidr('10.123.0.77/24')!)).toBe('10.123.0.0/24');
    expect(parseCidr('10.123.0.0/33')).toBeUndefined();
    expect(parseCidr('10.300.0.0/24')).toBeUndefined();
    expect(formatCidr(parseCidr('192.0.2.2')!)).toBe('192.0.2.2/32');
  });
  it('overlap works both ways', () => {
    expect(overlaps(parseCidr('10.0.0.0/8')!, parseCidr('10.123.0.0/24')!)).toBe(true);
    expect(overlaps(parseCidr('10.123.0.0/24')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(overlaps(parseCidr('10.123.0.0/24')!, parseCidr('10.124.0.0/24')!)).toBe(false);
  });
  it('numbers host addresses', () => {
    const c = parseCidr('10.123.0.0/24')!;
    expect(hostAddress(c, 1)).toBe('10.123.0.1');
    expect(hostAddress(c, 2)).toBe('10.123.0.2');
    expect(() => hostAddress(c, 255)).toThrow(/no host address/);
  });
});

describe('chooseSubnet', () => {
  it('takes the first candidate when nothing overlaps', () => {
    const c = chooseSubnet({ routes: [], addrs: [], bridge: 'clab0' });
    expect(formatCidr(c.subnet)).toBe('10.123.0.0/24');
    expect(c.gateway).toBe('10.123.0.1');
    expect(c.reason).toBe('chose 10.123.0.0/24 because no route or address on this host overlaps it');
  });

  it('skips a routed block and an addressed one, and says why', () => {
    const c = chooseSubnet({ routes, addrs, bridge: 'clab0' });
    expect(formatCidr(c.subnet)).toBe('10.125.0.0/24');
    expect(c.reason).toBe(
      'chose 10.125.0.0/24 because 10.123.0.0/24 overlaps the route 10.123.0.0/16 (dev tun0), and 10.124.0.0/24 overlaps the address 10.124.0.6/24 on vpn0',
    );
  });

  it('ignores its own bridge and the default route', () => {
    const own: RouteJson[] = [
      { dst: '10.123.0.0/24', dev: 'clab0' },
      { dst: 'default', dev: 'eth0' },
    ];
    expect(formatCidr(chooseSubnet({ routes: own, addrs: [], bridge: 'clab0' }).subnet)).toBe('10.123.0.0/24');
  });

  it('uses a free override and refuses one that overlaps', () => {
    expect(chooseSubnet({ routes, addrs, bridge: 'clab0', override: '10.200.0.0/24' }).reason).toMatch(
      /^using 10\.200\.0\.0\/24 from CONTAINER_LAB_SUBNET/,
    );
    expect(() => chooseSubnet({ routes, addrs, bridge: 'clab0', override: '172.17.5.0/24' })).toThrow(
      /overlaps the route 172\.17\.0\.0\/16 \(dev docker0\).*Choose another block/,
    );
    expect(() => chooseSubnet({ routes, addrs, bridge: 'clab0', override: 'ten' })).toThrow(/not an IPv4 block/);
  });

  it('says what to do when every candidate is taken', () => {
    const all: RouteJson[] = [
      { dst: '0.0.0.0/1', dev: 'x' },
      { dst: '128.0.0.0/1', dev: 'y' },
    ];
    expect(() => chooseSubnet({ routes: all, addrs: [], bridge: 'clab0' })).toThrow(/Set CONTAINER_LAB_SUBNET/);
  });
});
