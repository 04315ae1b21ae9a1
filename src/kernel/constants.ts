/**
 * The kernel's named numbers, and how to print them back as names.
 *
 * A learner reads `unshare(CLONE_NEWPID|CLONE_NEWNS)`, never `unshare(0x20020000)`: every flag set the
 * runtime passes to the kernel is rendered with {@link renderFlags} before it is shown.
 * Values are from the kernel's uapi headers (linux/sched.h, linux/mount.h, linux/capability.h) and are
 * the same on x86_64 and aarch64.
 */

/** Namespace flags for unshare(2), setns(2) and clone(2). */
export const CLONE = {
  CLONE_NEWTIME: 0x00000080,
  CLONE_FS: 0x00000200,
  CLONE_FILES: 0x00000400,
  CLONE_NEWNS: 0x00020000,
  CLONE_NEWCGROUP: 0x02000000,
  CLONE_NEWUTS: 0x04000000,
  CLONE_NEWIPC: 0x08000000,
  CLONE_NEWUSER: 0x10000000,
  CLONE_NEWPID: 0x20000000,
  CLONE_NEWNET: 0x40000000,
} as const;

/** mount(2) flags. MS_REC|MS_PRIVATE is the one every container runtime sends first. */
export const MS = {
  MS_RDONLY: 0x1,
  MS_NOSUID: 0x2,
  MS_NODEV: 0x4,
  MS_NOEXEC: 0x8,
  MS_REMOUNT: 0x20,
  MS_NOATIME: 0x400,
  MS_BIND: 0x1000,
  MS_MOVE: 0x2000,
  MS_REC: 0x4000,
  MS_UNBINDABLE: 0x20000,
  MS_PRIVATE: 0x40000,
  MS_SLAVE: 0x80000,
  MS_SHARED: 0x100000,
  MS_STRICTATIME: 0x1000000,
} as const;

/** umount2(2) flags. MNT_DETACH is how the old root disappears after pivot_root. */
export const MNT = {
  MNT_FORCE: 0x1,
  MNT_DETACH: 0x2,
} as const;

/** lsetxattr(2) flags: fail if the attribute already exists / does not exist yet. */
export const XATTR = {
  XATTR_CREATE: 0x1,
  XATTR_REPLACE: 0x2,
} as const;

/** prctl(2) options the runtime uses. */
export const PR = {
  PR_SET_PDEATHSIG: 1,
  PR_CAPBSET_READ: 23,
  PR_CAPBSET_DROP: 24,
  PR_SET_NO_NEW_PRIVS: 38,
  PR_GET_NO_NEW_PRIVS: 39,
} as const;

/** Capability numbers from linux/capability.h, in order. */
export const CAP_NAMES = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
] as const;
export type CapName = (typeof CAP_NAMES)[number];

/** CAP_* name → number. */
export const CAP: Readonly<Record<CapName, number>> = Object.fromEntries(CAP_NAMES.map((name, i) => [name, i])) as Record<CapName, number>;

/**
 * The 14 capabilities Docker (moby's `oci/caps/defaults.go`) keeps for a container.
 * Everything else, CAP_SYS_ADMIN first of all, is dropped from the bounding set.
 */
export const DOCKER_DEFAULT_CAPS: readonly CapName[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

/** Accepts `SYS_ADMIN`, `sys_admin` or `CAP_SYS_ADMIN`; returns the canonical name or undefined. */
export function parseCapName(text: string): CapName | undefined {
  const upper = text.trim().toUpperCase();
  const name = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  return (CAP_NAMES as readonly string[]).includes(name) ? (name as CapName) : undefined;
}

/** Decodes a capability mask (as in /proc/<pid>/status CapEff) into names, lowest bit first. */
export function decodeCapMask(mask: bigint): string[] {
  const names: string[] = [];
  for (let bit = 0n; bit < 64n; bit++) {
    if ((mask >> bit) & 1n) names.push(CAP_NAMES[Number(bit)] ?? `cap_${bit}`);
  }
  return names;
}

/** Encodes capability names into a mask. */
export function encodeCapMask(names: readonly CapName[]): bigint {
  return names.reduce((mask, name) => mask | (1n << BigInt(CAP[name])), 0n);
}

/**
 * Renders a flag word as `A|B|C` using the given table. Bits the table does not know are shown in hex
 * so nothing is hidden; zero renders as `0`.
 */
export function renderFlags(value: number, table: Readonly<Record<string, number>>): string {
  if (value === 0) return '0';
  const parts: string[] = [];
  let rest = value >>> 0;
  // Highest-value names first would put MS_REC after MS_PRIVATE; show them in the order a runtime
  // writes them (ascending bit), which matches how runc and util-linux print them.
  const entries = Object.entries(table).sort((a, b) => a[1] - b[1]);
  for (const [name, bit] of entries) {
    if (bit !== 0 && (rest & bit) === bit) {
      parts.push(name);
      rest &= ~bit >>> 0;
    }
  }
  if (rest !== 0) parts.push(`0x${rest.toString(16)}`);
  return parts.join('|');
}

/** The namespace kinds the lab knows, as named in /proc/<pid>/ns/ and their CLONE_ flag. */
export const NAMESPACE_KINDS = {
  mnt: CLONE.CLONE_NEWNS,
  uts: CLONE.CLONE_NEWUTS,
  ipc: CLONE.CLONE_NEWIPC,
  pid: CLONE.CLONE_NEWPID,
  net: CLONE.CLONE_NEWNET,
  cgroup: CLONE.CLONE_NEWCGROUP,
  user: CLONE.CLONE_NEWUSER,
  time: CLONE.CLONE_NEWTIME,
} as const;
export type NamespaceKind = keyof typeof NAMESPACE_KINDS;

/**
 * socket(2) arguments for the calls the capabilities lesson makes (linux/socket.h, linux/net.h,
 * linux/in.h): a raw ICMP socket needs CAP_NET_RAW, an ICMP datagram socket needs a group in
 * net.ipv4.ping_group_range, a port below 1024 needs CAP_NET_BIND_SERVICE.
 */
export const AF = { AF_INET: 2 } as const;
export const SOCK = { SOCK_STREAM: 1, SOCK_DGRAM: 2, SOCK_RAW: 3 } as const;
export const IPPROTO = { IPPROTO_IP: 0, IPPROTO_ICMP: 1 } as const;

/** The name of one value of an enumeration (not a flag word), or the number when the table lacks it. */
export function nameOf(value: number, table: Readonly<Record<string, number>>): string {
  return Object.entries(table).find(([, v]) => v === value)?.[0] ?? String(value);
}

/** Signal numbers used by the runtime (the same on x86_64 and aarch64). */
export const SIG = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as const;
