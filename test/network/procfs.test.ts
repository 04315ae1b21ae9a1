import { describe, expect, it } from 'vitest';
import {
  addressOwner,
  hexToIpv4,
  parseArp,
  parseIgmp,
  parseLocalAddresses,
  parseNetDev,
  parseRoutes,
} from '../../src/probes/net-procfs.js';
import { netInterfacesProbe } from '../../src/probes/net-interfaces.js';
import { netRoutesProbe } from '../../src/probes/net-routes.js';
import { emptySnapshot, type Reader, type ReadPattern } from '../../src/probes/reader.js';
import { listeningOn, tableInodes } from '../../src/runtime/network/index.js';

/** As read inside a lab container after `configure-eth0` (this kernel's own output, trimmed). */
const DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
  eth0:    1146      13    0    0    0     0          0         0      906      11    0    0    0     0       0          0
`;
const ROUTE = `Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
eth0	00000000	01007B0A	0003	0	0	0	00000000	0	0	0
eth0	00007B0A	00000000	0001	0	0	0	00FFFFFF	0	0	0
`;
const TRIE = `Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     |-- 10.123.0.0
        /24 link UNICAST
Local:
  +-- 0.0.0.0/0 3 0 5
     +-- 10.123.0.0/24 2 0 2
        |-- 10.123.0.2
           /32 host LOCAL
        |-- 10.123.0.255
           /32 link BROADCAST
     +-- 127.0.0.0/8 2 0 2
        |-- 127.0.0.1
           /32 host LOCAL
`;
const IGMP = `Idx	Device    : Count Querier	Group    Users Timer	Reporter
1	lo        :     1      V3
				010000E0     1 0:00000000		0
31	eth0      :     1      V3
				010000E0     1 0:00000000		0
