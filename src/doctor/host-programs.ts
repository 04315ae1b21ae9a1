/**
 * The programs the lab runs on the host, which package brings each, and the one command that
 * installs a missing one on this host.
 *
 * Only host-side programs are listed: `ip` to make links, `nsenter` to run it in a container's
 * network namespace, `nft` or `iptables` for a published port. The programs a container runs (sh,
 * ping, nc, su) ship with the lab in the container's rootfs, so they are never a host requirement.
 * Actions declare which of these they run (`hostPrograms` in src/lessons/actions/); a step whose
 * program is missing is skipped with the sentence {@link missingProgramSentence} builds.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';

/** How each package manager the lab names spells a package. */
interface Packages {
  apt: string;
  dnf: string;
  pacman: string;
}

const IPROUTE: Packages = { apt: 'iproute2', dnf: 'iproute', pacman: 'iproute2' };
const UTIL_LINUX: Packages = { apt: 'util-linux', dnf: 'util-linux', pacman: 'util-linux' };

/** Every host program an action may declare, with the package that installs it. */
export const HOST_PROGRAMS = {
  ip: IPROUTE,
  bridge: IPROUTE,
  nsenter: UTIL_LINUX,
  unshare: UTIL_LINUX,
  // Debian and Ubuntu ship mount(8) in a package of its own.
  mount: { ...UTIL_LINUX, apt: 'mount' },
  nft: { apt: 'nftables', dnf: 'nftables', pacman: 'nftables' },
  // Fedora and RHEL name the iptables that speaks to nf_tables (Debian's default) iptables-nft.
  iptables: { apt: 'iptables', dnf: 'iptables-nft', pacman: 'iptables' },
} as const satisfies Record<string, Packages>;

export type HostProgram = keyof typeof HOST_PROGRAMS;

export type PackageManager = keyof Packages;

/** The programs a step needs from this host, and what to say when one is missing. */
export interface HostPrograms {
  /** Is `program` on PATH, executable? */
  has(program: HostProgram): boolean;
  /** The one command that installs `program` here, e.g. `apt install nftables`; undefined when the distribution is unknown. */
  installCommand(program: HostProgram): string | undefined;
}

/**
 * The directories sudo's `secure_path` adds for root that a user's own PATH often lacks (Debian's
 * `nft`, `iptables` and `bridge` live there).
 */
const ROOT_ONLY_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/**
 * Where `program` is on PATH, the way execa and a shell will find it. The lab's runners start
 * programs by name through PATH, so a program only in a directory outside PATH counts as missing.
 * `extraDirs` are searched after PATH.
 */
export function findProgram(program: string, env: NodeJS.ProcessEnv = process.env, extraDirs: readonly string[] = []): string | undefined {
  const dirs = [...(env.PATH ?? '').split(':').filter((dir) => path.isAbsolute(dir)), ...extraDirs];
  return dirs
    .map((dir) => path.join(dir, program))
    .find((file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    });
}

/** The `KEY=value` lines of /etc/os-release (quotes removed). */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(["']?)(.*)\2$/.exec(line.trim());
    if (m) out[m[1]!] = m[3]!;
  }
  return out;
}

/** The package manager of a distribution, from its `ID` and `ID_LIKE` (Ubuntu is like debian). */
export function packageManagerOf(osRelease: Record<string, string>): PackageManager | undefined {
  const ids = [osRelease.ID ?? '', ...(osRelease.ID_LIKE ?? '').split(/\s+/)];
  if (ids.some((id) => ['debian', 'ubuntu'].includes(id))) return 'apt';
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'dnf';
  if (ids.some((id) => ['arch', 'archlinux'].includes(id))) return 'pacman';
  return undefined;
}

/** `apt install nftables`, with `sudo` in front when this host has sudo (a root shell on Debian often has none). */
export function installCommandFor(program: HostProgram, manager: PackageManager, sudo: boolean): string {
  const pkg = HOST_PROGRAMS[program][manager];
  const command = manager === 'pacman' ? `pacman -S ${pkg}` : `${manager} install ${pkg}`;
  return sudo ? `sudo ${command}` : command;
}

/**
 * One sentence for a step that cannot run: which program is missing, and the command that
 * installs it. `anyOf` holds the programs of which any one would do, the preferred first; the
 * command installs that one.
 */
export function missingProgramSentence(anyOf: readonly HostProgram[], programs: HostPrograms): string {
  const [first] = anyOf;
  if (!first) throw new Error('A host need names at least one program.');
  const names = anyOf.map((p) => `\`${p}\``);
  const [firstName = '', last = ''] = [names[0], names.at(-1)];
  const what =
    anyOf.length === 1
      ? t('doctor.program.one', { first: firstName })
      : anyOf.length === 2
        ? t('doctor.program.two', { first: firstName, last })
        : t('doctor.program.many', { others: names.slice(0, -1).join(', '), last });
  const command = programs.installCommand(first);
  const fix = command
    ? t('doctor.program.installs', { command, count: anyOf.length, first: firstName })
    : t('doctor.program.package', { first: firstName, apt: HOST_PROGRAMS[first].apt });
  return t('doctor.program.sentence', { what, fix });
}

/**
 * This host's programs, looked up at each call (a learner may install one while the lab runs): on
 * PATH as root, which is how the lab runs them; for a user (`container-lab doctor` without sudo)
 * also in the sbin directories root's PATH has.
 */
export function hostPrograms(env: NodeJS.ProcessEnv = process.env, osReleaseFile = '/etc/os-release'): HostPrograms {
  let manager: PackageManager | undefined;
  try {
    manager = packageManagerOf(parseOsRelease(fs.readFileSync(osReleaseFile, 'utf8')));
  } catch {
    manager = undefined;
  }
  return {
    has: (program) => findProgram(program, env, process.getuid?.() === 0 ? [] : ROOT_ONLY_DIRS) !== undefined,
    installCommand: (program) => manager && installCommandFor(program, manager, findProgram('sudo', env) !== undefined),
  };
}
