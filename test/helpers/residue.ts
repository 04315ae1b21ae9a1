/**
 * What a lab with these paths has left on this machine, read from the kernel and the filesystem:
 * mounts, links (bridges and veths are links), nft tables, iptables chains (and the jumps to them),
 * cgroups, state and run directories.
 * Processes are checked by PID (`alive`, `strayProcesses`, test/faults/process-tracker.ts).
 * Everything here is keyed on the lab's own names, so another lab (or a decoy) on the same machine
 * never counts.
 *
 * The only thing allowed to stay is the rootfs layer cache (`<stateDir>/layers/<name>-<digest>`,
 * each with its `layer.json`), plus the empty parent directories the lab keeps its per-run
 * directories in (`containers/`, `propagation/`), as Docker keeps /var/lib/docker/containers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LabPaths } from '../../src/runtime/paths.js';

export interface MachineState {
  mounts: string[];
  links: string[];
  nftTables: string[];
  iptablesRules: string[];
  cgroups: string[];
  stateEntries: string[];
  runEntries: string[];
}

export const CLEAN: MachineState = {
  mounts: [],
  links: [],
  nftTables: [],
  iptablesRules: [],
  cgroups: [],
  stateEntries: [],
  runEntries: [],
};

const unescapeOctal = (p: string) => p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Mount points at or under `dir`. */
function mountsUnder(dir: string): string[] {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => unescapeOctal(line.split(' ')[4] ?? ''))
    .filter((target) => target === dir || target.startsWith(dir + '/'));
}

/** Mount points (and overlay mounts whose layers live) under the lab's directories or cgroup parent. */
function labMounts(paths: LabPaths, ignore: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const fields = line.split(' ');
    const target = unescapeOctal(fields[4] ?? '');
    if (!target || ignore.some((p) => target === p || target.startsWith(p + '/'))) continue;
    const superOptions = fields[fields.indexOf('-') + 3] ?? '';
    const under = (root: string) => target === root || target.startsWith(root + '/');
    if (
      under(paths.stateDir) ||
      under(paths.runDir) ||
      target.split('/').includes(paths.cgroupParent) ||
      superOptions.includes(`${paths.stateDir}/`)
    ) {
      out.push(target);
    }
  }
  return out;
}

function labTables(paths: LabPaths): string[] {
  let text: string;
  try {
    text = execFileSync('nft', ['list', 'tables'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return []; // no nft here: the lab could not have made a table either
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.split(' ').at(-1)?.startsWith(paths.linkPrefix));
}

/** Lines of `iptables -t nat -S` that name a chain with the lab's prefix (the chain itself, a rule in it, a jump to it). */
function labChainRules(paths: LabPaths): string[] {
  let text: string;
  try {
    text = execFileSync('iptables', ['-t', 'nat', '-S'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return []; // no iptables here: the lab could not have made a chain either
  }
  return text.split('\n').filter((l) => l.split(' ').some((word) => word.startsWith(paths.linkPrefix)));
}

/** The lab's cgroup parent in every mounted hierarchy (v2 root, each v1 hierarchy, the hybrid unified one). */
function labCgroups(paths: LabPaths): string[] {
  const roots = new Set<string>();
  for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const fields = line.split(' ');
    const fstype = fields[fields.indexOf('-') + 1];
    if (fstype === 'cgroup' || fstype === 'cgroup2') roots.add(unescapeOctal(fields[4]!));
  }
  return [...roots].map((r) => path.join(r, paths.cgroupParent)).filter((d) => fs.existsSync(d));
}

const LAYER = /^[a-z][a-z0-9-]*-[0-9a-f]{12}$/;

/** Everything under the state directory except complete cached layers and empty parents. */
function stateLeftovers(paths: LabPaths): string[] {
  const out: string[] = [];
  for (const name of list(paths.stateDir)) {
    const p = path.join(paths.stateDir, name);
    if (name === 'layers') {
      for (const layer of list(p)) {
        if (!LAYER.test(layer) || !fs.existsSync(path.join(p, layer, 'layer.json'))) out.push(path.join(p, layer));
      }
    } else if (name === 'containers' || name === 'propagation') {
      out.push(...list(p).map((e) => path.join(p, e)));
    } else {
      out.push(p);
    }
  }
  return out;
}

export interface ReadOptions {
  /** Mount points the test itself made (fixtures) and will remove itself. */
  ignoreMounts?: readonly string[];
  /** Links and nft tables the test made with lab-like names (decoys), which are not the lab's. */
  ignoreNames?: readonly string[];
}

export function machineState(paths: LabPaths, opts: ReadOptions = {}): MachineState {
  const ignore = new Set(opts.ignoreNames ?? []);
  return {
    mounts: labMounts(paths, opts.ignoreMounts ?? []),
    links: list('/sys/class/net').filter((n) => n.startsWith(paths.linkPrefix) && !ignore.has(n)),
    nftTables: labTables(paths).filter((t) => !ignore.has(t.split(' ').at(-1)!)),
    iptablesRules: labChainRules(paths).filter((l) => !l.split(' ').some((word) => ignore.has(word))),
    cgroups: labCgroups(paths),
    stateEntries: stateLeftovers(paths),
    runEntries: list(paths.runDir).map((e) => path.join(paths.runDir, e)),
  };
}

/** True when nothing of the lab is left. */
export function isClean(s: MachineState): boolean {
  return Object.values(s).every((v: string[]) => v.length === 0);
}

/**
 * Removes a tier's state and run directories, layer cache included: what a lab keeps between runs
 * on a learner's machine, a test run must not leave on this one. Refuses while anything is mounted
 * under them, since `rm -r` would reach through the mount into what it shows.
 */
export function removeLabDirs(paths: LabPaths): void {
  for (const dir of [paths.stateDir, paths.runDir]) {
    const mounted = mountsUnder(dir);
    if (mounted.length > 0)
      throw new Error(
        `Not removing ${dir}: ${mounted.join(', ')} still mounted there (a lab still running, or one to \`container-lab cleanup\` with these paths).`,
      );
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True while a process with this PID exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls `cond` every 20 ms until it holds or `ms` have passed; returns its last answer. */
export async function waitUntil(cond: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function startedAt(pid: number | string): number {
  return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
}

/**
 * Processes still running from a lab with these paths: its shims, or anything a lesson started
 * inside. Only processes started after this test process count (another run may share the machine).
 */
export function strayProcesses(paths: LabPaths): string[] {
  const out: string[] = [];
  const since = startedAt(process.pid);
  for (const pid of list('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (env.includes(`CONTAINER_LAB_CGROUP_PARENT=${paths.cgroupParent}\0`) && !cmd.includes('vitest') && startedAt(pid) >= since)
        out.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile, or a kernel thread
    }
  }
  return out;
}