`;
const ARP = `IP address       HW type     Flags       HW address            Mask     Device
10.123.0.3       0x1         0x2         9e:92:9d:a5:df:d1     *        eth0
10.123.0.9       0x1         0x0         00:00:00:00:00:00     *        eth0
`;

function fixtureReader(files: Record<string, string>): Reader {
  return {
    side: 'container',
    async read(patterns: readonly ReadPattern[]) {
      const snap = emptySnapshot();
      for (const p of patterns) {
        const match = new RegExp(`^${p.path.replace(/\*/g, '[^/]+')}$`);
        for (const [path, text] of Object.entries(files)) if (match.test(path)) snap.files.set(path, text);
      }
      return snap;
    },
  };
}

describe('procfs network parsers', () => {
  it('reads interfaces, routes, addresses, neighbours and up links', () => {
    expect(parseNetDev(DEV)).toEqual([
      { name: 'lo', rxPackets: 0, txPackets: 0 },
      { name: 'eth0', rxPackets: 13, txPackets: 11 },
    ]);
    expect(hexToIpv4('01007B0A')).toBe('10.123.0.1');
    const routes = parseRoutes(ROUTE);
    expect(routes).toEqual([
      { iface: 'eth0', destination: '0.0.0.0', gateway: '10.123.0.1', prefix: 0 },
      { iface: 'eth0', destination: '10.123.0.0', gateway: '0.0.0.0', prefix: 24 },
    ]);
    expect(parseLocalAddresses(TRIE)).toEqual(['10.123.0.2', '127.0.0.1']);
    expect(addressOwner('10.123.0.2', routes)).toEqual({ iface: 'eth0', prefix: 24 });
    expect(addressOwner('127.0.0.1', routes)).toEqual({ iface: 'lo', prefix: 8 });
    // The second entry has flags 0x0: asked with ARP, never answered (`ip neigh` lists it as FAILED).
    expect(parseArp(ARP)).toEqual([
      { ip: '10.123.0.3', mac: '9e:92:9d:a5:df:d1', iface: 'eth0' },
      { ip: '10.123.0.9', iface: 'eth0' },
    ]);
    expect([...parseIgmp(IGMP)]).toEqual([
      ['lo', 1],
      ['eth0', 31],
    ]);
  });

  it('finds LISTEN sockets in tcp and tcp6 by port', () => {
    const tcp6 =
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0\n';
    expect([...tableInodes(tcp6).keys()]).toEqual(['4242']);
    expect(listeningOn(999999999, 80, '/nonexistent')).toBe(false);
  });
});

describe('network probes on a fixture reader', () => {
  const files = {
    '/proc/net/dev': DEV,
    '/proc/net/route': ROUTE,
    '/proc/net/fib_trie': TRIE,
    '/proc/net/igmp': IGMP,
    '/proc/net/arp': ARP,
  };

  it('net-interfaces: lo and eth0, up, with addresses; says why there is no peer index', async () => {
    const view = await netInterfacesProbe.run({ reader: fixtureReader(files), procRoot: '/proc', args: { links: 'all' } });
    expect(view.rows).toEqual([
      { key: 'lo', cells: ['lo', '#1', 'up', '127.0.0.1/8'] },
      { key: 'eth0', cells: ['eth0', '#31', 'up', '10.123.0.2/24'] },
    ]);
    expect(view.note).toMatch(/No sysfs here/);
  });

  it('net-interfaces: the peer index and state from sysfs when it is there', async () => {
    const view = await netInterfacesProbe.run({
      reader: fixtureReader({
        ...files,
        '/sys/class/net/eth0/ifindex': '31\n',
        '/sys/class/net/eth0/iflink': '32\n',
        '/sys/class/net/eth0/operstate': 'up\n',
      }),
      procRoot: '/proc',
      args: { links: 'all' },
    });
    expect(view.rows[1]).toEqual({ key: 'eth0', cells: ['eth0', '#31 peer #32', 'up', '10.123.0.2/24'] });
    expect(view.note).toBeUndefined();
  });

  it('net-routes: default via the bridge, the subnet on eth0, the neighbour', async () => {
    const view = await netRoutesProbe.run({ reader: fixtureReader(files), procRoot: '/proc', args: { show: ['routes', 'neighbours'] } });
    expect(view.rows.map((r) => r.cells.join(' '))).toEqual([
      'route default via 10.123.0.1 dev eth0',
      'route 10.123.0.0/24 dev eth0',
      'neighbour 10.123.0.3 9e:92:9d:a5:df:d1 dev eth0',
      'neighbour 10.123.0.9 no MAC address (ARP unanswered) dev eth0',
    ]);
    expect(view.note).toBeUndefined();
    expect(view.title).toBe('/proc/net/route, /proc/net/arp');
  });

  it('net-routes: an empty neighbour table says nothing about routes; an unanswered ARP entry is listed', async () => {
    const header = ARP.split('\n')[0];
    const none = await netRoutesProbe.run({
      reader: fixtureReader({ ...files, '/proc/net/arp': `${header}\n` }),
      procRoot: '/proc',
      args: { show: ['neighbours'] },
    });
    expect(none.title).toBe('/proc/net/arp');
    expect(none.rows).toEqual([]);
    expect(none.note).toBe('No neighbours: no IPv4 address has been resolved with ARP here yet.');
    const both = await netRoutesProbe.run({
      reader: fixtureReader({ ...files, '/proc/net/arp': `${header}\n` }),
      procRoot: '/proc',
      args: { show: ['routes', 'neighbours'] },
    });
    expect(both.rows.length).toBe(2);
    expect(both.note).not.toMatch(/routes/i);
    // Flags 0x0: the kernel asked and nobody answered (INCOMPLETE or FAILED in `ip neigh`).
    const asked = `${header}\n10.123.0.250     0x1         0x0         00:00:00:00:00:00     *        eth0\n`;
    expect(parseArp(asked)).toEqual([{ ip: '10.123.0.250', iface: 'eth0' }]);
    const view = await netRoutesProbe.run({
      reader: fixtureReader({ ...files, '/proc/net/arp': asked }),
      procRoot: '/proc',
      args: { show: ['neighbours'] },
    });
    expect(view.rows.map((r) => r.cells.join(' '))).toEqual(['neighbour 10.123.0.250 no MAC address (ARP unanswered) dev eth0']);
  });
});
