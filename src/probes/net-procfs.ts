/**
 * The network namespace as procfs tells it. Every file under /proc/net describes the network
 * namespace of the process that reads it, so the same paths read from the host and from inside a
 * container give two different answers: that is the network namespace, seen from two sides.
 *   /proc/net/dev        every interface, with packet counters
 *   /proc/net/fib_trie   the routing tables as a trie; `/32 host LOCAL` leaves are this namespace's own addresses
 *   /proc/net/route      the main IPv4 routing table (addresses in hex, host byte order)
 *   /proc/net/arp        the neighbour table: which MAC answered for which IPv4 address
 *   /proc/net/igmp       interfaces that are up, with their index (each joins 224.0.0.1 when raised)
 *   /sys/class/net/<if>/ ifindex, iflink (a veth's peer), operstate: present only where sysfs is mounted
 * All parsers here are pure.
 */

export interface NetDev {
  name: string;
  rxPackets: number;
  txPackets: number;
}

export function parseNetDev(text: string): NetDev[] {
  return text
    .split('\n')
    .slice(2)
    .flatMap((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return [];
      const nums = line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)
        .map(Number);
      return [{ name: line.slice(0, colon).trim(), rxPackets: nums[1] ?? 0, txPackets: nums[9] ?? 0 }];
    });
}

/** /proc/net/route prints each address as a hex number in host (little-endian) byte order. */
export function hexToIpv4(hex: string): string {
  const n = parseInt(hex, 16) >>> 0;
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function maskBits(mask: string): number {
  return ipToNumber(mask).toString(2).replace(/0/g, '').length;
}

export interface RouteEntry {
  iface: string;
  destination: string;
  prefix: number;
  /** `0.0.0.0` for a directly connected network. */
  gateway: string;
}

export function parseRoutes(text: string): RouteEntry[] {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const f = line.trim().split(/\s+/);
      if (f.length < 8) return [];
      return [{ iface: f[0]!, destination: hexToIpv4(f[1]!), gateway: hexToIpv4(f[2]!), prefix: maskBits(hexToIpv4(f[7]!)) }];
    });
}

/** The namespace's own IPv4 addresses: the `/32 host LOCAL` leaves of the Local table. */
export function parseLocalAddresses(fibTrie: string): string[] {
  const local = fibTrie.split(/^Local:$/m)[1] ?? '';
  const found = new Set<string>();
  let last = '';
  for (const line of local.split('\n')) {
    const leaf = line.match(/\|-- (\d+\.\d+\.\d+\.\d+)/);
    if (leaf) last = leaf[1]!;
    else if (/\/32 host LOCAL/.test(line) && last) found.add(last);
  }
  return [...found];
}

/** Which interface holds an address: the connected route (no gateway) whose network contains it. */
export function addressOwner(address: string, routes: readonly RouteEntry[]): { iface: string; prefix: number } | undefined {
  if (address.startsWith('127.')) return { iface: 'lo', prefix: 8 };
  const n = ipToNumber(address);
  return routes
    .filter((r) => r.gateway === '0.0.0.0' && r.prefix > 0)
    .filter((r) => Math.floor(n / 2 ** (32 - r.prefix)) === Math.floor(ipToNumber(r.destination) / 2 ** (32 - r.prefix)))
    .map((r) => ({ iface: r.iface, prefix: r.prefix }))[0];
}

export interface ArpEntry {
  ip: string;
  /** Absent while the entry is incomplete: the kernel asked with ARP and has no answer (yet). */
  mac?: string;
  iface: string;
}

/** ATF_COM in /proc/net/arp's Flags column: the entry has a hardware address (linux/if_arp.h). */
const ATF_COM = 0x02;

/**
 * /proc/net/arp: every IPv4 neighbour entry, as `ip neigh` lists them. An entry the kernel is still
 * resolving, or gave up on (INCOMPLETE, FAILED in `ip neigh`), has flags 0x0 and an all-zero address.
 */
export function parseArp(text: string): ArpEntry[] {
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const f = line.trim().split(/\s+/);
      if (f.length < 6) return [];
      const complete = (parseInt(f[2]!, 16) & ATF_COM) !== 0;
      return [{ ip: f[0]!, iface: f[5]!, ...(complete ? { mac: f[3]! } : {}) }];
    });
}

/** Interface index → name, for every interface /proc/net/igmp lists (those that are up). */
export function parseIgmp(text: string): Map<string, number> {
  const up = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = line.match(/^(\d+)\s+(\S+)\s*:/);
    if (m) up.set(m[2]!, Number(m[1]));
  }
  return up;
}
