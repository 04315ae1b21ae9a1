/**
 * `net-interfaces`: the network interfaces of one side, read from procfs (and sysfs where it is
 * mounted), with their index, whether they are up, and their IPv4 addresses.
 *
 * A new network namespace has only `lo`, and `lo` is down. A veth end shows its peer's index
 * (`iflink`): on the host `clabvc1 #14 peer #13`, inside the container `eth0 #13 peer #14`.
 */
import { t } from '../i18n/index.js';
import { labPaths } from '../runtime/paths.js';
import { addressOwner, parseIgmp, parseLocalAddresses, parseNetDev, parseRoutes } from './net-procfs.js';
import type { ProbeDef } from './probe.js';
import type { Row } from './view.js';

const FILES = ['net/dev', 'net/route', 'net/fib_trie', 'net/igmp'] as const;
const SYS = ['ifindex', 'iflink', 'operstate'] as const;

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['link', 'index', 'state', 'IPv4'];

export const netInterfacesProbe: ProbeDef = {
  name: 'net-interfaces',
  columns: COLUMNS,
  summary: 'Network interfaces with index, peer index, state and IPv4 addresses (/proc/net/*, /sys/class/net).',
  args: {
    links: {
      type: { kind: 'enum', values: ['all', 'lab'] },
      default: 'all',
      doc: '`lab`: only the links named with the lab prefix (and lo)',
      rowFilter: true,
    },
  },
  title: (root) => `${root}/net/{dev,route,fib_trie,igmp}, /sys/class/net/*`,
  async run({ reader, procRoot, args }) {
    const paths = FILES.map((f) => `${procRoot}/${f}`);
    const snap = await reader.read([
      ...paths.map((path) => ({ path, kind: 'file' as const })),
      ...SYS.map((f) => ({ path: `/sys/class/net/*/${f}`, kind: 'file' as const })),
    ]);
    const [dev = '', route = '', trie = '', igmp = ''] = paths.map((p) => snap.files.get(p) ?? '');
    const routes = parseRoutes(route);
    const up = parseIgmp(igmp);
    const sys = (name: string, f: string) => snap.files.get(`/sys/class/net/${name}/${f}`)?.trim();
    const addresses = new Map<string, string[]>();
    for (const a of parseLocalAddresses(trie)) {
      const owner = addressOwner(a, routes);
      if (owner) addresses.set(owner.iface, [...(addresses.get(owner.iface) ?? []), `${a}/${owner.prefix}`]);
    }
    const prefix = labPaths().linkPrefix;
    const rows: Row[] = parseNetDev(dev)
      .filter((d) => args.links !== 'lab' || d.name === 'lo' || d.name.startsWith(prefix))
      .map((d) => {
        const index = sys(d.name, 'ifindex') ?? (up.has(d.name) ? String(up.get(d.name)) : undefined);
        const peer = sys(d.name, 'iflink');
        const number = index === undefined ? '' : peer && peer !== index ? `#${index} peer #${peer}` : `#${index}`;
        const state = sys(d.name, 'operstate') ?? (up.has(d.name) ? 'up' : 'down');
        return { key: d.name, cells: [d.name, number, state, (addresses.get(d.name) ?? []).join(' ') || '-'] };
      });
    const sysMounted = [...snap.files.keys()].some((k) => k.startsWith('/sys/class/net/'));
    return {
      title: netInterfacesProbe.title(procRoot, args),
      columns: COLUMNS,
      rows,
      ...(sysMounted ? {} : { note: t('probes.net.no-sysfs') }),
    };
  },
};
