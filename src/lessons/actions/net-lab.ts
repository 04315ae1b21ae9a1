/**
 * What the network actions share: the lab's ledger (every link goes in it the moment it exists),
 * its link prefix, the bridge's name, and each container's network namespace (by its PID 1).
 */
import fs from 'node:fs';
import { t } from '../../i18n/index.js';
import { addressOwner, parseLocalAddresses, parseRoutes } from '../../probes/net-procfs.js';
import type { Container } from '../../runtime/api.js';
import type { Ledger } from '../../runtime/ledger.js';
import { bridgeName, vethNames, type NetnsRef, type NetworkDeps } from '../../runtime/network/index.js';
import type { ActionContext } from './action.js';

export interface LabNet {
  deps: NetworkDeps;
  ledger: Ledger;
  prefix: string;
  bridge: string;
}

/** The lab network for this step. Needs the real runtime, which holds the ledger. */
export function labNet(ctx: ActionContext): LabNet {
  if (!ctx.lab) throw new Error(t('actions.net.needs-lab'));
  const { ledger, paths } = ctx.lab;
  const prefix = paths.linkPrefix;
  return { deps: { ledger, emit: (e) => ctx.record(e) }, ledger, prefix, bridge: bridgeName(prefix) };
}

/** The ledger id of a link the lab made, if it is recorded. */
export function ledgerIdOf(ledger: Ledger, name: string): string | undefined {
  return ledger.entries().find((r) => r.entry.kind === 'link' && r.entry.name === name)?.id;
}

/** A container's network namespace, named by its PID 1 on the host. */
export function netnsOf(c: Container): NetnsRef {
  return { kind: 'pid', pid: c.pid };
}

/** Both veth ends of a container, with the pair's ledger id when it exists. */
export function pairOf(net: LabNet, c: Container): { host: string; peer: string; ledgerId: string | undefined } {
  const names = vethNames(net.prefix, c.id);
  return { ...names, ledgerId: ledgerIdOf(net.ledger, names.host) };
}

/**
 * The IPv4 addresses of the network namespace `/proc/<pid>/net` belongs to, by interface, read
 * from the kernel's own tables (no process to start): `pid` self is the host's namespace.
 */
function addressesIn(pid: number | 'self', procRoot = '/proc'): Array<{ address: string; iface: string; prefix: number }> {
  const read = (f: string) => {
    try {
      return fs.readFileSync(`${procRoot}/${pid}/net/${f}`, 'utf8');
    } catch {
      return '';
    }
  };
  const routes = parseRoutes(read('route'));
  return parseLocalAddresses(read('fib_trie')).flatMap((address) => {
    const owner = addressOwner(address, routes);
    return owner ? [{ address, ...owner }] : [];
  });
}

/** The bridge's address and prefix length as the kernel has them now, if the bridge exists. */
export async function bridgeAddress(net: LabNet): Promise<{ address: string; prefix: number } | undefined> {
  const a = addressesIn('self').find((x) => x.iface === net.bridge);
  return a ? { address: a.address, prefix: a.prefix } : undefined;
}

/** A container's eth0 address as the kernel has it, if any. */
export async function eth0Address(c: Container): Promise<string | undefined> {
  return addressesIn(c.pid).find((x) => x.iface === 'eth0')?.address;
}
