/**
 * `net-routes`: the IPv4 routing table of one side (/proc/net/route) and the neighbours it has
 * met (/proc/net/arp). A container's table is its own: after the lab's set-up it has its subnet on
 * `eth0` and a default route via the bridge's address.
 */
import { t } from '../i18n/index.js';
import { parseArp, parseRoutes } from './net-procfs.js';
import type { ProbeDef } from './probe.js';
import type { Row } from './view.js';

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['kind', 'address', 'how'];

export const netRoutesProbe: ProbeDef = {
  name: 'net-routes',
  columns: COLUMNS,
  summary: 'IPv4 routes (/proc/net/route) and neighbours, i.e. the ARP table (/proc/net/arp).',
  args: {
    show: { type: { kind: 'list', values: ['routes', 'neighbours'] }, default: ['routes', 'neighbours'], doc: 'which tables' },
  },
  title: (root, args) => {
    const show = (args.show as readonly string[] | undefined) ?? ['routes', 'neighbours'];
    return [show.includes('routes') && `${root}/net/route`, show.includes('neighbours') && `${root}/net/arp`].filter(Boolean).join(', ');
  },
  async run({ reader, procRoot, args }) {
    const route = `${procRoot}/net/route`;
    const arp = `${procRoot}/net/arp`;
    const snap = await reader.read([
      { path: route, kind: 'file' },
      { path: arp, kind: 'file' },
    ]);
    const show = (args.show as readonly string[] | undefined) ?? ['routes', 'neighbours'];
    const rows: Row[] = [];
    // Say only what the tables shown here hold: an empty neighbour table says nothing about routes.
    const empty: string[] = [];
    if (show.includes('routes')) {
      const routes = parseRoutes(snap.files.get(route) ?? '');
      for (const r of routes) {
        const dest = r.prefix === 0 ? 'default' : `${r.destination}/${r.prefix}`;
        rows.push({
          key: `route ${dest}`,
          cells: [t('probes.cell.route'), dest, r.gateway === '0.0.0.0' ? `dev ${r.iface}` : `via ${r.gateway} dev ${r.iface}`],
        });
      }
      if (routes.length === 0) empty.push(t('probes.net.no-routes'));
    }
    if (show.includes('neighbours')) {
      const neighbours = parseArp(snap.files.get(arp) ?? '');
      for (const n of neighbours)
        rows.push({
          key: `neigh ${n.ip}`,
          cells: [t('probes.cell.neighbour'), n.ip, `${n.mac ?? t('probes.cell.no-mac')} dev ${n.iface}`],
        });
      if (neighbours.length === 0) empty.push(t('probes.net.no-neighbours'));
    }
    return { title: netRoutesProbe.title(procRoot, args), columns: COLUMNS, rows, ...(empty.length ? { note: empty.join(' ') } : {}) };
  },
};
