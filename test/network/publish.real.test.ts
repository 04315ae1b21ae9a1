/**
 * Real kernel, as root, with `nft`: the published-port rule sends a connection from
 * the host to the lab bridge's address on to a server in a namespace the test made; removing the
 * table removes the rule. No other traffic is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import {
  applyPublishRules, attachContainer, bridgeName, chooseLabSubnet, connectAndRead, createBridge, deleteLink,
  hostAddress, publishRules, readPublishTable, removePublishRules, type LabBridge,
} from '../../src/runtime/network/index.js';
import { describeTier } from '../helpers/tier.js';
import { labLinks, netnsNames, PREFIX, sh, tempLedger } from './helpers.js';

const NS = `${PREFIX}p1`;
const TABLE = `${PREFIX}_publish`;

describeTier('published port through nft', { root: true, programs: ['nft'] }, () => {
  const events: PrimitiveEvent[] = [];
  const { ledger, dir } = tempLedger();
  const deps = { ledger, emit: (e: PrimitiveEvent) => events.push(e) };
  let lab: LabBridge;
  let server: ChildProcess | undefined;
  let address = '';

  beforeAll(async () => {
    expect(labLinks()).toEqual([]);
    sh('ip', ['netns', 'add', NS]);
    const choice = await chooseLabSubnet(bridgeName(PREFIX), {});
    lab = await createBridge(deps, bridgeName(PREFIX), choice.subnet, choice.gateway);
    address = hostAddress(lab.subnet, 2);
    await attachContainer(deps, { prefix: PREFIX, containerId: 'p1', ns: { kind: 'named', name: NS }, bridge: lab.name, address, subnetPrefix: lab.subnet.prefix, gateway: lab.gateway });
  });

  afterAll(async () => {
    server?.kill('SIGKILL');
    if (netnsNames().includes(NS)) sh('ip', ['netns', 'del', NS]);
    for (const r of ledger.entries().reverse()) {
      if (r.entry.kind === 'rule') await removePublishRules(deps, r.entry.table, r.id);
      if (r.entry.kind === 'link') await deleteLink(deps, r.entry.name, r.id);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    expect(labLinks()).toEqual([]);
    expect(await readPublishTable(TABLE)).toBeUndefined();
  });

  it('connects host → bridge address:8080 → container:80, then the rule is gone', async () => {
    server = spawn('ip', ['netns', 'exec', NS, 'busybox', 'nc', '-l', '-p', '80', '-e', 'echo', 'hello from the lab'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    const before = await connectAndRead(lab.gateway, 8080, 1000);
    expect(before.ok).toBe(false);
    expect(before.reply).toBe('ECONNREFUSED');

    const rules = publishRules({ table: TABLE, bridge: lab.name, gateway: lab.gateway, subnet: lab.subnet, hostPort: 8080, containerAddress: address, containerPort: 80 });
    const applied = await applyPublishRules(deps, TABLE, rules);
    expect(applied.applied).toBe(true);
    expect(ledger.entries().map((r) => r.entry)).toContainEqual({ kind: 'rule', family: 'nft', table: TABLE });
    expect(await readPublishTable(TABLE)).toContain(`dnat ip to ${address}:80`);

    const through = await connectAndRead(lab.gateway, 8080, 2000);
    expect(through).toMatchObject({ ok: true, reply: 'hello from the lab\n' });

    if (applied.applied) await removePublishRules(deps, TABLE, applied.ledgerId);
    expect(await readPublishTable(TABLE)).toBeUndefined();
    expect(events.filter((e) => e.name === 'nft').map((e) => e.args[0])).toEqual(['-f', 'delete']);
  });
});
