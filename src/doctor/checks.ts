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
import { t } from '../i18n/index.js';
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
    ? { id: 'root', title: t('doctor.root.title'), status: 'ok', detail: 'uid 0' }
    : { id: 'root', title: t('doctor.root.title'), status: 'fail', detail: `uid ${uid}`, fix: t('doctor.root.fix') };
}

export function checkKernel(): Finding {
  const release = os.release();
  const [major = 0, minor = 0] = release.split('.').map(Number);
  const ok = major > 4 || (major === 4 && minor >= 18);
  return ok
    ? { id: 'kernel', title: t('doctor.kernel.title'), status: 'ok', detail: release }
    : { id: 'kernel', title: t('doctor.kernel.title'), status: 'warn', detail: release, fix: t('doctor.kernel.fix') };
}

export function checkNamespaces(procRoot = '/proc'): Finding {
  const missing = NEEDED_NS.filter((ns) => !fs.existsSync(`${procRoot}/self/ns/${ns}`));
  return missing.length === 0
    ? { id: 'namespaces', title: t('doctor.namespaces.title'), status: 'ok', detail: NEEDED_NS.join(', ') }
    : {
        id: 'namespaces',
        title: t('doctor.namespaces.title'),
        status: 'fail',
        detail: t('doctor.missing', { names: missing.join(', ') }),
        fix: t('doctor.namespaces.fix'),
      };
}

export function checkOverlay(procRoot = '/proc'): Finding {
  const filesystems = fs.readFileSync(`${procRoot}/filesystems`, 'utf8');
  const title = t('doctor.overlay.title');
  if (/\toverlay$/m.test(filesystems)) return { id: 'overlay', title, status: 'ok', detail: t('doctor.overlay.ok') };
  const asModule = fs.existsSync(`/lib/modules/${os.release()}`);
  return {
    id: 'overlay',
    title,
    status: 'warn',
    detail: asModule ? t('doctor.overlay.module') : t('doctor.overlay.missing'),
    fix: t('doctor.overlay.fix'),
  };
}

