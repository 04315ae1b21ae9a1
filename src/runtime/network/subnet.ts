/**
 * Choosing the lab's subnet: the block of IPv4 addresses its bridge and containers use.
 *
 * Docker does the same when it starts: it picks 172.17.0.0/16 for `docker0` unless a route on the
 * host already covers those addresses, and then tries the next pool. Two routes for the same
 * addresses would make the host send some packets to the wrong place, so the lab reads the host's
 * routes and addresses (`ip -json route show table all`, `ip -json addr`) and takes the first
 * candidate that overlaps none of them. Everything here is pure: it works on that JSON.
 */
import { t } from '../../i18n/index.js';

/** An IPv4 block, e.g. 10.123.0.0/24. `network` is the address as a 32-bit unsigned number. */
export interface Cidr {
  network: number;
  prefix: number;
}

/** One entry of `ip -json route show table all` (only the fields the lab reads). */
export interface RouteJson {
  dst: string;
  dev?: string;
  type?: string;
  table?: string;
}

/** One link of `ip -json addr` (only the fields the lab reads). */
export interface AddrJson {
  ifname: string;
  addr_info?: Array<{ family: string; local: string; prefixlen: number }>;
}

/** The subnet the lab will use, and the sentence `doctor` shows about it. */
export interface SubnetChoice {
  subnet: Cidr;
  /** The bridge's own address (the containers' default gateway): the first host address. */
  gateway: string;
  reason: string;
}

/** Where the lab looks, in order, when no subnet is configured. */
export const DEFAULT_CANDIDATES: readonly string[] = [
  '10.123.0.0/24',
  '10.124.0.0/24',
  '10.125.0.0/24',
  '172.29.0.0/24',
  '172.30.123.0/24',
  '192.168.123.0/24',
  '192.168.213.0/24',
];

/** Parses `a.b.c.d` into a 32-bit unsigned number, or undefined. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** Parses `a.b.c.d/n` (or a bare address, as /32). The host bits are cleared. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = '', bits] = text.split('/');
  const ip = parseIpv4(addr);
  const prefix = bits === undefined ? 32 : /^\d{1,2}$/.test(bits) ? Number(bits) : NaN;
  if (ip === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  return { network: (ip & maskOf(prefix)) >>> 0, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.network)}/${c.prefix}`;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Two blocks overlap when the shorter prefix's mask makes their networks equal. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  const mask = maskOf(Math.min(a.prefix, b.prefix));
  return (a.network & mask) >>> 0 === (b.network & mask) >>> 0;
}

/** The n-th address of a block (1 = the gateway, 2 = the first container). */
export function hostAddress(c: Cidr, n: number): string {
  const size = 2 ** (32 - c.prefix);
  if (n < 1 || n >= size - 1) throw new Error(t('runtime.net.no-host-address', { cidr: formatCidr(c), n }));
  return formatIpv4(c.network + n);
}

/** What is already in use on the host, as blocks with a label saying where each came from. */
export function usedBlocks(
  routes: readonly RouteJson[],
  addrs: readonly AddrJson[],
  ownBridge: string,
): Array<{ cidr: Cidr; label: string }> {
  const used: Array<{ cidr: Cidr; label: string }> = [];
  for (const r of routes) {
    // The default route covers every address; it is where packets go when nothing else matches,
    // so a more specific lab route next to it is exactly how Docker's bridge works too.
    if (r.dst === 'default' || r.dev === ownBridge) continue;
    const cidr = parseCidr(r.dst);
    if (cidr)
      used.push({
        cidr,
        label: r.dev ? t('runtime.net.used-route-dev', { dst: r.dst, dev: r.dev }) : t('runtime.net.used-route', { dst: r.dst }),
      });
  }
  for (const link of addrs) {
    if (link.ifname === ownBridge) continue;
    for (const a of link.addr_info ?? []) {
      if (a.family !== 'inet') continue;
      const cidr = parseCidr(`${a.local}/${a.prefixlen}`);
      if (cidr) used.push({ cidr, label: t('runtime.net.used-address', { address: `${a.local}/${a.prefixlen}`, link: link.ifname }) });
    }
  }
  return used;
}

export interface ChooseInput {
  routes: readonly RouteJson[];
  addrs: readonly AddrJson[];
  /** The lab bridge's name: its own route and address do not count as "in use". */
  bridge: string;
  /** `CONTAINER_LAB_SUBNET`, when set. */
  override?: string;
  candidates?: readonly string[];
}

/** Picks the subnet, or throws an Error whose message says what to do next. */
export function chooseSubnet(input: ChooseInput): SubnetChoice {
  const used = usedBlocks(input.routes, input.addrs, input.bridge);
  const clash = (c: Cidr) => used.find((u) => overlaps(u.cidr, c));

  if (input.override !== undefined) {
    const c = parseCidr(input.override);
    if (!c || c.prefix > 29 || c.prefix < 8) {
      throw new Error(t('runtime.net.bad-subnet', { value: input.override }));
    }
    const hit = clash(c);
    if (hit) {
      throw new Error(t('runtime.net.subnet-clash', { cidr: formatCidr(c), used: hit.label }));
    }
    return {
      subnet: c,
      gateway: hostAddress(c, 1),
      reason: t('runtime.net.subnet-from-env', { cidr: formatCidr(c) }),
    };
  }

  const skipped: string[] = [];
  for (const text of input.candidates ?? DEFAULT_CANDIDATES) {
    const c = parseCidr(text);
    if (!c) continue;
    const hit = clash(c);
    if (hit) {
      skipped.push(t('runtime.net.overlaps', { cidr: formatCidr(c), used: hit.label }));
      continue;
    }
    const why = skipped.length === 0 ? t('runtime.net.nothing-overlaps') : skipped.join(t('runtime.net.reasons-separator'));
    return { subnet: c, gateway: hostAddress(c, 1), reason: t('runtime.net.subnet-chosen', { cidr: formatCidr(c), why }) };
  }
  throw new Error(t('runtime.net.no-subnet-free', { skipped: skipped.join(t('runtime.net.reasons-separator')) }));
}
