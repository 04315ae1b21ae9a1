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
 */
import { formatCidr, type Cidr } from './subnet.js';

export interface PublishSpec {
  /** The nft table the lab owns, named with the lab's prefix. */
  table: string;
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
  /** Rules shown but never applied, each with the reason. */
  notApplied: Array<{ rule: string; why: string }>;
}

export function publishRules(s: PublishSpec): PublishRules {
  for (const port of [s.hostPort, s.containerPort]) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Port ${port} is not between 1 and 65535.`);
  }
  if (!/^[a-zA-Z0-9_]{1,32}$/.test(s.table)) throw new Error(`"${s.table}" is not a usable nft table name.`);
  const net = formatCidr(s.subnet);
  const target = `${s.containerAddress}:${s.containerPort}`;
  const masquerade = `ip saddr ${net} oifname != "${s.bridge}" masquerade`;
  return {
    docker: [
      `iptables -t nat -A DOCKER ! -i ${s.bridge} -p tcp --dport ${s.hostPort} -j DNAT --to-destination ${target}`,
      `iptables -t nat -A POSTROUTING -s ${net} ! -o ${s.bridge} -j MASQUERADE`,
    ],
    nft: [
      `table inet ${s.table} {`,
      `  chain output {`,
      `    type nat hook output priority -100; policy accept;`,
      `    ip daddr ${s.gateway} tcp dport ${s.hostPort} dnat ip to ${target}`,
      `  }`,
      `}`,
      '',
    ].join('\n'),
    notApplied: [{ rule: masquerade, why: 'it exists to let containers reach beyond this machine, and the lab never sends traffic there' }],
  };
}
