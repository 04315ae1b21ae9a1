/**
 * Decoys: look-alikes of what the lab makes, planted before a test and checked after it. The lab
 * must leave every one of them exactly as it was: it tears down only what its ledger names, and a
 * name that merely looks like its own (same prefix, similar path, similar command line) is not in
 * the ledger.
 *
 *   links     veth pairs `clb0`/`xclab0`, `cl4b0`/`clab9zz`, `<prefix>zz`/`x<prefix>0` (the first
 *             starts with the prefix in use and is still not the lab's)
 *   bridges   `<prefix>zb` (prefix in use) with `clb0` as a port, and `xclab0br`
 *   cgroups   `container-lab-decoy` and `<parent>-decoy` under every hierarchy root, with limits
 *             written and the decoy process inside
 *   mounts    tmpfs at `/var/lib/container-lab-decoy`, `<stateDir>-decoy` and `<runDir>-decoy`
 *   processes `sleep` started as `exec -a container-lab-decoy`, and one dressed as the lab's shim
 *             (`node …/dist/shim.js`) that carries the lab's own environment variables
 *   nft       tables `inet <prefix>_decoy` and `inet x<prefix>_publish`
 *   iptables  chains `<prefix>_decoy` (with a rule, and a jump to it from OUTPUT) and `x<prefix>_publish`
 *             in the nat table, where the lab's own chain and jump go when a host has no nft
 *
 * Nothing here sends traffic: the links stay down and have no addresses.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LabPaths } from '../../src/runtime/paths.js';
import { processStartTime } from '../../src/runtime/proc-identity.js';

export interface Decoys {
  paths: LabPaths;
  links: string[];
  bridges: string[];
  cgroups: string[];
  mounts: string[];
  /** Directories the helper created to mount on (removed again). */
  madeDirs: string[];
  pids: number[];
  tables: string[];
  chains: string[];
  /** Everything above as it was right after planting. */
  fingerprint: Fingerprint;
}

