/**
 * Where the lab keeps its state. The layout mirrors Docker's so a lesson can point at the parallel:
 *   /var/lib/container-lab/            ≈ /var/lib/docker/        layers and containers (persistent)
 *   /run/container-lab/                ≈ /run/docker/            ledger and lock (gone at reboot)
 *   cgroup  container-lab/<id>         ≈ docker/<id>
 *   links   clab0, clab<id>…           ≈ docker0, veth…
 * Each root can be moved with an environment variable so tests can run side by side.
 */
import path from 'node:path';

export interface LabPaths {
  /** Persistent state: rootfs layers, per-container upper/work/merged. */
  stateDir: string;
  /** Runtime state: ledger, lock. */
  runDir: string;
  /** Name of the lab's parent cgroup, directly under each hierarchy's root. */
  cgroupParent: string;
  /** Prefix of every network link the lab creates (at most 5 characters: IFNAMSIZ is 16). */
  linkPrefix: string;
}

export function labPaths(env: NodeJS.ProcessEnv = process.env): LabPaths {
  return {
    stateDir: env.CONTAINER_LAB_STATE_DIR ?? '/var/lib/container-lab',
    runDir: env.CONTAINER_LAB_RUN_DIR ?? '/run/container-lab',
    cgroupParent: env.CONTAINER_LAB_CGROUP_PARENT ?? 'container-lab',
    linkPrefix: env.CONTAINER_LAB_LINK_PREFIX ?? 'clab',
  };
}

/** Directory of one container's overlay: upper, work, merged (like overlay2/<id>/{diff,work,merged}). */
export function containerDir(paths: LabPaths, id: string): string {
  return path.join(paths.stateDir, 'containers', id);
}

/** Directory of the rootfs layer cache. */
export function layersDir(paths: LabPaths): string {
  return path.join(paths.stateDir, 'layers');
}
