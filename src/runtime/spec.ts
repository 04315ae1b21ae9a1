/**
 * ContainerSpec: a lab container described as plain data, like an OCI config.json.
 * The runtime turns it into syscalls; nothing in here runs anything.
 */
import { t } from '../i18n/index.js';
import type { CgroupLimits } from '../cgroups/types.js';
import type { CapName, NamespaceKind } from '../kernel/constants.js';
import { DOCKER_DEFAULT_CAPS } from '../kernel/constants.js';

/**
 * The namespace kinds the runtime makes for a container, and so the only ones a lesson may ask for
 * (the linter refuses the others). Two kinds the kernel has are not among them yet:
 *   user  unshare(CLONE_NEWUSER) refuses a multithreaded caller (EINVAL), and the shim is Node; it
 *         would take a single-threaded launcher (util-linux `unshare --user`) and uid/gid maps.
 *   time  like pid, a new time namespace holds only the caller's future children, and its clock
 *         offsets must be written before the first child starts; the shim does neither.
 */
export const CONTAINER_NAMESPACES = ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'] as const satisfies readonly NamespaceKind[];

export type ContainerNamespace = (typeof CONTAINER_NAMESPACES)[number];

export interface ContainerSpec {
  /** Short id; generated when absent. Letters and digits only, at most 8 characters. */
  id?: string;
  /** Namespaces to create. Default: pid, mnt, uts, ipc, net, cgroup (what `docker run` makes). */
  namespaces?: ContainerNamespace[];
  /** Rootfs layers, lowest first, by name from rootfs/ (e.g. ['base'] or ['base', 'app']). */
  layers?: string[];
  /** Hostname inside (needs the uts namespace). Default: the container id. */
  hostname?: string;
  /** cgroup limits. */
  limits?: CgroupLimits;
  /** Capabilities kept in the bounding set. Default: Docker's 14. */
  capabilities?: CapName[];
  /** Set no_new_privs before PID 1 starts. */
  noNewPrivs?: boolean;
  /**
   * Mount the container's own cgroup read-only at /sys/fs/cgroup, as Docker does (needs the cgroup
   * namespace). Default false: the cgroups lesson mounts it as a step of its own.
   */
  mountCgroupfs?: boolean;
  /** PID 1's command, resolved inside the rootfs. Default: ['/bin/sh']. */
  command?: string[];
  /** Environment of PID 1. */
  env?: Record<string, string>;
  /** How PID 1's stdio is wired: 'pipe' (the runtime holds it; PID 1 waits on stdin) or 'inherit'. */
  stdio?: 'pipe' | 'inherit';
}

export const DEFAULT_NAMESPACES: ContainerNamespace[] = [...CONTAINER_NAMESPACES];

/** The spec with every default filled in. */
export type ResolvedSpec = Required<Omit<ContainerSpec, 'limits'>> & { limits: CgroupLimits };

export function resolveSpec(spec: ContainerSpec, makeId: () => string): ResolvedSpec {
  const id = spec.id ?? makeId();
  if (!/^[a-z0-9]{1,8}$/.test(id)) {
    throw new Error(t('runtime.spec.bad-id', { id }));
  }
  const namespaces = spec.namespaces ?? DEFAULT_NAMESPACES;
  const unsupported = namespaces.filter((kind) => !(CONTAINER_NAMESPACES as readonly string[]).includes(kind));
  if (unsupported.length)
    throw new Error(t('runtime.spec.unsupported-ns', { kinds: unsupported.join(', '), supported: CONTAINER_NAMESPACES.join(', ') }));
  // The runtime needs its own mount namespace for the overlay root and pivot_root.
  if (!namespaces.includes('mnt')) throw new Error(t('runtime.spec.needs-mnt'));
  // Mounted outside a cgroup namespace of its own, the cgroup filesystem would show the host's whole tree.
  if (spec.mountCgroupfs && !namespaces.includes('cgroup')) throw new Error(t('runtime.spec.cgroupfs-needs-ns'));
  return {
    id,
    namespaces,
    layers: spec.layers ?? ['base'],
    hostname: spec.hostname ?? id,
    limits: spec.limits ?? {},
    capabilities: spec.capabilities ?? [...DOCKER_DEFAULT_CAPS],
    noNewPrivs: spec.noNewPrivs ?? false,
    mountCgroupfs: spec.mountCgroupfs ?? false,
    command: spec.command ?? ['/bin/sh'],
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      TERM: process.env.TERM ?? 'xterm',
      ...(spec.env ?? {}),
    },
    stdio: spec.stdio ?? 'pipe',
  };
}
