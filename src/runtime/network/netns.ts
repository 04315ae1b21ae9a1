/**
 * Which network namespace an `ip` command talks about.
 *
 * A container's network namespace has no name: it exists because its PID 1 lives in it, and
 * `/proc/<pid>/ns/net` is the handle. `ip link set X netns <pid>` accepts that PID directly; for
 * everything else inside, the lab runs `nsenter -t <pid> -n ip …`, which joins only the network
 * namespace (the command still comes from the host, so the container needs no `ip` of its own).
 * A namespace made with `ip netns add NAME` is a bind mount under /run/netns and takes `ip -n NAME`.
 */
import { t } from '../../i18n/index.js';

/** The host's namespace, a container's (by the host PID of a process in it), or a named one. */
export type NetnsRef = { kind: 'host' } | { kind: 'pid'; pid: number } | { kind: 'named'; name: string };

export const HOST: NetnsRef = { kind: 'host' };

/** The program and argv that run `ip <args>` in the given namespace. */
export function ipCommand(ns: NetnsRef, args: readonly string[], program = 'ip'): { file: string; args: string[] } {
  switch (ns.kind) {
    case 'host':
      return { file: program, args: [...args] };
    case 'named':
      return program === 'ip'
        ? { file: 'ip', args: ['-n', ns.name, ...args] }
        : { file: 'ip', args: ['netns', 'exec', ns.name, program, ...args] };
    case 'pid':
      return { file: 'nsenter', args: ['-t', String(ns.pid), '-n', program, ...args] };
  }
}

/** The argument `ip link set X netns …` takes for a namespace. */
export function netnsArg(ns: NetnsRef): string {
  switch (ns.kind) {
    case 'pid':
      return String(ns.pid);
    case 'named':
      return ns.name;
    case 'host':
      throw new Error(t('runtime.net.host-by-name'));
  }
}

/** How the diagram and panes name a namespace. */
export function describeNetns(ns: NetnsRef): string {
  switch (ns.kind) {
    case 'host':
      return t('runtime.diagram.host');
    case 'pid':
      return t('runtime.diagram.netns-of-pid', { pid: ns.pid });
    case 'named':
      return `netns ${ns.name}`;
  }
}
