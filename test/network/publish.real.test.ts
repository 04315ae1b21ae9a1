/**
 * Real kernel, as root, with each tool the lab can publish a port with (`nft`, and `iptables` as
 * where a host has no nft): the rule sends a connection from the host to the lab bridge's address on
 * to a server in a namespace the test made; removing it leaves nothing of the lab's, and every
 * look-alike table, chain and rule planted around it exactly as it was. No other traffic is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';
import {
  applyPublishRules,
  attachContainer,
  bridgeName,
  chooseLabSubnet,
  connectAndRead,
  createBridge,
  deleteLink,
  dropPublishRules,
  hostAddress,
  publishRules,
  readPublishRules,
  removePublishRules,
  type LabBridge,
  type PublishBackend,
} from '../../src/runtime/network/index.js';
import { describeTier } from '../helpers/tier.js';
import { labLinks, netnsNames, PREFIX, sh, tempLedger } from './helpers.js';

const NS = `${PREFIX}p1`;
const NAME = `${PREFIX}_publish`;

function has(tool: string): boolean {
  try {
    sh(tool, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** What the kernel's netfilter holds, as each tool prints it (the lab's rules must be gone, the decoys intact). */
function netfilterState(): { nft: string; iptables: string } {
  return { nft: has('nft') ? sh('nft', ['list', 'ruleset']) : '', iptables: has('iptables') ? sh('iptables', ['-t', 'nat', '-S']) : '' };
}

/**
 * Look-alikes the lab must leave alone: a chain named with its prefix, a rule in nat OUTPUT right
 * where the lab's jump goes, and (with nft) tables named like its own.
 */
function plantDecoys(): () => void {
  const undo: Array<() => void> = [];
  if (has('iptables')) {
    sh('iptables', ['-t', 'nat', '-N', `${PREFIX}_decoy`]);
    sh('iptables', ['-t', 'nat', '-A', `${PREFIX}_decoy`, '-d', '192.0.2.1/32', '-j', 'RETURN']);
    sh('iptables', ['-t', 'nat', '-A', 'OUTPUT', '-d', '192.0.2.1/32', '-j', `${PREFIX}_decoy`]);
    undo.push(() => {
      sh('iptables', ['-t', 'nat', '-D', 'OUTPUT', '-d', '192.0.2.1/32', '-j', `${PREFIX}_decoy`]);
      sh('iptables', ['-t', 'nat', '-F', `${PREFIX}_decoy`]);
      sh('iptables', ['-t', 'nat', '-X', `${PREFIX}_decoy`]);
    });
  }
  if (has('nft')) {
    for (const table of [`${PREFIX}_decoy`, `x${PREFIX}_publish`]) {
      sh('nft', ['add', 'table', 'inet', table]);
      undo.push(() => sh('nft', ['delete', 'table', 'inet', table]));
    }
    sh('nft', ['add', 'chain', 'inet', `${PREFIX}_decoy`, 'keep', '{ type filter hook output priority 0 ; policy accept ; }']);
    sh('nft', ['add', 'rule', 'inet', `${PREFIX}_decoy`, 'keep', 'ip daddr 192.0.2.1 counter']);
  }
  return () => {
    for (const fn of undo.reverse()) fn();
  };
}

