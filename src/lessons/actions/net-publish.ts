/**
 * `publish-port`: what `docker run -p 8080:80` adds, shown as Docker's iptables rules, and applied
 * by the lab in a table (nft) or chain (iptables, where this host has no nft) of its own, so that
 * the host's connection to the bridge address reaches a server in the container. The lab shows the
 * rule as the kernel holds it, connects once, shows the reply, and removes what it added.
 */
import { t } from '../../i18n/index.js';
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
import { arg } from './words.js';

export const publishPortAction: ActionDef = {
  name: 'publish-port',
  get summary() {
    return t('actions.publish-port.summary');
  },
  args: {
    container: arg({ kind: 'name' }, 'actions.publish-port.arg.container', { default: '' }),
    hostPort: arg({ kind: 'integer', min: 1024, max: 65535 }, 'actions.publish-port.arg.host-port', { default: 8080 }),
    containerPort: arg({ kind: 'integer', min: 1, max: 65535 }, 'actions.publish-port.arg.container-port', { default: 80 }),
  },
  hostPrograms: [{ anyOf: ['nft', 'iptables'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const [b, address, backend] = await Promise.all([bridgeAddress(net), eth0Address(c), publishBackend()]);
    if (!b || !address) return { ok: false, output: [], message: t('actions.publish-port.not-connected') };
    // The engine skips this step on a host with neither tool; this only guards a direct call.
    if (!backend) return { ok: false, output: [], message: t('actions.publish-port.no-tool') };
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
            t('actions.publish-port.applies-nft'),
            ...rules.nft
              .trimEnd()
              .split('\n')
              .map((l) => `  ${l}`),
          ]
        : [t('actions.publish-port.applies-iptables'), ...rules.iptables.map((a) => `  iptables ${a.join(' ')}`)];
    const output = [t('actions.publish-port.docker'), ...rules.docker.map((r) => `  ${r}`), ...applies];
    for (const n of rules.notApplied) output.push(t('actions.publish-port.not-applied', { rule: n.rule, why: n.why }));

    // The server starts inside while the rule goes in on the host.
    const starting = ctx.runtime.spawn(
      c,
      ['nc', '-l', '-p', String(containerPort), '-e', 'echo', t('actions.publish-port.hello', { id: c.id })],
      {
        signal: ctx.signal,
      },
    );
    starting.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    let applied: Applied | undefined;
    try {
      applied = await applyPublishRules(net.deps, backend, name, rules);
      const server = await starting;
      const held = await readPublishRules(backend, name);
      output.push(
        t('actions.publish-port.held', { command: backend === 'nft' ? `nft list table inet ${name}` : `iptables -t nat -L ${name} -n` }),
        ...(held ?? t('actions.publish-port.missing'))
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      );
      for (let i = 0; i < 200 && !listeningOn(server.hostPid, containerPort, ctx.procRoot); i++) await ctx.sleep(5);
      const through = await connectAndRead(b.address, hostPort, 2000);
      output.push(
        t('actions.publish-port.through', {
          from: `${b.address}:${hostPort}`,
          to: `${address}:${containerPort}`,
          reply: through.ok ? `"${through.reply.trim()}"` : through.reply,
        }),
      );
      const done = applied;
      applied = undefined;
      await removePublishRules(net.deps, done);
      output.push(
        backend === 'nft' ? t('actions.publish-port.table-deleted', { name }) : t('actions.publish-port.chain-deleted', { name }),
      );
      return through.ok ? { ok: true, output } : { ok: false, output, message: t('actions.publish-port.failed', { reply: through.reply }) };
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