type Fingerprint = Record<string, unknown>;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
const nft = (...args: string[]) => execFileSync('nft', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const iptables = (...args: string[]) =>
  execFileSync('iptables', ['-t', 'nat', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function has(tool: (...args: string[]) => string): boolean {
  try {
    tool('--version');
    return true;
  } catch {
    return false;
  }
}

/** Root directories of the mounted cgroup hierarchies that carry controllers (and the v2 one). */
export function cgroupRoots(): string[] {
  const roots: string[] = [];
  for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    const fstype = fields[dash + 1];
    const options = (fields[dash + 3] ?? '').split(',');
    if (fstype === 'cgroup2' || (fstype === 'cgroup' && !options.some((o) => o.startsWith('name=')))) roots.push(fields[4]!);
  }
  return [...new Set(roots)];
}

function mountLine(target: string): string | undefined {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[4] === target);
}

function linkPrint(name: string): unknown {
  const dir = `/sys/class/net/${name}`;
  if (!fs.existsSync(dir)) return 'missing';
  let master: string | undefined;
  try {
    master = path.basename(fs.readlinkSync(`${dir}/master`));
  } catch {
    master = undefined;
  }
  const brif = fs.existsSync(`${dir}/brif`) ? fs.readdirSync(`${dir}/brif`).sort() : undefined;
  return {
    ...Object.fromEntries(['ifindex', 'type', 'mtu', 'operstate', 'address', 'flags'].map((f) => [f, read(`${dir}/${f}`)?.trim()])),
    master,
    brif,
  };
}

function cgroupPrint(dir: string): unknown {
  if (!fs.existsSync(dir)) return 'missing';
  const files = ['pids.max', 'memory.limit_in_bytes', 'memory.max', 'cgroup.procs'];
  return { ino: fs.statSync(dir).ino, ...Object.fromEntries(files.map((f) => [f, read(path.join(dir, f))])) };
}

function processPrint(pid: number): unknown {
  const startTime = processStartTime(pid);
  if (!startTime) return 'missing';
  return {
    startTime,
    cmdline: read(`/proc/${pid}/cmdline`),
    cgroup: read(`/proc/${pid}/cgroup`),
    state: read(`/proc/${pid}/stat`)?.split(') ')[1]?.[0],
  };
}

function mountPrint(target: string): unknown {
  const line = mountLine(target);
  if (!line) return 'missing';
  const fields = line.split(' ');
  return {
    id: fields[0],
    fstype: fields[fields.indexOf('-') + 1],
    source: fields[fields.indexOf('-') + 2],
    marker: read(path.join(target, 'decoy.txt')),
  };
}

function tablePrint(table: string): unknown {
  try {
    return nft('-a', 'list', 'table', 'inet', table);
  } catch {
    return 'missing';
  }
}

/** The rules that name a decoy chain, as `iptables -t nat -S` prints them (OUTPUT's jump included). */
function chainPrint(chain: string): unknown {
  try {
    return iptables('-S')
      .split('\n')
      .filter((l) => l.split(' ').includes(chain));
  } catch {
    return 'missing';
  }
}

/** The decoys' link, nft table and iptables chain names (a residue check must not count them as the lab's). */
export function decoyNames(d: Decoys | undefined): string[] {
  return d ? [...d.links, ...d.bridges, ...d.tables, ...d.chains] : [];
}

/** Reads every decoy as it is now. */
export function fingerprint(d: Omit<Decoys, 'fingerprint'>): Fingerprint {
  return {
    ...Object.fromEntries([...d.links, ...d.bridges].map((n) => [`link ${n}`, linkPrint(n)])),
    ...Object.fromEntries(d.cgroups.map((c) => [`cgroup ${c}`, cgroupPrint(c)])),
    ...Object.fromEntries(d.mounts.map((m) => [`mount ${m}`, mountPrint(m)])),
    ...Object.fromEntries(d.pids.map((p) => [`process ${p}`, processPrint(p)])),
    ...Object.fromEntries(d.tables.map((t) => [`nft ${t}`, tablePrint(t)])),
    ...Object.fromEntries(d.chains.map((c) => [`iptables ${c}`, chainPrint(c)])),
  };
}

function startDecoyProcess(argv0: string, env: NodeJS.ProcessEnv): number {
  // `exec -a` sets argv[0], the first word of /proc/<pid>/cmdline: the process looks like its name.
  const child = spawn('/bin/bash', ['-c', 'exec -a "$0" sleep 100000', argv0], { env, stdio: 'ignore', detached: true });
  child.unref();
  // bash has exec'd sleep once the command line shows the new argv[0].
  const end = Date.now() + 3000;
  while (Date.now() < end && !read(`/proc/${child.pid}/cmdline`)?.startsWith(argv0.split(' ')[0]!)) execFileSync('sleep', ['0.01']);
  return child.pid!;
}

/** Plants every decoy. Call {@link removeDecoys} when done (also after a failure). */
export function plantDecoys(paths: LabPaths): Decoys {
  const p = paths.linkPrefix;
  const d: Omit<Decoys, 'fingerprint'> = {
    paths,
    links: [],
    bridges: [],
    cgroups: [],
    mounts: [],
    madeDirs: [],
    pids: [],
    tables: [],
    chains: [],
  };
  try {
    for (const [a, b] of [
      ['clb0', 'xclab0'],
      ['cl4b0', 'clab9zz'],
      [`${p}zz`, `x${p}0`],
    ] as const) {
      ip('link', 'add', a, 'type', 'veth', 'peer', 'name', b);
      d.links.push(a, b);
    }
    for (const br of [`${p}zb`, 'xclab0br']) {
      ip('link', 'add', 'name', br, 'type', 'bridge');
      d.bridges.push(br);
    }
    ip('link', 'set', 'clb0', 'master', `${p}zb`);

    d.pids.push(startDecoyProcess('container-lab-decoy', { PATH: process.env.PATH }));
    const shimLike = `${process.execPath} ${path.resolve('dist/shim.js')}`;
    d.pids.push(
      startDecoyProcess(shimLike, {
        PATH: process.env.PATH,
        CONTAINER_LAB_STATE_DIR: paths.stateDir,
        CONTAINER_LAB_RUN_DIR: paths.runDir,
        CONTAINER_LAB_CGROUP_PARENT: paths.cgroupParent,
        CONTAINER_LAB_LINK_PREFIX: p,
      }),
    );

    for (const root of cgroupRoots()) {
      for (const name of ['container-lab-decoy', `${paths.cgroupParent}-decoy`]) {
        const dir = path.join(root, name);
        fs.mkdirSync(dir);
        d.cgroups.push(dir);
        for (const [file, value] of [
          ['pids.max', '123'],
          ['memory.limit_in_bytes', String(64 << 20)],
          ['memory.max', String(64 << 20)],
        ]) {
          if (fs.existsSync(path.join(dir, file!))) fs.writeFileSync(path.join(dir, file!), value!);
        }
        // v1 cpuset: a cgroup takes no process until it has CPUs and memory nodes (else ENOSPC).
        for (const file of ['cpuset.cpus', 'cpuset.mems']) {
          if (fs.existsSync(path.join(dir, file))) fs.writeFileSync(path.join(dir, file), fs.readFileSync(path.join(root, file), 'utf8'));
        }
      }
      fs.writeFileSync(path.join(root, 'container-lab-decoy', 'cgroup.procs'), String(d.pids[0]));
      fs.writeFileSync(path.join(root, `${paths.cgroupParent}-decoy`, 'cgroup.procs'), String(d.pids[1]));
    }

    for (const target of ['/var/lib/container-lab-decoy', `${paths.stateDir}-decoy`, `${paths.runDir}-decoy`]) {
      if (!fs.existsSync(target)) {
        fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        d.madeDirs.push(target);
      }
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'clab-decoy', target]);
      d.mounts.push(target);
      fs.writeFileSync(path.join(target, 'decoy.txt'), `planted by ${process.pid} at ${Date.now()}\n`);
    }

    if (has(iptables)) {
      for (const chain of [`${p}_decoy`, `x${p}_publish`]) {
        iptables('-N', chain);
        d.chains.push(chain);
      }
      iptables('-A', `${p}_decoy`, '-d', '192.0.2.1/32', '-j', 'RETURN');
      iptables('-A', 'OUTPUT', '-d', '192.0.2.1/32', '-j', `${p}_decoy`);
    }
    if (has(nft)) {
      for (const table of [`${p}_decoy`, `x${p}_publish`]) {
        nft('add', 'table', 'inet', table);
        d.tables.push(table);
      }
      nft('add', 'chain', 'inet', `${p}_decoy`, 'keep', '{ type filter hook output priority 0 ; policy accept ; }');
      nft('add', 'rule', 'inet', `${p}_decoy`, 'keep', 'ip daddr 192.0.2.1 counter');
    }
  } catch (err) {
    removeDecoys({ ...d, fingerprint: {} });
    throw err;
  }
  return { ...d, fingerprint: fingerprint(d) };
}

