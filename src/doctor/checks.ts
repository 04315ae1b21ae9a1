/**
 * The doctor's checks: can this host run the lab, and if not, what exactly to do.
 * Each check reads the system (never changes it) and returns one finding.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectCgroups } from '../cgroups/index.js';
import type { CgroupSupport } from '../cgroups/index.js';
import { chooseBinarySource, defaultDefinitionsDir, lostInContainer, type BinarySource } from '../rootfs/index.js';
import { labPaths } from '../runtime/paths.js';
import type { Finding } from './finding.js';

const NEEDED_NS = ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'];

function which(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return dirs
    .map((d) => path.join(d, name))
    .find((p) => {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

export function checkRoot(): Finding {
  const uid = process.getuid?.() ?? -1;
  return uid === 0
    ? { id: 'root', title: 'running as root', status: 'ok', detail: 'uid 0' }
    : {
        id: 'root',
        title: 'running as root',
        status: 'fail',
        detail: `uid ${uid}`,
        fix: 'Namespaces, mounts and cgroups need root: run it again with sudo (e.g. `sudo npx container-lab`).',
      };
}

export function checkKernel(): Finding {
  const release = os.release();
  const [major = 0, minor = 0] = release.split('.').map(Number);
  const ok = major > 4 || (major === 4 && minor >= 18);
  return ok
    ? { id: 'kernel', title: 'kernel version', status: 'ok', detail: release }
    : {
        id: 'kernel',
        title: 'kernel version',
        status: 'warn',
        detail: release,
        fix: 'The lab is tested on Linux 5.x and 6.x; some steps may behave differently on this older kernel.',
      };
}

export function checkNamespaces(procRoot = '/proc'): Finding {
  const missing = NEEDED_NS.filter((ns) => !fs.existsSync(`${procRoot}/self/ns/${ns}`));
  return missing.length === 0
    ? { id: 'namespaces', title: 'namespace kinds', status: 'ok', detail: NEEDED_NS.join(', ') }
    : {
        id: 'namespaces',
        title: 'namespace kinds',
        status: 'fail',
        detail: `missing: ${missing.join(', ')}`,
        fix: 'This kernel was built without these namespaces; use a stock distribution kernel.',
      };
}

export function checkOverlay(procRoot = '/proc'): Finding {
  const filesystems = fs.readFileSync(`${procRoot}/filesystems`, 'utf8');
  if (/\toverlay$/m.test(filesystems)) return { id: 'overlay', title: 'overlay filesystem', status: 'ok', detail: 'overlay is available' };
  const asModule = fs.existsSync(`/lib/modules/${os.release()}`) ? ' (it is probably a module that is not loaded yet)' : '';
  return {
    id: 'overlay',
    title: 'overlay filesystem',
    status: 'warn',
    detail: `overlay is not in /proc/filesystems${asModule}`,
    fix: 'Load it with `sudo modprobe overlay`; the lab also loads it on first mount if the module exists.',
  };
}

export function checkCgroups(): Finding {
  try {
    const s = detectCgroups();
    const missing = ['memory', 'pids', 'cpu'].filter((c) => !s.controllers.includes(c as never));
    const detail = `cgroup ${s.mode}; controllers: ${s.controllers.join(', ') || 'none'}`;
    return missing.length === 0
      ? { id: 'cgroups', title: 'cgroups', status: 'ok', detail }
      : {
          id: 'cgroups',
          title: 'cgroups',
          status: missing.length === 3 ? 'fail' : 'warn',
          detail: `${detail}; missing: ${missing.join(', ')}`,
          fix: `The cgroups lesson skips the ${missing.join(', ')} steps; enable the controllers (e.g. boot with systemd.unified_cgroup_hierarchy=1) to run them.`,
        };
  } catch (err) {
    return {
      id: 'cgroups',
      title: 'cgroups',
      status: 'fail',
      detail: (err as Error).message,
      fix: 'No cgroup filesystem is mounted at /sys/fs/cgroup; the cgroups lesson cannot run here.',
    };
  }
}

/**
 * One finding per controller the cgroups lesson uses (ids `cgroup-memory`, `cgroup-pids`,
 * `cgroup-cpu`), so a lesson step that needs a missing one is skipped with this reason while the
 * others still run. Nothing when no cgroup filesystem is mounted: the `cgroups` finding says so.
 */
export function checkCgroupControllers(detect: () => CgroupSupport = detectCgroups): Finding[] {
  let s: CgroupSupport;
  try {
    s = detect();
  } catch {
    return [];
  }
  const steps = { memory: 'memory limit and OOM', pids: 'pids.max', cpu: 'CPU quota' } as const;
  return (['memory', 'pids', 'cpu'] as const).map((c): Finding => {
    const v1 = s.hierarchies.find((h) => h.controllers.includes(c));
    const where = v1 ? `v1 hierarchy ${v1.mountPoint}` : `offered by ${s.root}/cgroup.controllers`;
    const why = s.mode === 'v2' ? `${s.root}/cgroup.controllers does not list ${c}` : `no v1 hierarchy carries ${c}`;
    return s.controllers.includes(c)
      ? { id: `cgroup-${c}`, title: `cgroup ${c} controller`, status: 'ok', detail: where }
      : {
          id: `cgroup-${c}`,
          title: `cgroup ${c} controller`,
          status: 'fail',
          detail: `missing: ${why}`,
          fix: `The cgroups lesson skips its ${steps[c]} steps; the others still run.`,
        };
  });
}