describeTier('published port (real kernel)', { root: true, programs: ['busybox'] }, () => {
  const events: PrimitiveEvent[] = [];
  const { ledger, dir } = tempLedger();
  const deps = { ledger, emit: (e: PrimitiveEvent) => events.push(e) };
  let lab: LabBridge;
  let address = '';
  let removeDecoys = () => {};
  /** The rules for host port 8080 → the namespace's port 80, on this run's bridge. */
  const labRules = () =>
    publishRules({
      name: NAME,
      bridge: lab.name,
      gateway: lab.gateway,
      subnet: lab.subnet,
      hostPort: 8080,
      containerAddress: address,
      containerPort: 80,
    });

  beforeAll(async () => {
    expect(labLinks()).toEqual([]);
    sh('ip', ['netns', 'add', NS]);
    const choice = await chooseLabSubnet(bridgeName(PREFIX), {});
    lab = await createBridge(deps, bridgeName(PREFIX), choice.subnet, choice.gateway);
    address = hostAddress(lab.subnet, 2);
    await attachContainer(deps, {
      prefix: PREFIX,
      containerId: 'p1',
      ns: { kind: 'named', name: NS },
      bridge: lab.name,
      address,
      subnetPrefix: lab.subnet.prefix,
      gateway: lab.gateway,
    });
    removeDecoys = plantDecoys();
  });

  afterAll(async () => {
    if (netnsNames().includes(NS)) sh('ip', ['netns', 'del', NS]);
    for (const r of ledger.entries().reverse()) {
      if (r.entry.kind === 'rule') await dropPublishRules(r.entry);
      if (r.entry.kind === 'link') await deleteLink(deps, r.entry.name, r.id);
    }
    removeDecoys();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(labLinks()).toEqual([]);
    const left = netfilterState();
    expect(`${left.nft}\n${left.iptables}`).not.toContain(PREFIX);
  });

  for (const backend of ['nft', 'iptables'] as const satisfies readonly PublishBackend[]) {
    describeTier(`with ${backend}`, { programs: [backend] }, () => {
      it(`connects host → bridge address:8080 → container:80 with ${backend}; then nothing of the lab's is left, and the rest is as it was`, async () => {
        events.length = 0;
        const before = netfilterState();
        let server: ChildProcess | undefined;
        try {
          server = spawn('ip', ['netns', 'exec', NS, 'busybox', 'nc', '-l', '-p', '80', '-e', 'echo', 'hello from the lab'], {
            stdio: 'ignore',
          });
          await new Promise((r) => setTimeout(r, 200));
          const refused = await connectAndRead(lab.gateway, 8080, 1000);
          expect(refused).toMatchObject({ ok: false, reply: 'ECONNREFUSED' });

          const rules = labRules();
          const applied = await applyPublishRules(deps, backend, NAME, rules);
          expect(ledger.entries().map((r) => r.entry)).toContainEqual(
            backend === 'nft'
              ? { kind: 'rule', family: 'nft', table: NAME }
              : { kind: 'rule', family: 'iptables', table: 'nat', chain: NAME },
          );
          const held = await readPublishRules(backend, NAME);
          expect(held).toContain(backend === 'nft' ? `dnat ip to ${address}:80` : `to:${address}:80`);
          if (backend === 'iptables') expect(sh('iptables', ['-t', 'nat', '-S', 'OUTPUT'])).toContain(`-A OUTPUT -j ${NAME}`);

          const through = await connectAndRead(lab.gateway, 8080, 2000);
          expect(through).toMatchObject({ ok: true, reply: 'hello from the lab\n' });

          await removePublishRules(deps, applied);
          expect(await readPublishRules(backend, NAME)).toBeUndefined();
          expect(ledger.entries().filter((r) => r.entry.kind === 'rule')).toEqual([]);
          expect(events.filter((e) => e.name === backend).map((e) => e.args.slice(0, 4).join(' '))).toEqual(
            backend === 'nft'
              ? [
                  "-f - <<< 'table inet " +
                    NAME +
                    ' { chain output { type nat hook output priority -100; policy accept; ip daddr ' +
                    lab.gateway +
                    ' tcp dport 8080 dnat ip to ' +
                    address +
                    ":80 } }'",
                  'delete table inet ' + NAME,
                ]
              : [
                  `-t nat -N ${NAME}`,
                  `-t nat -A ${NAME}`,
                  '-t nat -A OUTPUT',
                  '-t nat -D OUTPUT',
                  `-t nat -F ${NAME}`,
                  `-t nat -X ${NAME}`,
                ],
          );
          // Everything else as it was: the decoys, and whatever else the host holds.
          expect(netfilterState()).toEqual(before);
        } finally {
          server?.kill('SIGKILL');
        }
      });
    });
  }

  describeTier('with iptables, after a crash', { programs: ['iptables'] }, () => {
    it('teardown removes only the ledgered chain and its jump', async () => {
      const before = netfilterState();
      const rules = labRules();
      const applied = await applyPublishRules(deps, 'iptables', NAME, rules);
      // A crash leaves the entry; the next start hands it to teardown, which reports nothing.
      const entry = ledger.entries().find((r) => r.id === applied.ledgerId)!.entry;
      expect(entry.kind === 'rule' && (await dropPublishRules(entry))).toBe(true);
      ledger.remove(applied.ledgerId);
      expect(entry.kind === 'rule' && (await dropPublishRules(entry))).toBe(false);
      expect(netfilterState()).toEqual(before);
    });
  });
});
