/**
 * Looking at the lab network as a whole, from live state:
 *   `show-forwarding`  what the bridge learned (`bridge fdb`: MAC → port) and each container's
 *                      neighbour table (`ip neigh`: IPv4 → MAC)
 *   `draw-topology`    the bridge, the veth pairs matched by interface index, the namespaces, the addresses
 */
import { drawTopology, learnedMacs, readTopology, type ContainerNetns } from '../../runtime/network/index.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';
import { labNet, netnsOf } from './net-lab.js';

const containersArg = { type: { kind: 'string' as const }, doc: 'the lesson containers to include, by name, separated by spaces' };

async function topologyOf(ctx: ActionContext, names: string[]) {
  const net = labNet(ctx);
  const containers: ContainerNetns[] = [];
  for (const name of names) {
    const c = ctx.container(name);
    if (c) containers.push({ label: ctx.containerName(name), ns: netnsOf(c), pid: c.pid });
  }
  return readTopology(net.prefix, net.bridge, containers);
}

export const showForwardingAction: ActionDef = {
  name: 'show-forwarding',
  summary: "Reads the bridge's forwarding table and each container's neighbour table (changes nothing).",
  args: { containers: containersArg },
  undo: 'reads-only',
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['bridge'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args) {
    const t = await topologyOf(
      ctx,
      str(args, 'containers')
        .split(/[\s,]+/)
        .filter(Boolean),
    );
    const output = [`bridge fdb show br ${t.bridge?.name ?? '(no bridge)'}   (learned entries)`];
    const macs = learnedMacs(t);
    for (const m of macs) output.push(`  ${m.mac} on port ${m.port}${m.container ? `   = eth0 of ${m.container}` : ''}`);
    if (macs.length === 0) output.push('  nothing learned yet: no frame has crossed the bridge');
    for (const c of t.containers) {
      output.push(`ip neigh (inside ${c.label})`);
      for (const n of c.neighbours) output.push(`  ${n.dst} lladdr ${n.lladdr ?? '-'} ${(n.state ?? []).join(',')}`);
      if (c.neighbours.length === 0) output.push('  empty');
    }
    return { ok: true, output };
  },
};

export const drawTopologyAction: ActionDef = {
  name: 'draw-topology',
  summary: 'Draws the lab network from live state: bridge, veth pairs by interface index, namespaces, addresses.',
  args: { containers: containersArg },
  undo: 'reads-only',
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['bridge'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args) {
    const t = await topologyOf(
      ctx,
      str(args, 'containers')
        .split(/[\s,]+/)
        .filter(Boolean),
    );
    return { ok: true, output: drawTopology(t, Math.max(40, (process.stdout.columns ?? 80) - 4)).split('\n') };
  },
};
