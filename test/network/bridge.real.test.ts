/**
 * Real kernel, as root: a bridge, two veth pairs into two network namespaces the test made (one
 * named, one held by a process like a container's PID 1), a ping between them, the live topology,
 * and nothing left afterwards. Packets only travel between these namespaces and the lab bridge.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import { RecordingKernel } from '../../src/kernel/recording.js';
import {
  addVethPair,
  attachContainer,
  bridgeName,
  chooseLabSubnet,
  createBridge,
  deleteLink,
  drawTopology,
  formatCidr,
  hostAddress,
  hostEndOf,
  learnedMacs,
  operstateSettled,
  readTopology,
  settleOperstate,
  type LabBridge,
  type NetnsRef,
  type VethPair,
} from '../../src/runtime/network/index.js';
import { hostReader } from '../../src/probes/host-reader.js';
import { netRoutesProbe } from '../../src/probes/net-routes.js';
import type { View } from '../../src/probes/view.js';
import { labPaths } from '../../src/runtime/paths.js';
import { teardown } from '../../src/runtime/teardown.js';
import { describeTier } from '../helpers/tier.js';
import { labLinks, netnsNames, PREFIX, sh, tempLedger, unnamedNetns, waitForOwnNetns } from './helpers.js';

const NAMED = `${PREFIX}n1`;

describeTier('bridge + veth on the real kernel', { root: true, programs: ['ping'] }, () => {
  const events: PrimitiveEvent[] = [];
  const { ledger, dir } = tempLedger();
  const deps = { ledger, emit: (e: PrimitiveEvent) => events.push(e) };
  const bridge = bridgeName(PREFIX);
  let holder: ChildProcess;
  let ns: { a: NetnsRef; b: NetnsRef };
  let lab: LabBridge;
  const pairs: VethPair[] = [];
  const addr = { a: '', b: '' };
  const attachMs: number[] = [];

  beforeAll(async () => {
    expect(labLinks(), 'links with the test prefix already exist; run the test on a clean host').toEqual([]);
    sh('ip', ['netns', 'add', NAMED]);
    holder = unnamedNetns();
    await waitForOwnNetns(holder.pid!);
    ns = { a: { kind: 'named', name: NAMED }, b: { kind: 'pid', pid: holder.pid! } };
  });

  afterAll(async () => {
    holder?.kill('SIGKILL');
    if (netnsNames().includes(NAMED)) sh('ip', ['netns', 'del', NAMED]);
    // Whatever is still in the ledger goes the way `container-lab cleanup` would take it.
    const paths = { ...labPaths({}), linkPrefix: PREFIX };
    for (const r of ledger.entries().reverse()) {
      await teardown(r.entry, { kernel: new RecordingKernel(), paths });
      ledger.remove(r.id);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    expect(labLinks()).toEqual([]);
    expect(netnsNames()).not.toContain(NAMED);
  });

  it('chooses a subnet no host route overlaps, and builds the bridge', async () => {
    const choice = await chooseLabSubnet(bridge, {});
    expect(choice.reason).toMatch(/^chose \d+\.\d+\.\d+\.\d+\/\d+ because/);
    lab = await createBridge(deps, bridge, choice.subnet, choice.gateway);
    expect(ledger.entries().map((r) => r.entry)).toContainEqual({ kind: 'link', name: bridge });
    const shown = JSON.parse(sh('ip', ['-json', '-details', 'addr', 'show', 'dev', bridge]))[0];
    expect(shown.linkinfo.info_kind).toBe('bridge');
    expect(shown.addr_info.map((a: { local: string }) => a.local)).toContain(choice.gateway);
    // One ip process for the three changes.
    expect(events[0]).toMatchObject({
      kind: 'spawn',
      name: 'ip',
      args: [
        '-batch',
        '-',
        `link add name ${bridge} type bridge;`,
        `addr add ${choice.gateway}/${choice.subnet.prefix} dev ${bridge};`,
        `link set ${bridge} up`,
      ],
      ok: true,
    });
  });

  it('attaches each namespace with a veth pair, eth0, an address and a default route', async () => {
    addr.a = hostAddress(lab.subnet, 2);
    addr.b = hostAddress(lab.subnet, 3);
    for (const [id, ref, address] of [
      ['n1', ns.a, addr.a],
      ['n2', ns.b, addr.b],
    ] as const) {
      const t0 = performance.now();
      pairs.push(
        await attachContainer(deps, {
          prefix: PREFIX,
          containerId: id,
          ns: ref,
          bridge,
          address,
          subnetPrefix: lab.subnet.prefix,
          gateway: lab.gateway,
        }),
      );
      attachMs.push(performance.now() - t0);
    }
    expect(ledger.entries().map((r) => r.entry)).toEqual([
      { kind: 'link', name: bridge },
      { kind: 'link', name: `${PREFIX}vn1` },
      { kind: 'link', name: `${PREFIX}vn2` },
    ]);
    const inside = JSON.parse(sh('nsenter', ['-t', String(holder.pid), '-n', 'ip', '-json', 'route']));
    expect(inside).toContainEqual(expect.objectContaining({ dst: 'default', gateway: lab.gateway, dev: 'eth0' }));
    // One event per process: the bridge's batch, then per container one batch on the host (the pair
    // born with its inside end in the namespace as eth0, so nothing moves) and one batch inside.
    const batches = events.filter((e) => e.args.includes('-batch'));
    expect(batches.length).toBe(1 + 2 * 2);
    expect(batches.filter((e) => e.args.some((a) => /^link add \S+ type veth peer name eth0 netns \S+;$/.test(a))).length).toBe(2);
    expect(events.some((e) => e.args.some((a) => /^link set \S+ netns /.test(a)))).toBe(false);
    expect(events.find((e) => e.name === 'nsenter')?.args.slice(0, 4)).toEqual(['-t', String(holder.pid), '-n', 'ip']);
    console.log(`attach per container: ${attachMs.map((m) => m.toFixed(1)).join(' ms, ')} ms`);
  });

  it('waits for operstate: the bridge reads up once its ports have a carrier, as `ip -json link` then says', async () => {
    // Right after the attach, linkwatch may not yet have written the bridge's new state (it
    // applies a bridge's change at most once a second): settleOperstate waits for it.
    const waited = await settleOperstate(pairs.map((p) => p.host));
    for (const link of [bridge, ...pairs.map((p) => p.host)]) {
      expect(operstateSettled(link), link).toBe(true);
      expect(fs.readFileSync(`/sys/class/net/${link}/operstate`, 'utf8').trim(), link).toBe('up');
    }
    // The independent witness: iproute2's own reading of the bridge.
    expect(JSON.parse(sh('ip', ['-json', 'link', 'show', 'dev', bridge]))[0].operstate).toBe('UP');
    console.log(`operstate settled after ${waited.toFixed(0)} ms`);
  });

  it('net-routes shows what `ip -json route` and `ip -4 -json neigh` show inside the namespace', async () => {
    const pid = String(holder.pid);
    const ipJson = (what: string[]) =>
      JSON.parse(sh('nsenter', ['-t', pid, '-n', 'ip', '-4', '-json', ...what])) as Array<Record<string, string>>;
    const read = () => netRoutesProbe.run({ reader: hostReader(), procRoot: `/proc/${pid}`, args: { show: ['routes', 'neighbours'] } });
    const cells = (view: View, kind: string) =>
      view.rows
        .filter((r) => r.cells[0] === kind)
        .map((r) => r.cells.slice(1).join(' '))
        .sort();
    const routes = () =>
      ipJson(['route'])
        .map((r) => `${r.dst} ${r.gateway ? `via ${r.gateway} ` : ''}dev ${r.dev}`)
        .sort();
    const neighbours = () =>
      ipJson(['neigh'])
        .map((n) => `${n.dst} ${n.lladdr ?? 'no MAC address (ARP unanswered)'} dev ${n.dev}`)
        .sort();

    // Routes, no neighbours yet: the pane says exactly that.
    let view = await read();
    expect(cells(view, 'route')).toEqual(routes());
    expect(cells(view, 'route').length).toBeGreaterThanOrEqual(2);
    expect(neighbours()).toEqual([]);
    expect(view.note).toBe('No neighbours: no IPv4 address has been resolved with ARP here yet.');

    // One UDP datagram to the other namespace (ARP answered) and one to an address nobody holds
    // (never answered). Both stay on the lab bridge.
    const nobody = hostAddress(lab.subnet, 250);
    for (const to of [addr.a, nobody]) sh('nsenter', ['-t', pid, '-n', 'bash', '-c', `echo probe > /dev/udp/${to}/9`]);
    for (let i = 0; i < 100 && !neighbours().some((n) => n.startsWith(`${addr.a} `) && !n.includes('unanswered')); i++)
      await new Promise((r) => setTimeout(r, 10));
    view = await read();
    expect(cells(view, 'neighbour')).toEqual(neighbours());
    expect(cells(view, 'neighbour').some((n) => n.startsWith(`${nobody} no MAC address`))).toBe(true);
    expect(view.note).toBeUndefined();
  });

  it('the two namespaces ping each other across the bridge', () => {
    const hostEnd = () => JSON.parse(sh('ip', ['-json', '-s', 'link', 'show', 'dev', `${PREFIX}vn1`]))[0].stats64.rx.packets as number;
    const before = hostEnd();
    const out = sh('ip', ['netns', 'exec', NAMED, 'ping', '-c', '3', '-i', '0.2', '-W', '1', addr.b]);
    expect(out).toMatch(/3 packets transmitted, 3 received/);
    const back = sh('nsenter', ['-t', String(holder.pid), '-n', 'ping', '-c', '1', '-W', '1', addr.a]);
    expect(back).toMatch(/1 received/);
    // The echo requests crossed the lab's own veth (its host end received them).
    expect(hostEnd() - before).toBeGreaterThanOrEqual(3);
    // And the route to the peer is the lab link, not the host's way out.
    expect(sh('ip', ['-n', NAMED, 'route', 'get', addr.b])).toMatch(new RegExp(`${addr.b.replace(/\./g, '\\.')} dev eth0 src`));
  });

  it('reads the live topology: fdb, neighbours, peer indexes, and draws it', async () => {
    const t = await readTopology(PREFIX, bridge, [
      { label: 'n1', ns: ns.a },
      { label: 'n2', ns: ns.b, pid: holder.pid! },
    ]);
    expect(t.bridge?.addresses).toEqual([`${lab.gateway}/${lab.subnet.prefix}`]);
    for (const c of t.containers) {
      const eth0 = c.links.find((l) => l.name === 'eth0')!;
      expect(hostEndOf(t, eth0)?.name).toBe(`${PREFIX}v${c.label}`);
    }
    const macs = learnedMacs(t);
    expect(macs.map((m) => m.container).sort()).toEqual(['n1', 'n2']);
    expect(t.containers[0]!.neighbours.map((n) => n.dst)).toContain(addr.b);
    const picture = drawTopology(t, 80);
    expect(picture).toContain(`${bridge} bridge`);
    expect(picture).toContain(`n2 pid ${holder.pid}`);
    expect(picture).toContain(`${addr.a}/${lab.subnet.prefix}`);
    // Record the real answers as fixtures for the pure diagram test.
    if (process.env.CLAB_WRITE_FIXTURES)
      fs.writeFileSync(
        new URL('./fixtures/topology-live.json', import.meta.url),
        JSON.stringify({ subnet: formatCidr(lab.subnet), topology: t }, null, 1),
      );
  });

  it('refuses to make (or record) a link whose name is already taken, and leaves that link alone', async () => {
    // A look-alike the lab did not make.
    sh('ip', ['link', 'add', `${PREFIX}vdecoy`, 'type', 'veth', 'peer', 'name', `${PREFIX}pdecoy`]);
    try {
      const before = ledger.entries().length;
      await expect(addVethPair(deps, PREFIX, 'decoy')).rejects.toThrow(/already exists on this host, and the lab did not make it/);
      expect(ledger.entries().length).toBe(before);
      expect(labLinks()).toContain(`${PREFIX}vdecoy`);
    } finally {
      sh('ip', ['link', 'del', `${PREFIX}vdecoy`]);
    }
  });

  it('deletes a veth pair by its host end, and forgets it', async () => {
    const pair = pairs[0]!;
    await deleteLink(deps, pair.host, pair.ledgerId);
    expect(labLinks()).not.toContain(pair.host);
    expect(sh('ip', ['-n', NAMED, '-o', 'link'])).not.toMatch(/eth0/);
    expect(ledger.entries().map((r) => r.entry)).not.toContainEqual({ kind: 'link', name: pair.host });
  });
});
