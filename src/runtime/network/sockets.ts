/**
 * Which kind of socket a process holds, from the kernel's own tables. Every socket a process has
 * open appears as a link `/proc/<pid>/fd/N -> socket:[inode]`, and each protocol lists its sockets by
 * inode in the process's network namespace: /proc/<pid>/net/raw (raw sockets, CAP_NET_RAW),
 * /proc/<pid>/net/icmp (ICMP datagram "ping" sockets, allowed by net.ipv4.ping_group_range),
 * /proc/<pid>/net/tcp and tcp6 (with state 0A = LISTEN).
 */
import fs from 'node:fs';

export type SocketTable = 'raw' | 'icmp' | 'tcp' | 'udp';

/** Inodes listed in one /proc/net table (column 10). */
export function tableInodes(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length > 9) rows.set(f[9]!, f);
  }
  return rows;
}

/** The socket inodes a process holds open right now. */
export function socketInodes(pid: number, procRoot = '/proc'): string[] {
  let fds: string[];
  try {
    fds = fs.readdirSync(`${procRoot}/${pid}/fd`);
  } catch {
    return [];
  }
  return fds.flatMap((fd) => {
    try {
      const m = fs.readlinkSync(`${procRoot}/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
      return m ? [m[1]!] : [];
    } catch {
      return [];
    }
  });
}

/** For each socket the process holds, the table that lists it. */
export function classifySockets(pid: number, procRoot = '/proc'): Array<{ inode: string; table: SocketTable | 'other'; row?: string[] }> {
  const tables = (['raw', 'icmp', 'tcp', 'udp'] as const).map((t) => {
    try {
      return [t, tableInodes(fs.readFileSync(`${procRoot}/${pid}/net/${t}`, 'utf8'))] as const;
    } catch {
      return [t, new Map<string, string[]>()] as const;
    }
  });
  return socketInodes(pid, procRoot).map((inode) => {
    for (const [table, rows] of tables) {
      const row = rows.get(inode);
      if (row) return { inode, table, row };
    }
    return { inode, table: 'other' as const };
  });
}

/**
 * Is a TCP socket listening on `port` in the network namespace of `pid`? (state 0A is LISTEN)
 * Both tables are read: busybox nc listens on an IPv6 socket (`:::80`, in tcp6) when IPv6 is there.
 */
export function listeningOn(pid: number, port: number, procRoot = '/proc'): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['tcp', 'tcp6'].some((table) => {
    let text = '';
    try {
      text = fs.readFileSync(`${procRoot}/${pid}/net/${table}`, 'utf8');
    } catch {
      return false;
    }
    return [...tableInodes(text).values()].some((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A');
  });
}
