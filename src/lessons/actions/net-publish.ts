/**
 * `publish-port`: what `docker run -p 8080:80` adds, shown as Docker's iptables rules, and applied
 * by the lab in its own nft table only so that the host's connection to the bridge address reaches
 * a server in the container. The lab connects once, shows the reply, and removes the table.
 * Without `nft` the rules are shown and not applied, and the step says so.
 */
import { applyPublishRules, connectAndRead, listeningOn, parseCidr, publishRules, removePublishRules } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { bridgeAddress, eth0Address, labNet } from './net-lab.js';

export const publishPortAction: ActionDef = {
  name: 'publish-port',
  summary: "Shows Docker's DNAT/MASQUERADE rules for a published port; applies a DNAT limited to host → lab (if nft exists), connects once, removes it.",
  args: {
    container: { type: { kind: 'name' }, default: '', doc: 'the container whose port is published' },
    hostPort: { type: { kind: 'integer', min: 1024, max: 65535 }, default: 8080, doc: 'the port on the host' },
    containerPort: { type: { kind: 'integer', min: 1, max: 65535 }, default: 80, doc: 'the port inside the container' },
  },
  hostPrograms: [{ anyOf: ['nft', 'iptables'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const [b, address] = await Promise.all([bridgeAddress(net), eth0Address(c)]);
    if (!b || !address) return { ok: false, output: [], message: 'The container is not on the lab bridge yet: run the earlier steps first.' };
    const hostPort = Number(args.hostPort);
    const containerPort = Number(args.containerPort);
    const table = `${net.prefix}_publish`;
    const rules = publishRules({ table, bridge: net.bridge, gateway: b.address, subnet: parseCidr(`${b.address}/${b.prefix}`)!, hostPort, containerAddress: address, containerPort });
    const output = ['Docker would add (iptables):', ...rules.docker.map((r) => `  ${r}`), 'The lab applies (nft):', ...rules.nft.trimEnd().split('\n').map((l) => `  ${l}`)];
    for (const n of rules.notApplied) output.push(`Not applied: ${n.rule}  (${n.why})`);

    // The server starts inside while the rules go in on the host.
    const [server, applied] = await Promise.all([
      ctx.runtime.spawn(c, ['nc', '-l', '-p', String(containerPort), '-e', 'echo', `hello from ${c.id}`], { signal: ctx.signal }),
      applyPublishRules(net.deps, table, rules),
    ]);
    try {
      for (let i = 0; i < 200 && !listeningOn(server.hostPid, containerPort, ctx.procRoot); i++) await ctx.sleep(5);
      if (!applied.applied) {
        output.push(applied.reason);
        const direct = await connectAndRead(address, containerPort, 2000);
        output.push(`Without the rule, the host reaches the container at its own address: ${address}:${containerPort} answered "${direct.reply.trim()}"`);
        return { ok: direct.ok, output };
      }
      const through = await connectAndRead(b.address, hostPort, 2000);
      output.push(`host → ${b.address}:${hostPort} → DNAT → ${address}:${containerPort}: ${through.ok ? `"${through.reply.trim()}"` : through.reply}`);
      await removePublishRules(net.deps, table, applied.ledgerId);
      output.push(`table inet ${table} deleted: the published port is gone`);
      return through.ok ? { ok: true, output } : { ok: false, output, message: `The connection through the published port failed (${through.reply}).` };
    } finally {
      // nc ends by itself after one connection; then there is nothing left to stop.
      try {
        server.kill();
      } catch {
        // already gone
      }
    }
  },
};