export function checkTools(): Finding[] {
  const util = ['nsenter', 'unshare', 'mount'].filter((t) => !which(t));
  const ip = ['ip', 'bridge'].filter((t) => !which(t));
  return [
    util.length === 0
      ? { id: 'util-linux', title: 'util-linux tools', status: 'ok', detail: 'nsenter, unshare, mount' }
      : {
          id: 'util-linux',
          title: 'util-linux tools',
          status: 'warn',
          detail: `missing: ${util.join(', ')}`,
          fix: "Install util-linux (`sudo apt install util-linux`): the lab runs `ip` inside containers' network namespaces with nsenter, and the mount lesson's propagation steps use unshare and mount.",
        },
    ip.length === 0
      ? { id: 'iproute2', title: 'iproute2 tools', status: 'ok', detail: 'ip, bridge' }
      : {
          id: 'iproute2',
          title: 'iproute2 tools',
          status: 'fail',
          detail: `missing: ${ip.join(', ')}`,
          fix: 'Install iproute2 (`sudo apt install iproute2`) for the veth + bridge lesson.',
        },
  ];
}

/**
 * Which programs this host's containers get (see src/rootfs/binary-source.ts) and, for a fallback,
 * what the lessons lose with them. `choose` is the choice ensureRootfs makes; tests pass their own.
 */
export function checkRootfsSource(
  choose: () => BinarySource = () => chooseBinarySource({ definitionsDir: defaultDefinitionsDir() }),
): Finding {
  const title = 'rootfs binaries';
  let source: BinarySource;
  try {
    source = choose();
  } catch (err) {
    return {
      id: 'rootfs',
      title,
      status: 'fail',
      detail: (err as Error).message,
      fix: 'Reinstall container-lab: the busybox it ships is damaged.',
    };
  }
  if (source.kind === 'busybox' && source.origin === 'shipped') {
    return {
      id: 'rootfs',
      title,
      status: 'ok',
      detail: `the static busybox shipped with container-lab for ${process.arch}: ${source.path}`,
    };
  }
  const fix =
    'Install a static busybox (Debian/Ubuntu: `sudo apt install busybox-static`): the lab builds containers from it when it ships none for this architecture.';
  const none = `container-lab ships no busybox for ${process.arch}`;
  if (source.kind === 'host' && !source.tools.some((t) => t.name === 'sh')) {
    return { id: 'rootfs', title, status: 'fail', detail: `${none}, and this host has no static busybox and no /bin/sh`, fix };
  }
  const using =
    source.kind === 'busybox'
      ? `using this host's static busybox at ${source.path}`
      : `no static busybox on this host either; using ${source.tools.length} of this host's own tools with their libraries`;
  let lost: string[];
  try {
    lost = lostInContainer(source);
  } catch (err) {
    return { id: 'rootfs', title, status: 'fail', detail: `${none}; ${using}, which failed: ${(err as Error).message}`, fix };
  }
  const remedy = source.kind === 'busybox' ? `Put a static busybox that has them earlier on PATH than ${source.path}.` : fix;
  return lost.length === 0
    ? { id: 'rootfs', title, status: 'ok', detail: `${none}; ${using}` }
    : {
        id: 'rootfs',
        title,
        status: 'warn',
        detail: `${none}; ${using}. Containers lack: ${lost.join('; ')}`,
        fix: `The steps that need these fail. ${remedy}`,
      };
}

export function checkEnvironment(): Finding {
  const version = fs.existsSync('/proc/version') ? fs.readFileSync('/proc/version', 'utf8') : '';
  if (/microsoft/i.test(version))
    return {
      id: 'environment',
      title: 'host environment',
      status: 'warn',
      detail: 'WSL',
      fix: 'WSL 2 works with its own kernel; WSL 1 cannot run containers. Check `wsl -l -v` shows version 2.',
    };
  const inContainer = fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv');
  const capEff = /CapEff:\s*([0-9a-f]+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '0';
  const hasSysAdmin = ((BigInt(`0x${capEff}`) >> 21n) & 1n) === 1n;
  if (inContainer && hasSysAdmin)
    return { id: 'environment', title: 'host environment', status: 'ok', detail: 'inside a privileged container (CAP_SYS_ADMIN present)' };
  return inContainer
    ? {
        id: 'environment',
        title: 'host environment',
        status: 'warn',
        detail: 'running inside a container',
        fix: 'Run the lab on the host or in a VM, or start this container with --privileged: inside a normal container, mounts and namespaces are refused.',
      }
    : { id: 'environment', title: 'host environment', status: 'ok', detail: 'not inside a container or WSL' };
}

export function checkStateDir(): Finding {
  const { stateDir } = labPaths();
  const existing = [stateDir, path.dirname(stateDir)].find((d) => fs.existsSync(d));
  try {
    if (existing) fs.accessSync(existing, fs.constants.W_OK);
    return { id: 'state', title: 'state directory', status: 'ok', detail: stateDir };
  } catch {
    return {
      id: 'state',
      title: 'state directory',
      status: 'fail',
      detail: `${existing} is not writable`,
      fix: `Make ${stateDir} writable for root, or set CONTAINER_LAB_STATE_DIR to a writable directory.`,
    };
  }
}

export function checkTerminal(columns = process.stdout.columns, rows = process.stdout.rows): Finding {
  if (!columns || !rows) return { id: 'terminal', title: 'terminal size', status: 'ok', detail: 'not a terminal (fine for --plain)' };
  return columns >= 80 && rows >= 24
    ? { id: 'terminal', title: 'terminal size', status: 'ok', detail: `${columns}×${rows}` }
    : {
        id: 'terminal',
        title: 'terminal size',
        status: 'warn',
        detail: `${columns}×${rows}`,
        fix: 'The lab needs at least 80×24: enlarge the window, or use `container-lab lesson <id> --plain`.',
      };
}
