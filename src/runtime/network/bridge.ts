/**
 * The lab bridge: a virtual switch in the host's network namespace, like `docker0`.
 *
 * A Linux bridge forwards Ethernet frames between the links attached to it ("ports") and learns
 * which MAC address sits behind which port (its forwarding database, `bridge fdb`). Given an
 * address of its own, it is also the host's door into the lab subnet and the containers' gateway.
 *   ip link add name clab0 type bridge
 *   ip addr add 10.123.0.1/24 dev clab0
 *   ip link set clab0 up
 * Docker's libnetwork does the same through netlink when the daemon starts.
 */
import { t } from '../../i18n/index.js';
import fs from 'node:fs';
import type { LedgerEntry } from '../ledger.js';
import { HOST } from './netns.js';
import { ip, ipBatch, NetworkCommandError, type NetworkContext } from './run.js';
import type { Cidr } from './subnet.js';

/** The part of the ledger the network code uses (the runtime's `Ledger` fits). */
export interface LedgerLike {
  add(entry: LedgerEntry): string;
  remove(id: string): void;
}

/** Network changes are reported and written to the ledger. */
export interface NetworkDeps extends NetworkContext {
  ledger: LedgerLike;
}

export interface LabBridge {
  name: string;
  subnet: Cidr;
  /** The bridge's own address, the containers' default gateway. */
  gateway: string;
  ledgerId: string;
}

/**
 * Runs `ip link add …` for a new link, written to the ledger just before it is made: a crash in
 * between can only leave a stale entry (which cleanup crosses off), never an unrecorded link. A
 * link of that name that is already there is refused first, so the ledger never names one the lab
 * did not make. Returns the ledger id.
 */
export async function addLink(deps: NetworkDeps, name: string, args: readonly string[]): Promise<string> {
  const ledgerId = reserveLink(deps, name);
  try {
    await ip(deps, HOST, ['link', 'add', ...args]);
  } catch (err) {
    deps.ledger.remove(ledgerId);
    throw err;
  }
  return ledgerId;
}

/**
 * Writes a new link's name to the ledger, before anything makes it; refuses a name that is already
 * taken on this host (the lab must never record, and later delete, a link it did not make).
 */
export function reserveLink(deps: NetworkDeps, name: string): string {
  // /sys/class/net lists the links of the host's network namespace: no process needed to look.
  if (fs.existsSync(`/sys/class/net/${name}`)) {
    throw new Error(t('runtime.net.link-exists', { name }));
  }
  return deps.ledger.add({ kind: 'link', name });
}

/** Creates, addresses and raises the bridge. It is in the ledger before it exists. */
export async function createBridge(deps: NetworkDeps, name: string, subnet: Cidr, gateway: string): Promise<LabBridge> {
  const ledgerId = reserveLink(deps, name);
  try {
    // One process for the three changes (each `ip` start costs a few milliseconds).
    await ipBatch(deps, HOST, [
      ['link', 'add', 'name', name, 'type', 'bridge'],
      ['addr', 'add', `${gateway}/${subnet.prefix}`, 'dev', name],
      ['link', 'set', name, 'up'],
    ]);
  } catch (err) {
    // The batch may have stopped after the bridge was made: delete it (or just forget the name).
    await deleteLink(deps, name, ledgerId);
    throw err;
  }
  return { name, subnet, gateway, ledgerId };
}

/**
 * Deletes a link the lab made and strikes it from the ledger. Deleting one end of a veth pair
 * deletes both; deleting a bridge leaves the links that were attached to it, unattached.
 */
export async function deleteLink(deps: NetworkDeps, name: string, ledgerId: string): Promise<void> {
  try {
    await ip(deps, HOST, ['link', 'del', name]);
  } catch (err) {
    // Already gone (a veth's host end disappears with the container's namespace): still forget it.
    if (!(err instanceof NetworkCommandError) || !(err.code === 'ENODEV' || /Cannot find device/.test(err.stderr))) throw err;
  }
  deps.ledger.remove(ledgerId);
}
