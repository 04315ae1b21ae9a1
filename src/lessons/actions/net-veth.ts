/**
 * The veth actions, one step of Docker's bridge driver each, and all of them at once:
 *   `add-veth`        ip link add <host end> type veth peer name <peer>     (both ends on the host)
 *   `move-veth`       ip link set <peer> netns <pid>; the host end joins the bridge and goes up
 *   `configure-eth0`  inside: rename to eth0, address, up (and lo), default route via the bridge
 *   `connect-container`  the three together, for a second container
 */
import { t } from '../../i18n/index.js';
import {
  addVethPair,
  attachContainer,
  configureContainerEnd,
  deleteLink,
  hostAddress,
  moveIntoContainer,
  parseCidr,
  settleOperstate,
  vethNames,
} from '../../runtime/network/index.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { bridgeAddress, labNet, netnsOf, pairOf } from './net-lab.js';
import { arg } from './words.js';

const containerArg = arg({ kind: 'name' }, 'actions.arg.container', { default: '' });
const hostArg = arg({ kind: 'integer', min: 2, max: 250 }, 'actions.net.arg.host');

async function subnetOrFail(ctx: ActionContext) {
  const net = labNet(ctx);
  const b = await bridgeAddress(net);
  if (!b) throw new Error(t('actions.net.no-bridge', { bridge: net.bridge }));
  return { net, gateway: b.address, prefix: b.prefix, subnet: parseCidr(`${b.address}/${b.prefix}`)! };
}

export const addVethAction: ActionDef = {
  name: 'add-veth',
  get summary() {
    return t('actions.add-veth.summary');
  },
  args: { container: containerArg },
  hostPrograms: [{ anyOf: ['ip'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const earlier = pairOf(net, c);
    if (earlier.ledgerId) await deleteLink(net.deps, earlier.host, earlier.ledgerId);
    const pair = await addVethPair(net.deps, net.prefix, c.id);
    return { ok: true, output: [t('actions.add-veth.made', { host: pair.host, peer: pair.peer })] };
  },
};

export const moveVethAction: ActionDef = {
  name: 'move-veth',
  get summary() {
    return t('actions.move-veth.summary');
  },
  args: { container: containerArg },
  hostPrograms: [{ anyOf: ['ip'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pair = pairOf(net, c);
    if (!pair.ledgerId) return { ok: false, output: [], message: t('actions.net.no-pair', { id: c.id }) };
    await moveIntoContainer(net.deps, { ...pair, ledgerId: pair.ledgerId }, netnsOf(c), net.bridge);
    await settleOperstate([pair.host]);
    return {
      ok: true,
      output: [t('actions.move-veth.moved', { peer: pair.peer, pid: c.pid, host: pair.host, bridge: net.bridge })],
    };
  },
};

export const configureEth0Action: ActionDef = {
  name: 'configure-eth0',
  get summary() {
    return t('actions.configure-eth0.summary');
  },
  args: { container: containerArg, host: hostArg },
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args) {
    const { net, gateway, prefix, subnet } = await subnetOrFail(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pair = pairOf(net, c);
    if (!pair.ledgerId) return { ok: false, output: [], message: t('actions.net.no-pair-short', { id: c.id }) };
    const address = hostAddress(subnet, Number(args.host));
    await configureContainerEnd(net.deps, { ...pair, ledgerId: pair.ledgerId }, netnsOf(c), address, prefix, gateway);
    // The host end has a carrier now, and the bridge gets one with it: the bridge's operstate
    // follows up to a second later (runtime/network/link-state.ts). The panes wait for it.
    await settleOperstate([pair.host]);
    return {
      ok: true,
      output: [t('actions.configure-eth0.done', { id: c.id, address: `${address}/${prefix}`, gateway, bridge: net.bridge })],
    };
  },
};

export const connectContainerAction: ActionDef = {
  name: 'connect-container',
  get summary() {
    return t('actions.connect-container.summary');
  },
  args: { container: containerArg, host: hostArg },
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args): Promise<ActionOutcome> {
    const { net, gateway, prefix, subnet } = await subnetOrFail(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const earlier = pairOf(net, c);
    if (earlier.ledgerId) await deleteLink(net.deps, earlier.host, earlier.ledgerId);
    const address = hostAddress(subnet, Number(args.host));
    const started = performance.now();
    await attachContainer(net.deps, {
      prefix: net.prefix,
      containerId: c.id,
      ns: netnsOf(c),
      bridge: net.bridge,
      address,
      subnetPrefix: prefix,
      gateway,
    });
    const ms = (performance.now() - started).toFixed(0);
    // After the timing: what the kernel defers is not the cost of connecting.
    await settleOperstate([vethNames(net.prefix, c.id).host]);
    return {
      ok: true,
      output: [t('actions.connect-container.done', { id: c.id, bridge: net.bridge, address: `${address}/${prefix}`, ms })],
    };
  },
};
