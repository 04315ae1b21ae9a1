/**
 * Port publishing (`docker run -p 8080:80`) is address translation, not a network of its own.
 * dockerd adds rules to the kernel's netfilter NAT table:
 *   DNAT        a packet for host port 8080 gets its destination rewritten to 172.17.0.2:80;
 *   MASQUERADE  a packet from the container subnet leaving through another link gets the host's
 *               address as its source, so replies from the outside world find their way back.
 * Connection tracking remembers each rewrite and undoes it on the replies.
 *
 * The lab builds the same rules here as data and text. It applies only a narrowed DNAT: it
 * matches packets the host itself sends to the bridge's own address, so the only traffic it can
 * touch goes from the host to a lab container. It never applies the MASQUERADE rule, whose whole
 * purpose is to let containers reach beyond this machine.
 *
 * Two ways to say that DNAT, both in something the lab owns and names with its prefix:
 *   nft       a table of its own, with a chain on the NAT hook for locally sent packets (`output`);
 *   iptables  a chain of its own in the kernel's `nat` table, jumped to from the built-in OUTPUT
 *             chain, as Docker's DOCKER chain is. A user chain sees no packet until a built-in
 *             chain jumps to it, so that one jump rule is the only line the lab adds outside its own.
 */
import { t } from '../../i18n/index.js';
import { formatCidr, type Cidr } from './subnet.js';

export interface PublishSpec {
  /** The nft table or iptables chain the lab owns, named with the lab's prefix. */
  name: string;
  bridge: string;
  /** The bridge's address. */
  gateway: string;
  subnet: Cidr;
  hostPort: number;
  containerAddress: string;
  containerPort: number;
}

export interface PublishRules {
  /** What dockerd would add, as iptables commands (Docker's classic backend). */
  docker: string[];
  /** The nft ruleset the lab applies, as `nft -f` reads it. */
  nft: string;
  /** The same DNAT as `iptables` argv lists, in the order the lab runs them. */
  iptables: string[][];
  /** Rules shown but never applied, each with the reason. */
  notApplied: Array<{ rule: string; why: string }>;
}

export function publishRules(s: PublishSpec): PublishRules {
  for (const port of [s.hostPort, s.containerPort]) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(t('runtime.net.bad-port', { port }));
  }
  // 28 characters is the longest iptables chain name; nft table names may be longer.
  if (!/^[a-zA-Z0-9_]{1,28}$/.test(s.name)) throw new Error(t('runtime.net.bad-rule-name', { name: s.name }));
  const net = formatCidr(s.subnet);
  const target = `${s.containerAddress}:${s.containerPort}`;
  const masquerade = `ip saddr ${net} oifname != "${s.bridge}" masquerade`;
  return {
    docker: [
      `iptables -t nat -A DOCKER ! -i ${s.bridge} -p tcp --dport ${s.hostPort} -j DNAT --to-destination ${target}`,
      `iptables -t nat -A POSTROUTING -s ${net} ! -o ${s.bridge} -j MASQUERADE`,
    ],
    nft: [
      `table inet ${s.name} {`,
      `  chain output {`,
      `    type nat hook output priority -100; policy accept;`,
      `    ip daddr ${s.gateway} tcp dport ${s.hostPort} dnat ip to ${target}`,
      `  }`,
      `}`,
      '',
    ].join('\n'),
    iptables: [
      ['-t', 'nat', '-N', s.name],
      [
        '-t',
        'nat',
        '-A',
        s.name,
        '-d',
        `${s.gateway}/32`,
        '-p',
        'tcp',
        '--dport',
        String(s.hostPort),
        '-j',
        'DNAT',
        '--to-destination',
        target,
      ],
      ['-t', 'nat', '-A', 'OUTPUT', '-j', s.name],
    ],
    notApplied: [{ rule: masquerade, why: t('runtime.net.masquerade-not-applied') }],
  };
}
