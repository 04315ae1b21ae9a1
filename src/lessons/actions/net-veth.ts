/**
 * The veth actions, one step of Docker's bridge driver each, and all of them at once:
 *   `add-veth`        ip link add <host end> type veth peer name <peer>     (both ends on the host)
 *   `move-veth`       ip link set <peer> netns <pid>; the host end joins the bridge and goes up
 *   `configure-eth0`  inside: rename to eth0, address, up (and lo), default route via the bridge
 *   `connect-container`  the three together, for a second container
 */
import {
  addVethPair,
  attachContainer,
  configureContainerEnd,
  deleteLink,
  hostAddress,
  moveIntoContainer,
  parseCidr,
} from '../../runtime/network/index.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { bridgeAddress, labNet, netnsOf, pairOf } from './net-lab.js';

const containerArg = { type: { kind: 'name' as const }, default: '', doc: 'which container (default: the first)' };
const hostArg = {
  type: { kind: 'integer' as const, min: 2, max: 250 },
  doc: "its address: this host number in the lab subnet (2 → x.y.z.2), as Docker's IPAM would hand out",
};

async function subnetOrFail(ctx: ActionContext) {
  const net = labNet(ctx);
  const b = await bridgeAddress(net);
  if (!b) throw new Error(`The bridge ${net.bridge} is not there yet: run the step that creates it first.`);
  return { net, gateway: b.address, prefix: b.prefix, subnet: parseCidr(`${b.address}/${b.prefix}`)! };
}

export const addVethAction: ActionDef = {
  name: 'add-veth',
  summary: 'Creates a veth pair for a container, both ends still on the host (recorded in the ledger).',
  args: { container: containerArg },
  hostPrograms: [{ anyOf: ['ip'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const earlier = pairOf(net, c);
    if (earlier.ledgerId) await deleteLink(net.deps, earlier.host, earlier.ledgerId);
    const pair = await addVethPair(net.deps, net.prefix, c.id);
    return { ok: true, output: [`${pair.host} and ${pair.peer} are the two ends of one cable, both on the host for now`] };
  },
};

export const moveVethAction: ActionDef = {
  name: 'move-veth',
  summary: "Moves a container's veth end into its network namespace and plugs the host end into the bridge.",
  args: { container: containerArg },
  hostPrograms: [{ anyOf: ['ip'] }],
  async run(ctx, args) {
    const net = labNet(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pair = pairOf(net, c);
    if (!pair.ledgerId)
      return { ok: false, output: [], message: `There is no veth pair for ${c.id} yet: run the step that creates it first.` };
    await moveIntoContainer(net.deps, { ...pair, ledgerId: pair.ledgerId }, netnsOf(c), net.bridge);
    return {
      ok: true,
      output: [`${pair.peer} now lives in the network namespace of PID ${c.pid}; ${pair.host} is a port of ${net.bridge}`],
    };
  },
};

export const configureEth0Action: ActionDef = {
  name: 'configure-eth0',
  summary: 'Inside the container: renames its veth end eth0, gives it an address, raises it and lo, adds the default route.',
  args: { container: containerArg, host: hostArg },
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args) {
    const { net, gateway, prefix, subnet } = await subnetOrFail(ctx);
    const c = await ctx.ensureContainer(str(args, 'container'));
    const pair = pairOf(net, c);
    if (!pair.ledgerId) return { ok: false, output: [], message: `There is no veth pair for ${c.id} yet.` };
    const address = hostAddress(subnet, Number(args.host));
    await configureContainerEnd(net.deps, { ...pair, ledgerId: pair.ledgerId }, netnsOf(c), address, prefix, gateway);
    return { ok: true, output: [`eth0 of ${c.id} has ${address}/${prefix}; its default route goes via ${gateway} (${net.bridge})`] };
  },
};

export const connectContainerAction: ActionDef = {
  name: 'connect-container',
  summary: 'Starts a container if needed and connects it to the bridge in one go (pair born inside as eth0, bridge, address, route).',
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
    return {
      ok: true,
      output: [
        `${c.id} is on ${net.bridge} as ${address}/${prefix}: 2 processes (ip -batch on the host, nsenter ip -batch inside), ${ms} ms`,
      ],
    };
  },
};
