/**
 * `publish-port`: what `docker run -p 8080:80` adds, shown as Docker's iptables rules, and applied
 * by the lab in a table (nft) or chain (iptables, where this host has no nft) of its own, so that
 * the host's connection to the bridge address reaches a server in the container. The lab shows the
 * rule as the kernel holds it, connects once, shows the reply, and removes what it added.
 */
import {
  applyPublishRules,
  connectAndRead,
  listeningOn,
  parseCidr,
  publishBackend,
  publishRules,
  readPublishRules,
  removePublishRules,
} from '../../runtime/network/index.js';
import type { Applied } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { bridgeAddress, eth0Address, labNet } from './net-lab.js';

export const publishPortAction: ActionDef = {
  name: 'publish-port',
  summary:
    "Shows Docker's DNAT/MASQUERADE rules for a published port; applies a DNAT limited to host → lab (with nft, else iptables) in a table or chain of the lab's own, connects once, removes it.",
  args: {
    container: { type: { kind: 'name' }, default: '', doc: 'the container whose port is published' },
    hostPort: { type: { kind: 'integer', min: 1024, max: 65535 }, default: 8080, doc: 'the port on the host' },
    containerPort: { type: { kind: 'integer', min: 1, max: 65535 }, default: 80, doc: 'the port inside the container' },
  },
  hostPrograms: [{ anyOf: ['nft', 'iptables'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const [b, address, backend] = await Promise.all([bridgeAddress(net), eth0Address(c), publishBackend()]);
    if (!b || !address)
      return { ok: false, output: [], message: 'The container is not on the lab bridge yet: run the earlier steps first.' };
    // The engine skips this step on a host with neither tool; this only guards a direct call.
    if (!backend)
      return { ok: false, output: [], message: 'Neither nft nor iptables is installed on this host, so the lab cannot publish a port.' };
    const hostPort = Number(args.hostPort);
    const containerPort = Number(args.containerPort);
    const name = `${net.prefix}_publish`;
    const rules = publishRules({
      name,
      bridge: net.bridge,
      gateway: b.address,
      subnet: parseCidr(`${b.address}/${b.prefix}`)!,
      hostPort,
      containerAddress: address,
      containerPort,
    });
    const applies =
      backend === 'nft'
        ? [
            'The lab applies (nft, in a table of its own):',
            ...rules.nft
              .trimEnd()
              .split('\n')
              .map((l) => `  ${l}`),
          ]
        : [
            'The lab applies (iptables, in a chain of its own; this host has no nft):',
            ...rules.iptables.map((a) => `  iptables ${a.join(' ')}`),
          ];
    const output = ['Docker would add (iptables):', ...rules.docker.map((r) => `  ${r}`), ...applies];
    for (const n of rules.notApplied) output.push(`Not applied: ${n.rule}  (${n.why})`);

    // The server starts inside while the rule goes in on the host.
    const starting = ctx.runtime.spawn(c, ['nc', '-l', '-p', String(containerPort), '-e', 'echo', `hello from ${c.id}`], {
      signal: ctx.signal,
    });
    starting.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    let applied: Applied | undefined;
    try {
      applied = await applyPublishRules(net.deps, backend, name, rules);
      const server = await starting;
      const held = await readPublishRules(backend, name);
      output.push(
        `The kernel now holds (${backend === 'nft' ? `nft list table inet ${name}` : `iptables -t nat -L ${name} -n`}):`,
        ...(held ?? '(nothing: the rule is missing)')
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      );
      for (let i = 0; i < 200 && !listeningOn(server.hostPid, containerPort, ctx.procRoot); i++) await ctx.sleep(5);
      const through = await connectAndRead(b.address, hostPort, 2000);
      output.push(
        `host → ${b.address}:${hostPort} → DNAT → ${address}:${containerPort}: ${through.ok ? `"${through.reply.trim()}"` : through.reply}`,
      );
      const done = applied;
      applied = undefined;
      await removePublishRules(net.deps, done);
      output.push(
        backend === 'nft'
          ? `table inet ${name} deleted: the published port is gone`
          : `chain ${name} and the jump to it deleted: the published port is gone`,
      );
      return through.ok
        ? { ok: true, output }
        : { ok: false, output, message: `The connection through the published port failed (${through.reply}).` };
    } finally {
      // On a failure above, the rule still goes now (the ledger would remove it at exit anyway).
      if (applied) await removePublishRules(net.deps, applied).catch(() => undefined);
      // nc ends by itself after one connection; then there is nothing left to stop.
      try {
        (await starting.catch(() => undefined))?.kill();
      } catch {
        // already gone
      }
    }
  },
};
