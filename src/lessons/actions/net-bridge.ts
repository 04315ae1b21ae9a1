/**
 * `create-bridge`: makes the lab bridge (like `docker0`) with the first address of a subnet that
 * no host route overlaps. A bridge left from an earlier run of the step is deleted first, so the
 * step always shows the whole sequence.
 */
import { t } from '../../i18n/index.js';
import { chooseLabSubnet, createBridge, deleteLink, formatCidr, linkExists, settleOperstate } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { labNet, ledgerIdOf } from './net-lab.js';

export const createBridgeAction: ActionDef = {
  name: 'create-bridge',
  get summary() {
    return t('actions.create-bridge.summary');
  },
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
        message: t('actions.create-bridge.taken', { bridge: net.bridge }),
      };
    }
    const b = await createBridge(net.deps, net.bridge, choice.subnet, choice.gateway);
    // The panes are read next: let a new bridge's `unknown` become the `down` the kernel is about
    // to write (runtime/network/link-state.ts).
    await settleOperstate([b.name]);
    return {
      ok: true,
      output: [
        t('actions.create-bridge.subnet', { reason: choice.reason }),
        t('actions.create-bridge.up', { bridge: b.name, address: `${b.gateway}/${b.subnet.prefix}`, subnet: formatCidr(b.subnet) }),
      ],
    };
  },
};
