/**
 * The lab network as plain data, built from what the kernel reports (never from what the lab
 * meant to do): `ip -details -json addr` on the host and inside each container, the bridge's
 * forwarding table (`bridge -json fdb`) and each side's neighbour (ARP) table (`ip -json neigh`).
 *
 * How the two ends of a veth pair find each other: each end's `link_index` is the *other* end's
 * ifindex (`eth0@if7` in `ip link`). Interface numbers are per namespace, so the pair
 * clabvc1 (#7 on the host) ⇄ eth0 (#2 in the container) is matched by both numbers at once.
 */

/** One entry of `ip -details -json addr` (the fields the lab reads). */
export interface LinkJson {
  ifindex: number;
  ifname: string;
  /** The peer's ifindex, for a veth (its iflink). */
  link_index?: number;
  /** Set when the peer lives in another namespace. */
  link_netnsid?: number;
  master?: string;
  operstate?: string;
  flags?: string[];
  address?: string;
  linkinfo?: { info_kind?: string };
  addr_info?: Array<{ family: string; local: string; prefixlen: number }>;
}

/** One entry of `bridge -json fdb show br <bridge>`. */
export interface FdbJson {
  mac: string;
  ifname: string;
  flags?: string[];
  master?: string;
  state?: string;
}

/** One entry of `ip -json neigh`. */
export interface NeighJson {
  dst: string;
  dev: string;
  lladdr?: string;
  state?: string[];
}

export interface LinkView {
  ifindex: number;
  name: string;
  kind: 'bridge' | 'veth' | 'loopback' | 'other';
  /** The veth peer's ifindex (in the peer's own namespace). */
  peerIfindex?: number;
  /** The bridge this link is a port of. */
  master?: string;
  /** True when the link is administratively up (the UP flag). */
  up: boolean;
  /** operstate as the kernel says it: UP, DOWN, LOWERLAYERDOWN, UNKNOWN. */
  state: string;
  mac?: string;
  /** IPv4 addresses, `a.b.c.d/n`. */
  addresses: string[];
}

/** One network namespace as the lab saw it. */
export interface NamespaceView {
  /** `host`, or the container's id. */
  label: string;
  /** Host PID of a process in it (a container's PID 1). */
  pid?: number;
  links: LinkView[];
  neighbours: NeighJson[];
}

export interface Topology {
  /** The host namespace, limited to the lab's own links. */
  host: NamespaceView;
  containers: NamespaceView[];
  bridge?: LinkView;
  /** The bridge's forwarding table: which MAC it learned on which port. */
  fdb: FdbJson[];
}

/** Turns one namespace's `ip -details -json addr` into views. */
export function toLinkViews(links: readonly LinkJson[]): LinkView[] {
  return links.map((l) => {
    const info = l.linkinfo?.info_kind;
    const kind: LinkView['kind'] = l.ifname === 'lo' ? 'loopback' : info === 'bridge' ? 'bridge' : info === 'veth' ? 'veth' : 'other';
    return {
      ifindex: l.ifindex,
      name: l.ifname,
      kind,
      ...(kind === 'veth' && l.link_index !== undefined ? { peerIfindex: l.link_index } : {}),
      ...(l.master ? { master: l.master } : {}),
      up: (l.flags ?? []).includes('UP'),
      state: l.operstate ?? 'UNKNOWN',
      ...(l.address ? { mac: l.address } : {}),
      addresses: (l.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`),
    };
  });
}

export interface TopologyInput {
  linkPrefix: string;
  bridgeName: string;
  host: { links: readonly LinkJson[]; neighbours: readonly NeighJson[] };
  containers: ReadonlyArray<{ label: string; pid?: number; links: readonly LinkJson[]; neighbours: readonly NeighJson[] }>;
  fdb: readonly FdbJson[];
}

/** Builds the topology. Host links other than the lab's (by prefix) are left out. */
export function buildTopology(input: TopologyInput): Topology {
  const hostLinks = toLinkViews(input.host.links).filter((l) => l.name.startsWith(input.linkPrefix));
  const labNames = new Set(hostLinks.map((l) => l.name));
  const bridge = hostLinks.find((l) => l.name === input.bridgeName);
  return {
    host: { label: 'host', links: hostLinks, neighbours: input.host.neighbours.filter((n) => labNames.has(n.dev)) },
    containers: input.containers.map((c) => ({
      label: c.label,
      ...(c.pid !== undefined ? { pid: c.pid } : {}),
      links: toLinkViews(c.links),
      neighbours: [...c.neighbours],
    })),
    ...(bridge ? { bridge } : {}),
    fdb: input.fdb.filter((e) => labNames.has(e.ifname)),
  };
}

/**
 * The host end whose peer is this container link: its peerIfindex is the link's ifindex and the
 * link's peerIfindex is its ifindex.
 */
export function hostEndOf(t: Topology, link: LinkView): LinkView | undefined {
  return t.host.links.find((h) => h.kind === 'veth' && h.peerIfindex === link.ifindex && link.peerIfindex === h.ifindex);
}

/** Learned (not permanent) forwarding entries, each with the container whose MAC it is, if known. */
export function learnedMacs(t: Topology): Array<{ mac: string; port: string; container?: string }> {
  const owner = new Map<string, string>();
  for (const c of t.containers) for (const l of c.links) if (l.mac) owner.set(l.mac, c.label);
  return t.fdb
    .filter((e) => e.state !== 'permanent' && !(e.flags ?? []).includes('self'))
    .map((e) => {
      const container = owner.get(e.mac);
      return { mac: e.mac, port: e.ifname, ...(container ? { container } : {}) };
    });
}
