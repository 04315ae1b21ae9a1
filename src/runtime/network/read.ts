/**
 * Reading the network's live state, for the panes, the diagram and `doctor`. Nothing here
 * changes anything or sends a packet.
 */
import { execa } from 'execa';
import { HOST, type NetnsRef } from './netns.js';
import { readJson } from './run.js';
import { chooseSubnet, type AddrJson, type RouteJson, type SubnetChoice } from './subnet.js';
import { buildTopology, type FdbJson, type LinkJson, type NeighJson, type Topology } from './topology.js';

/** Picks the lab subnet from the host's routes and addresses (see `subnet.ts`). */
export async function chooseLabSubnet(bridge: string, env: NodeJS.ProcessEnv = process.env): Promise<SubnetChoice> {
  const [routes, addrs] = await Promise.all([
    readJson<RouteJson[]>(HOST, ['-4', 'route', 'show', 'table', 'all']),
    readJson<AddrJson[]>(HOST, ['-4', 'addr']),
  ]);
  const override = env.CONTAINER_LAB_SUBNET;
  return chooseSubnet({ routes, addrs, bridge, ...(override ? { override } : {}) });
}

/** `ip -details -json addr` in a namespace: links with their kind, peer index and addresses. */
export function readLinks(ns: NetnsRef): Promise<LinkJson[]> {
  return readJson<LinkJson[]>(ns, ['-details', 'addr']);
}

/** `ip -json neigh`: the ARP table, which IPv4 address answered from which MAC. */
export function readNeighbours(ns: NetnsRef): Promise<NeighJson[]> {
  return readJson<NeighJson[]>(ns, ['-4', 'neigh']);
}

/** `bridge -json fdb show br <bridge>`; empty when the bridge does not exist (yet). */
export async function readFdb(bridge: string): Promise<FdbJson[]> {
  try {
    return await readJson<FdbJson[]>(HOST, ['fdb', 'show', 'br', bridge], 'bridge');
  } catch {
    return [];
  }
}

/** Does a link of this name exist in the host namespace? */
export async function linkExists(name: string): Promise<boolean> {
  const r = await execa('ip', ['link', 'show', 'dev', name], { reject: false });
  return r.exitCode === 0;
}

export interface ContainerNetns {
  label: string;
  ns: NetnsRef;
  pid?: number;
}

/** Reads the host's lab links, each container's links and neighbours, and the bridge's fdb. */
export async function readTopology(linkPrefix: string, bridgeName: string, containers: readonly ContainerNetns[]): Promise<Topology> {
  const [hostLinks, hostNeigh, fdb, inside] = await Promise.all([
    readLinks(HOST),
    readNeighbours(HOST),
    readFdb(bridgeName),
    Promise.all(containers.map(async (c) => {
      const [links, neighbours] = await Promise.all([readLinks(c.ns), readNeighbours(c.ns)]);
      return { label: c.label, ...(c.pid !== undefined ? { pid: c.pid } : {}), links, neighbours };
    })),
  ]);
  return buildTopology({ linkPrefix, bridgeName, host: { links: hostLinks, neighbours: hostNeigh }, containers: inside, fdb });
}