/** The decoys that are no longer exactly as planted: `{ "link clab7zz": { planted, now } }`. */
export function changedDecoys(d: Decoys): Record<string, { planted: unknown; now: unknown }> {
  const now = fingerprint(d);
  const changed: Record<string, { planted: unknown; now: unknown }> = {};
  for (const [key, planted] of Object.entries(d.fingerprint)) {
    if (JSON.stringify(planted) !== JSON.stringify(now[key])) changed[key] = { planted, now: now[key] };
  }
  return changed;
}

/** Removes every decoy (each step independently, so one failure does not strand the rest). */
export function removeDecoys(d: Decoys): void {
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      // already gone
    }
  };
  for (const t of d.tables) attempt(() => nft('delete', 'table', 'inet', t));
  if (d.chains.length) attempt(() => iptables('-D', 'OUTPUT', '-d', '192.0.2.1/32', '-j', `${d.paths.linkPrefix}_decoy`));
  for (const c of d.chains) attempt(() => (iptables('-F', c), iptables('-X', c)));
  for (const pid of d.pids) attempt(() => process.kill(pid, 'SIGKILL'));
  for (const m of d.mounts) attempt(() => execFileSync('umount', [m]));
  for (const dir of d.madeDirs) attempt(() => fs.rmdirSync(dir));
  // a cgroup can be removed once its process is gone; give the kill a moment
  const end = Date.now() + 3000;
  for (const c of d.cgroups) {
    for (;;) {
      try {
        fs.rmdirSync(c);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || Date.now() > end) break;
        execFileSync('sleep', ['0.02']);
      }
    }
  }
  for (const l of [...d.bridges, ...d.links]) attempt(() => ip('link', 'del', l));
}
