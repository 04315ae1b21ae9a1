import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTopology, drawTopology, hostEndOf, learnedMacs, type Topology } from '../../src/runtime/network/index.js';

/** Recorded from the real-kernel test (CLAB_WRITE_FIXTURES=1): the kernel's own answers. */
const live = JSON.parse(fs.readFileSync(new URL('./fixtures/topology-live.json', import.meta.url), 'utf8')) as {
  subnet: string;
  topology: Topology;
};

describe('drawTopology', () => {
  it('draws the host box, one box per namespace, and a wire where the peer indexes match', () => {
    const text = drawTopology(live.topology, 80);
    if (process.env.CLAB_SHOW) console.log(text);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\+- host -+\+$/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(text).toMatch(/\| clab\w*0 bridge #\d+ \d+\.\d+\.\d+\.\d+\/24 UP/);
    expect(text).toMatch(/\+- clab\w*vn1 #\d+ <-> peer #\d+ UP/);
    expect(text).toMatch(/eth0 #\d+ <-> #\d+ UP/);
    expect(lines.filter((l) => /^\s+\|\s+\|$/.test(l))).toHaveLength(1);
  });

  it('stacks the namespaces when they do not fit side by side', () => {
    const text = drawTopology(live.topology, 40);
    if (process.env.CLAB_SHOW) console.log(text);
    expect(text.split('\n').filter((l) => l === '    |')).toHaveLength(2);
  });

  it('draws a namespace with only lo, and no wire, before the veth arrives', () => {
    const t = buildTopology({
      linkPrefix: 'clab',
      bridgeName: 'clab0',
      host: {
        links: [
          {
            ifindex: 4,
            ifname: 'clab0',
            flags: ['UP'],
            operstate: 'DOWN',
            linkinfo: { info_kind: 'bridge' },
            addr_info: [{ family: 'inet', local: '10.123.0.1', prefixlen: 24 }],
          },
          { ifindex: 2, ifname: 'eth0' },
        ],
        neighbours: [],
      },
      containers: [{ label: 'c1', pid: 42, links: [{ ifindex: 1, ifname: 'lo', flags: ['LOOPBACK'], operstate: 'DOWN' }], neighbours: [] }],
      fdb: [],
    });
    const text = drawTopology(t);
    expect(text).not.toContain('eth0 #2');
    expect(text).toContain('clab0 bridge #4 10.123.0.1/24 UP, no carrier');
    expect(text).toContain('lo #1 DOWN');
    expect(text.split('\n').filter((l) => l.trim() === '|')).toEqual([]);
  });
});

describe('topology helpers', () => {
  it('pairs veth ends by both interface numbers', () => {
    const t = live.topology;
    const pairs = t.containers.map((c) => {
      const eth0 = c.links.find((l) => l.name === 'eth0')!;
      const host = hostEndOf(t, eth0);
      return `${c.label} eth0 #${eth0.ifindex} = ${host?.name} #${host?.ifindex}`;
    });
    expect(pairs).toEqual(['n1 eth0 #13 = clab6vn1 #14', 'n2 eth0 #15 = clab6vn2 #16']);
    // One number matching is not a pair: n1's eth0 names #14 as its peer, but #14 names #13.
    const eth0 = t.containers[0]!.links.find((l) => l.name === 'eth0')!;
    expect(hostEndOf(t, { ...eth0, ifindex: 99 })).toBeUndefined();
  });
  it('lists the MACs the bridge learned, with their owners', () => {
    const macs = learnedMacs(live.topology);
    expect(macs.length).toBeGreaterThanOrEqual(2);
    expect(macs.every((m) => m.port.includes('vn'))).toBe(true);
  });
});