export function checkCgroups(): Finding {
  try {
    const s = detectCgroups();
    const missing = ['memory', 'pids', 'cpu'].filter((c) => !s.controllers.includes(c as never));
    const detail = t('doctor.cgroups.detail', { mode: s.mode, controllers: s.controllers.join(', ') || t('doctor.cgroups.none') });
    const names = missing.join(', ');
    return missing.length === 0
      ? { id: 'cgroups', title: t('doctor.cgroups.title'), status: 'ok', detail }
      : {
          id: 'cgroups',
          title: t('doctor.cgroups.title'),
          status: missing.length === 3 ? 'fail' : 'warn',
          detail: t('doctor.cgroups.missing', { detail, names }),
          fix: t('doctor.cgroups.fix', { names }),
        };
  } catch (err) {
    return {
      id: 'cgroups',
      title: t('doctor.cgroups.title'),
      status: 'fail',
      detail: (err as Error).message,
      fix: t('doctor.cgroups.unmounted'),
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
  return (['memory', 'pids', 'cpu'] as const).map((c): Finding => {
    const v1 = s.hierarchies.find((h) => h.controllers.includes(c));
    const file = `${s.root}/cgroup.controllers`;
    const where = v1 ? t('doctor.controller.v1', { mount: v1.mountPoint }) : t('doctor.controller.v2', { file });
    const title = t('doctor.controller.title', { controller: c });
    return s.controllers.includes(c)
      ? { id: `cgroup-${c}`, title, status: 'ok', detail: where }
      : {
          id: `cgroup-${c}`,
          title,
          status: 'fail',
          detail:
            s.mode === 'v2'
              ? t('doctor.controller.unlisted', { file, controller: c })
              : t('doctor.controller.no-hierarchy', { controller: c }),
          fix: t('doctor.controller.fix', { controller: c }),
        };
  });
}

/** One finding for a group of host programs: ok naming them, or `missing` naming those not on PATH. */
function programGroup(
  id: 'util-linux' | 'iproute2',
  names: string[],
  missing: 'warn' | 'fail',
  words: { title: string; fix: string },
): Finding {
  const absent = names.filter((n) => !which(n));
  if (absent.length === 0) return { id, title: words.title, status: 'ok', detail: names.join(', ') };
  return { id, title: words.title, status: missing, detail: t('doctor.missing', { names: absent.join(', ') }), fix: words.fix };
}

export function checkTools(): Finding[] {
  return [
    programGroup('util-linux', ['nsenter', 'unshare', 'mount'], 'warn', {
      title: t('doctor.util-linux.title'),
      fix: t('doctor.util-linux.fix'),
    }),
    programGroup('iproute2', ['ip', 'bridge'], 'fail', { title: t('doctor.iproute2.title'), fix: t('doctor.iproute2.fix') }),
  ];
}

/**
 * Which programs this host's containers get (see src/rootfs/binary-source.ts) and, for a fallback,
 * what the lessons lose with them. `choose` is the choice ensureRootfs makes; tests pass their own.
 */
export function checkRootfsSource(
  choose: () => BinarySource = () => chooseBinarySource({ definitionsDir: defaultDefinitionsDir() }),
): Finding {
  const title = t('doctor.rootfs.title');
  let source: BinarySource;
  try {
    source = choose();
  } catch (err) {
    return {
      id: 'rootfs',
      title,
      status: 'fail',
      detail: (err as Error).message,
      fix: t('doctor.rootfs.damaged'),
    };
  }
  if (source.kind === 'busybox' && source.origin === 'shipped') {
    return {
      id: 'rootfs',
      title,
      status: 'ok',
      detail: t('doctor.rootfs.shipped', { arch: process.arch, path: source.path }),
    };
  }
  const fix = t('doctor.rootfs.fix');
  const none = t('doctor.rootfs.none', { arch: process.arch });
  if (source.kind === 'host' && !source.tools.some((tool) => tool.name === 'sh')) {
    return { id: 'rootfs', title, status: 'fail', detail: t('doctor.rootfs.no-sh', { none }), fix };
  }
  const using =
    source.kind === 'busybox'
      ? t('doctor.rootfs.host-busybox', { path: source.path })
      : t('doctor.rootfs.host-tools', { count: source.tools.length });
  let lost: string[];
  try {
    lost = lostInContainer(source);
  } catch (err) {
    return { id: 'rootfs', title, status: 'fail', detail: t('doctor.rootfs.failed', { none, using, error: (err as Error).message }), fix };
  }
  const remedy = source.kind === 'busybox' ? t('doctor.rootfs.remedy', { path: source.path }) : fix;
  return lost.length === 0
    ? { id: 'rootfs', title, status: 'ok', detail: t('doctor.rootfs.using', { none, using }) }
    : {
        id: 'rootfs',
        title,
        status: 'warn',
        detail: t('doctor.rootfs.lacks', { none, using, lost: lost.join('; ') }),
        fix: t('doctor.rootfs.lacks-fix', { remedy }),
      };
}

export function checkEnvironment(): Finding {
  const title = t('doctor.environment.title');
  const version = fs.existsSync('/proc/version') ? fs.readFileSync('/proc/version', 'utf8') : '';
  if (/microsoft/i.test(version))
    return {
      id: 'environment',
      title,
      status: 'warn',
      detail: 'WSL',
      fix: t('doctor.environment.wsl'),
    };
  const inContainer = fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv');
  const capEff = /CapEff:\s*([0-9a-f]+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '0';
  const hasSysAdmin = ((BigInt(`0x${capEff}`) >> 21n) & 1n) === 1n;
  if (inContainer && hasSysAdmin) return { id: 'environment', title, status: 'ok', detail: t('doctor.environment.privileged') };
  return inContainer
    ? {
        id: 'environment',
        title,
        status: 'warn',
        detail: t('doctor.environment.container'),
        fix: t('doctor.environment.container-fix'),
      }
    : { id: 'environment', title, status: 'ok', detail: t('doctor.environment.host') };
}

export function checkStateDir(): Finding {
  const { stateDir } = labPaths();
  const existing = [stateDir, path.dirname(stateDir)].find((d) => fs.existsSync(d));
  try {
    if (existing) fs.accessSync(existing, fs.constants.W_OK);
    return { id: 'state', title: t('doctor.state.title'), status: 'ok', detail: stateDir };
  } catch {
    return {
      id: 'state',
      title: t('doctor.state.title'),
      status: 'fail',
      detail: t('doctor.state.not-writable', { dir: existing ?? stateDir }),
      fix: t('doctor.state.fix', { dir: stateDir }),
    };
  }
}

export function checkTerminal(columns = process.stdout.columns, rows = process.stdout.rows): Finding {
  const title = t('doctor.terminal.title');
  if (!columns || !rows) return { id: 'terminal', title, status: 'ok', detail: t('doctor.terminal.not-tty') };
  return columns >= 80 && rows >= 24
    ? { id: 'terminal', title, status: 'ok', detail: `${columns}×${rows}` }
    : { id: 'terminal', title, status: 'warn', detail: `${columns}×${rows}`, fix: t('doctor.terminal.fix') };
}
