/**
 * Looking at the lab network as a whole, from live state:
 *   `show-forwarding`  what the bridge learned (`bridge fdb`: MAC → port) and each container's
 *                      neighbour table (`ip neigh`: IPv4 → MAC)
 *   `draw-topology`    the bridge, the veth pairs matched by interface index, the namespaces, the addresses
 */
import { t } from '../../i18n/index.js';
import { drawTopology, learnedMacs, readTopology, type ContainerNetns } from '../../runtime/network/index.js';
import type { ActionContext, ActionDef } from './action.js';
import { str } from './action.js';
import { labNet, netnsOf } from './net-lab.js';
import { arg } from './words.js';

const containersArg = arg({ kind: 'string' }, 'actions.arg.containers');

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
  get summary() {
    return t('actions.show-forwarding.summary');
  },
  args: { containers: containersArg },
  undo: 'reads-only',
  hostPrograms: [{ anyOf: ['ip'] }, { anyOf: ['bridge'] }, { anyOf: ['nsenter'] }],
  async run(ctx, args) {
    const topology = await topologyOf(
      ctx,
      str(args, 'containers')
        .split(/[\s,]+/)
        .filter(Boolean),
    );
    const output = [t('actions.show-forwarding.fdb', { bridge: topology.bridge?.name ?? t('actions.show-forwarding.no-bridge') })];
    const macs = learnedMacs(topology);
    for (const m of macs)
      output.push(
        `  ${m.container ? t('actions.show-forwarding.mac-of', { mac: m.mac, port: m.port, container: m.container }) : t('actions.show-forwarding.mac', { mac: m.mac, port: m.port })}`,
      );
    if (macs.length === 0) output.push(`  ${t('actions.show-forwarding.nothing')}`);
    for (const c of topology.containers) {
      output.push(t('actions.show-forwarding.neigh', { container: c.label }));
      for (const n of c.neighbours) output.push(`  ${n.dst} lladdr ${n.lladdr ?? '-'} ${(n.state ?? []).join(',')}`);
      if (c.neighbours.length === 0) output.push(`  ${t('actions.show-forwarding.empty')}`);
    }
    return { ok: true, output };
  },
};

export const drawTopologyAction: ActionDef = {
  name: 'draw-topology',
  get summary() {
    return t('actions.draw-topology.summary');
  },
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
