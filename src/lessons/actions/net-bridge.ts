/**
 * `create-bridge`: makes the lab bridge (like `docker0`) with the first address of a subnet that
 * no host route overlaps. A bridge left from an earlier run of the step is deleted first, so the
 * step always shows the whole sequence.
 */
import { chooseLabSubnet, createBridge, deleteLink, formatCidr, linkExists } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { labNet, ledgerIdOf } from './net-lab.js';

export const createBridgeAction: ActionDef = {
  name: 'create-bridge',
  summary: 'Creates the lab bridge on the host (named with the lab prefix), addressed from a subnet no host route uses.',
  args: {},
  hostPrograms: [{ anyOf: ['ip'] }],
  async run(ctx) {
    const net = labNet(ctx);
    const earlier = ledgerIdOf(net.ledger, net.bridge);
    // The subnet choice ignores the lab's own bridge, so it can be read while an earlier one goes.
    const [choice] = await Promise.all([chooseLabSubnet(net.bridge), earlier ? deleteLink(net.deps, net.bridge, earlier) : undefined]);
    if (!earlier && (await linkExists(net.bridge))) {
      return {
        ok: false,
        output: [],
        message: `A link named ${net.bridge} exists, and the lab did not make it. Set CONTAINER_LAB_LINK_PREFIX to another prefix, or remove that link yourself.`,
      };
    }
    const b = await createBridge(net.deps, net.bridge, choice.subnet, choice.gateway);
    return {
      ok: true,
      output: [
        `subnet: ${choice.reason}`,
        `${b.name} is up with ${b.gateway}/${b.subnet.prefix}: the host's address in ${formatCidr(b.subnet)}, and the containers' gateway`,
      ],
    };
  },
};
