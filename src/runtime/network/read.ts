/**
 * Reading the network's live state, for the panes, the diagram and `doctor`. Nothing here
 * changes anything or sends a packet.
 */
import fs from 'node:fs';
import { failureText, runHostProgram } from '../../kernel/host-program.js';
import { HOST, ipCommand, type NetnsRef } from './netns.js';
import { readJson } from './run.js';
import { chooseSubnet, type AddrJson, type RouteJson, type SubnetChoice } from './subnet.js';
import { buildTopology, type FdbJson, type LinkJson, type NeighJson, type Topology } from './topology.js';

/** Picks the lab subnet from the host's routes and addresses (see `subnet.ts`). */
export async function chooseLabSubnet(bridge: string, env: NodeJS.ProcessEnv = process.env): Promise<SubnetChoice> {
  // One `ip -batch` process: each line prints its own JSON array on its own line.
  const r = await runHostProgram(['ip', '-4', '-json', '-batch', '-'], { input: 'route show table all\naddr show\n' });
  if (!r.ok) throw new Error(failureText(r));
  const [routeText = '[]', addrText = '[]'] = r.stdout.split('\n').filter((l) => l.trim());
  const routes = JSON.parse(routeText) as RouteJson[];
  const addrs = JSON.parse(addrText) as AddrJson[];
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

/** Does a link of this name exist in the host namespace? (/sys/class/net lists them: no process needed.) */
export async function linkExists(name: string): Promise<boolean> {
  return fs.existsSync(`/sys/class/net/${name}`);
}

/**
 * Links and neighbours of one namespace with a single `ip -details -json -batch -` process: each
 * batch line prints its own JSON array on its own line. One process instead of two matters when
 * every namespace is entered through nsenter.
 */
export async function readNamespace(ns: NetnsRef): Promise<{ links: LinkJson[]; neighbours: NeighJson[] }> {
  const cmd = ipCommand(ns, ['-details', '-json', '-batch', '-']);
  const r = await runHostProgram([cmd.file, ...cmd.args], { input: 'addr show\nneigh show\n' });
  if (!r.ok) throw new Error(failureText(r));
  const [links = '[]', neighbours = '[]'] = r.stdout.split('\n').filter((l) => l.trim());
  return {
    links: JSON.parse(links) as LinkJson[],
    // IPv4 neighbours only (ARP); IPv6 neighbour discovery entries are left out.
    neighbours: (JSON.parse(neighbours) as NeighJson[]).filter((n) => n.dst.includes('.')),
  };
}

export interface ContainerNetns {
  label: string;
  ns: NetnsRef;
  pid?: number;
}

/** Reads the host's lab links, each container's links and neighbours, and the bridge's fdb. */
export async function readTopology(linkPrefix: string, bridgeName: string, containers: readonly ContainerNetns[]): Promise<Topology> {
  const [host, fdb, inside] = await Promise.all([
    readNamespace(HOST),
    readFdb(bridgeName),
    Promise.all(
      containers.map(async (c) => ({ label: c.label, ...(c.pid !== undefined ? { pid: c.pid } : {}), ...(await readNamespace(c.ns)) })),
    ),
  ]);
  return buildTopology({ linkPrefix, bridgeName, host, containers: inside, fdb });
}
