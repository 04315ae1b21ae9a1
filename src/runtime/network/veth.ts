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
import { addLink, type NetworkDeps } from './bridge.js';
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

/** Inside the container: rename the peer `eth0`, give it an address, raise it and `lo`, add the default route. */
export async function configureContainerEnd(deps: NetworkDeps, pair: VethPair, ns: NetnsRef, address: string, prefix: number, gateway: string): Promise<void> {
  await ipBatch(deps, ns, [
    ['link', 'set', pair.peer, 'name', CONTAINER_IFNAME],
    ['addr', 'add', `${address}/${prefix}`, 'dev', CONTAINER_IFNAME],
    ['link', 'set', CONTAINER_IFNAME, 'up'],
    ['link', 'set', 'lo', 'up'],
    ['route', 'add', 'default', 'via', gateway],
  ]);
}

/** All three steps: what `docker run` does for a container on the default bridge network. */
export async function attachContainer(deps: NetworkDeps, opts: {
  prefix: string; containerId: string; ns: NetnsRef; bridge: string; address: string; subnetPrefix: number; gateway: string;
}): Promise<VethPair> {
  const pair = await addVethPair(deps, opts.prefix, opts.containerId);
  await moveIntoContainer(deps, pair, opts.ns, opts.bridge);
  await configureContainerEnd(deps, pair, opts.ns, opts.address, opts.subnetPrefix, opts.gateway);
  return pair;
}
