/**
 * What the lab runs *inside* its containers: the programs a step starts there (found through the
 * container's PATH, in the rootfs) and the features of the container's `sh` that a step relies on.
 * The shipped busybox has all of them (test/rootfs/container-programs.test.ts holds this list
 * against its applets and its shell, and the lessons against this list). A fallback rootfs has
 * whatever this host has, and `doctor` uses {@link lostInContainer} to say what that costs.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BinarySource } from './digest.js';

export interface ContainerProgram {
  name: string;
  /** Where the lab runs it, for the sentence a learner reads when it is missing. */
  usedBy: string;
}

export const CONTAINER_PROGRAMS: readonly ContainerProgram[] = [
  { name: 'sh', usedBy: 'every container: PID 1, each command run inside, the container view, the shell' },
  { name: 'sleep', usedBy: 'pid-namespace: PID 1, the orphan, your turn; cgroups: the fork loop' },
  { name: 'kill', usedBy: 'pid-namespace: kill -0, a signal from inside' },
  { name: 'cat', usedBy: 'the container view; veth-bridge and capabilities: ping_group_range' },
  { name: 'ls', usedBy: 'the container view: symlinks' },
  { name: 'echo', usedBy: "veth-bridge: the published port's answer (nc -e echo)" },
  { name: 'test', usedBy: 'capabilities: is /opt/cap/nc there' },
  { name: 'mount', usedBy: 'mount-namespace and capabilities: mount -t tmpfs' },
  { name: 'umount', usedBy: 'capabilities: undoing the mount' },
  { name: 'stat', usedBy: 'overlay: stat -c of a file' },
  { name: 'mkfifo', usedBy: 'cgroups: pacing the workloads' },
  { name: 'head', usedBy: 'cgroups: the memory allocator' },
  { name: 'tail', usedBy: 'cgroups: the memory allocator' },
  { name: 'rm', usedBy: 'cgroups: removing the pacing FIFO' },
  { name: 'ping', usedBy: 'veth-bridge: ping; capabilities: without CAP_NET_RAW' },
  { name: 'nc', usedBy: 'veth-bridge: the published port; capabilities: binding port 80' },
  { name: 'su', usedBy: 'capabilities: the same container as uid 1000' },
  { name: 'grep', usedBy: 'capabilities: grep Cap /proc/self/status as uid 1000' },
  { name: 'touch', usedBy: 'capabilities: a file to chown' },
  { name: 'chown', usedBy: 'capabilities: without CAP_CHOWN' },
  { name: 'mkdir', usedBy: 'capabilities: /opt/cap for the file capability' },
  { name: 'cp', usedBy: 'capabilities: copying busybox to /opt/cap/nc' },
];

export interface ShellFeature {
  what: string;
  usedBy: string;
  /**
   * A non-interactive script that writes to stderr exactly when the shell lacks the feature. None
   * for the prompt: an interactive run shows whether the shell expands it.
   */
  probe?: string;
}

export const SHELL_FEATURES: readonly ShellFeature[] = [
  {
    what: '`read -t` with a fractional timeout',
    usedBy: 'cgroups: the workloads pace themselves with it (one fork or MiB every 30 ms)',
    // Reading /dev/null ends at once (EOF): a shell that knows -t says nothing, dash says "Illegal option -t".
    probe: 'read -t 0.01 _ < /dev/null',
  },
  { what: 'prompt escapes (`\\h:\\w# `)', usedBy: 'the shell (`s`): its prompt shows hostname and directory' },
];

const PROMPT = '\\h:\\w# ';

/**
 * The features `shell` (argv, e.g. `['/bin/sh']` or `['/…/busybox', 'sh']`) lacks, each asked of the
 * shell itself: the probe scripts, and one interactive run that prints the prompt and exits.
 */
export function shellLacks(shell: readonly string[]): ShellFeature[] {
  const [file = '/bin/sh', ...args] = shell;
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/nonexistent', PS1: PROMPT };
  const stderrOf = (extra: string[], input = ''): string => {
    const run = spawnSync(file, [...args, ...extra], {
      input,
      env,
      cwd: '/',
      timeout: 2000,
      encoding: 'utf8',
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    return run.error ? run.error.message : run.stderr;
  };
  return SHELL_FEATURES.filter((f) => (f.probe ? stderrOf(['-c', f.probe]) !== '' : stderrOf(['-i'], 'exit\n').includes(PROMPT)));
}

/** The names a static busybox answers to (`busybox --list`). */
export function busyboxApplets(busybox: string): string[] {
  const run = spawnSync(busybox, ['--list'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error || run.status !== 0)
    throw new Error(
      `\`${busybox} --list\` did not list its applets (${run.error?.message ?? (run.stderr.trim() || `exit ${run.status}`)})`,
    );
  return run.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * What a container built from `source` lacks of {@link CONTAINER_PROGRAMS} and {@link SHELL_FEATURES},
 * one sentence each ("no nc (veth-bridge: …)"). The shipped busybox is held to both lists by tests;
 * for the host's programs this asks them.
 */
export function lostInContainer(source: BinarySource): string[] {
  if (source.kind === 'busybox' && source.origin === 'shipped') return [];
  const names = source.kind === 'busybox' ? busyboxApplets(source.path) : source.tools.map((t) => t.name);
  const shTool = source.kind === 'host' ? source.tools.find((t) => t.name === 'sh') : undefined;
  const shell = source.kind === 'busybox' ? [source.path, 'sh'] : shTool ? [shTool.path] : undefined;
  const shName = shTool ? path.basename(shTool.realPath) : 'busybox sh';
  return [
    ...CONTAINER_PROGRAMS.filter((p) => !names.includes(p.name)).map((p) => `no ${p.name} (${p.usedBy})`),
    ...(shell ? shellLacks(shell).map((f) => `${shName} has no ${f.what} (${f.usedBy})`) : []),
  ];
}
