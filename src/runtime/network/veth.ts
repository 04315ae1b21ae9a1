/**
 * A veth pair: two network interfaces joined like the ends of a cable. A frame sent into one end
 * comes out of the other, even when the ends are in different network namespaces. That is how a
 * container's `eth0` reaches the host: one end stays on the host, attached to the bridge, the
 * other moves into the container's namespace and is renamed `eth0`.
 *   ip link add clabvc1 type veth peer name clabpc1
 *   ip link set clabpc1 netns <pid of the container's PID 1>
 *   ip link set clabvc1 master clab0 up
 *   nsenter -t <pid> -n ip link set clabpc1 name eth0     (and address, up, default route)
 * runc does none of this: Docker's libnetwork (or a CNI plugin such as `bridge`) does, after the
 * container's namespaces exist and before its process starts.
 */
import { addLink, deleteLink, reserveLink, type NetworkDeps } from './bridge.js';
import { vethNames, CONTAINER_IFNAME } from './names.js';
import { HOST, netnsArg, type NetnsRef } from './netns.js';
import { ipBatch } from './run.js';

export interface VethPair {
  /** The end that stays on the host and joins the bridge. */
  host: string;
  /** The end that moves into the container (named `eth0` once inside). */
  peer: string;
  ledgerId: string;
}

/** Both ends are created on the host. The pair is in the ledger (by its host end) before it exists. */
export async function addVethPair(deps: NetworkDeps, prefix: string, containerId: string): Promise<VethPair> {
  const { host, peer } = vethNames(prefix, containerId);
  // Deleting either end deletes the pair, so the host end alone stands for both.
  const ledgerId = await addLink(deps, host, [host, 'type', 'veth', 'peer', 'name', peer]);
  return { host, peer, ledgerId };
}

/** Moves the peer into the container's namespace and plugs the host end into the bridge. */
export async function moveIntoContainer(deps: NetworkDeps, pair: VethPair, ns: NetnsRef, bridge: string): Promise<void> {
  await ipBatch(deps, HOST, [
    ['link', 'set', pair.peer, 'netns', netnsArg(ns)],
    ['link', 'set', pair.host, 'master', bridge],
    ['link', 'set', pair.host, 'up'],
  ]);
}

/**
 * Inside the container: rename the peer `eth0` (unless it was born with that name), give it an
 * address, raise it and `lo`, add the default route.
 */
export async function configureContainerEnd(
  deps: NetworkDeps,
  pair: VethPair,
  ns: NetnsRef,
  address: string,
  prefix: number,
  gateway: string,
): Promise<void> {
  await ipBatch(deps, ns, [
    ...(pair.peer === CONTAINER_IFNAME ? [] : [['link', 'set', pair.peer, 'name', CONTAINER_IFNAME]]),
    ['addr', 'add', `${address}/${prefix}`, 'dev', CONTAINER_IFNAME],
    ['link', 'set', CONTAINER_IFNAME, 'up'],
    ['link', 'set', 'lo', 'up'],
    ['route', 'add', 'default', 'via', gateway],
  ]);
}

/**
 * All three steps in two processes, as a CNI `bridge` plugin does it: the pair is created with its
 * inside end already in the container's namespace and already named `eth0` (`peer name eth0
 * netns <pid>`: the kernel makes it there, so there is no move and no rename), the host end joins
 * the bridge and comes up in the same batch; then one batch inside for address, links and route.
 */
export async function attachContainer(
  deps: NetworkDeps,
  opts: {
    prefix: string;
    containerId: string;
    ns: NetnsRef;
    bridge: string;
    address: string;
    subnetPrefix: number;
    gateway: string;
  },
): Promise<VethPair> {
  const { host } = vethNames(opts.prefix, opts.containerId);
  const pair: VethPair = { host, peer: CONTAINER_IFNAME, ledgerId: reserveLink(deps, host) };
  try {
    await ipBatch(deps, HOST, [
      ['link', 'add', host, 'type', 'veth', 'peer', 'name', CONTAINER_IFNAME, 'netns', netnsArg(opts.ns)],
      ['link', 'set', host, 'master', opts.bridge],
      ['link', 'set', host, 'up'],
    ]);
  } catch (err) {
    // The batch may have stopped after the pair was made: delete it (or just forget the name).
    await deleteLink(deps, host, pair.ledgerId);
    throw err;
  }
  await configureContainerEnd(deps, pair, opts.ns, opts.address, opts.subnetPrefix, opts.gateway);
  return pair;
}
