/**
 * Links, addresses, routes and neighbours on the screen against `ip -json` in the same network
 * namespace (`nsenter -t PID -n`). A container pane lists its namespace's every link, so its size
 * counts too. A routes pane that says "no routes" (or lists some) claims the whole routing table;
 * one that says "no neighbours" (or lists some), the whole neighbour table. The host's tables are
 * shared with everything else on this machine, so there only each row shown must exist. A host
 * link's state may be one the kernel announced moments before it settled (see link-states.ts).
 */
import { ipJson } from '../tools.js';
import { checkRows } from './gate.js';
import type { Gate, PaneRecord, PaneRow } from './gate.js';

interface IpLink {
  ifindex: number;
  ifname: string;
  operstate: string;
  /** The peer of a veth in another namespace, by index… */
  link_index?: number;
  /** …or in this one, by name. */
  link?: string;
  addr_info?: { family: string; local: string; prefixlen: number }[];
}
interface IpRoute {
  dst: string;
  gateway?: string;
  dev: string;
}
interface IpNeigh {
  dst: string;
  dev: string;
  lladdr?: string;
  state?: string[];
}

/** The host's namespace is the oracle's own; a container's is entered by its PID. */
const inNamespace = (pane: PaneRecord, pid: number) => (pane.side === 'host' ? undefined : pid);

export function checkLinks(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'link,index,state,IPv4') return false;
  const rows = pane.rows ?? [];
  checkRows(
    gate,
    'network',
    pane,
    rows,
    (pid) => ipJson<IpLink[]>(inNamespace(pane, pid), ['addr']),
    (row: PaneRow, links) => {
      const [name, index, state, ipv4] = row.cells;
      const link = links.find((l) => l.ifname === name);
      if (!link) return `ip addr: no link ${name}`;
      const addrs = (link.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`);
      const peer = link.link_index ?? links.find((l) => l.ifname === link.link)?.ifindex;
      const want = `#${link.ifindex}${peer ? ` peer #${peer}` : ''}`;
      const shownAddrs = ipv4 === '-' ? [] : (ipv4 ?? '').split(/[ ,]+/).filter(Boolean);
      const states = [link.operstate.toLowerCase(), ...(pane.side === 'host' ? (gate.linkStates?.seen(link.ifname) ?? []) : [])];
      const ok = index === want && states.includes(state!) && shownAddrs.sort().join() === addrs.sort().join();
      return ok
        ? undefined
        : `ip addr: ${link.ifname} ${want} ${link.operstate.toLowerCase()} ${addrs.join(', ') || '-'} (ip monitor: ${states.slice(1).join(', ') || 'no other state'})`;
    },
    (row) => row.cells.join(' '),
  );
  if (pane.side === 'container') {
    checkRows(
      gate,
      'network',
      pane,
      [rows.length],
      (pid) => ipJson<IpLink[]>(pid, ['link']).length,
      (n, actual) => (n === actual ? undefined : `ip link lists ${actual} links`),
      (n) => `the namespace has ${n} links`,
    );
  }
  return true;
}

function routeText(r: IpRoute): string {
  return `${r.dst} ${r.gateway ? `via ${r.gateway} ` : ''}dev ${r.dev}`;
}

function neighText(n: IpNeigh): string {
  return `${n.dst} ${n.lladdr} dev ${n.dev}`;
}

/** Neighbours with a known link-layer address, as /proc/net/arp lists them. */
const resolved = (n: IpNeigh) => n.lladdr !== undefined && !(n.state ?? []).some((s) => s === 'FAILED' || s === 'INCOMPLETE');

export function checkRoutes(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'kind,address,how') return false;
  const rows = pane.rows ?? [];
  const read = (pid: number) => ({
    routes: ipJson<IpRoute[]>(inNamespace(pane, pid), ['-4', 'route', 'show', 'table', 'main']),
    neigh: ipJson<IpNeigh[]>(inNamespace(pane, pid), ['-4', 'neigh']).filter(resolved),
  });
  checkRows(
    gate,
    'network',
    pane,
    rows,
    read,
    (row, t) => {
      const [kind, address, how] = row.cells;
      if (kind === 'route')
        return t.routes.some((r) => routeText(r) === `${address} ${how}`)
          ? undefined
          : `ip route: ${t.routes.map(routeText).join('; ') || 'empty'}`;
      return t.neigh.some((n) => neighText(n) === `${address} ${how}`)
        ? undefined
        : `ip neigh: ${t.neigh.map(neighText).join('; ') || 'empty'}`;
    },
    (row) => row.cells.join(' '),
  );
  if (pane.side === 'host') return true;
  const whole = (kind: 'route' | 'neighbour', none: RegExp) => rows.some((r) => r.cells[0] === kind) || none.test(pane.note ?? '');
  const tables: ('route' | 'neighbour')[] = [];
  if (whole('route', /no routes/i)) tables.push('route');
  if (whole('neighbour', /no neighbours/i)) tables.push('neighbour');
  checkRows(
    gate,
    'network',
    pane,
    tables,
    read,
    (kind, t) => {
      const shown = rows.filter((r) => r.cells[0] === kind).length;
      const list = kind === 'route' ? t.routes.map(routeText) : t.neigh.map(neighText);
      return shown === list.length ? undefined : `ip ${kind === 'route' ? 'route' : 'neigh'}: ${list.join('; ') || 'empty'}`;
    },
    (kind) => `${rows.filter((r) => r.cells[0] === kind).length} ${kind}s in the table${pane.note ? ` ("${pane.note}")` : ''}`,
  );
  return true;
}
