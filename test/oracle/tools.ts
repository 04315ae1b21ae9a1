/**
 * The independent tools the oracle asks, each run as a learner would type it: util-linux (lsns,
 * findmnt, nsenter), iproute2 (`ip -json`), libcap2-bin (capsh), coreutils (stat, sha256sum) and
 * attr (getfattr). None of them shares code with the lab.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const ORACLE_TOOLS = ['strace', 'lsns', 'findmnt', 'nsenter', 'ip', 'capsh', 'stat', 'sha256sum', 'getfattr'];

export function run(file: string, args: readonly string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A lab container as the kernel has it: the host PID of its PID 1, found by its cgroup. */
export interface LiveContainer {
  id: string;
  pid: number;
}

/**
 * Every running lab container: a process that is PID 1 of its own PID namespace (NSpid ends in 1)
 * and sits in `<cgroupParent>/<id>` in /proc/<pid>/cgroup.
 */
export function liveContainers(cgroupParent: string): LiveContainer[] {
  const out: LiveContainer[] = [];
  const inParent = new RegExp(`/${cgroupParent}/([a-z0-9]+)$`, 'm');
  for (const name of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const nspid =
        fs
          .readFileSync(`/proc/${name}/status`, 'utf8')
          .match(/^NSpid:\s+(.*)$/m)?.[1]
          ?.trim()
          .split(/\s+/) ?? [];
      if (nspid.length < 2 || nspid.at(-1) !== '1') continue;
      const id = fs.readFileSync(`/proc/${name}/cgroup`, 'utf8').match(inParent)?.[1];
      if (id) out.push({ id, pid: Number(name) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** `lsns --task PID`: namespace type → inode. */
export function namespacesOf(pid: number): Map<string, string> {
  const json = JSON.parse(run('lsns', ['-J', '--task', String(pid), '-o', 'NS,TYPE'])) as {
    namespaces: { ns: number | string; type: string }[];
  };
  return new Map(json.namespaces.map((n) => [n.type, String(n.ns)]));
}

export interface Mount {
  target: string;
  fstype: string;
  source: string;
  propagation: string;
  /** mountinfo's optional fields: `shared:1 master:2` (the peer groups). */
  'opt-fields': string | null;
  options: string;
}

/** `findmnt -N PID`: the mount table of PID's mount namespace, as seen from PID's root. */
export function mountsOf(pid: number): Mount[] {
  const json = JSON.parse(run('findmnt', ['-J', '-l', '-N', String(pid), '-o', 'TARGET,FSTYPE,SOURCE,PROPAGATION,OPT-FIELDS,OPTIONS'])) as {
    filesystems: Mount[];
  };
  return json.filesystems;
}

/** `ip -json …` in PID's network namespace (through nsenter), or in the oracle's own. */
export function ipJson<T>(pid: number | undefined, args: string[]): T {
  const out = pid === undefined ? run('ip', ['-json', ...args]) : run('nsenter', ['-t', String(pid), '-n', 'ip', '-json', ...args]);
  return JSON.parse(out || '[]') as T;
}

let capTable: string[] | undefined;

/** Capability names by bit number, as capsh knows them (`cap_chown` is bit 0; unknown bits are numbers). */
export function capNames(): string[] {
  capTable ??= decodeCaps('0xffffffffffffffff');
  return capTable;
}

/** `capsh --decode=HEX`: the capability names a mask holds, lowercase (`cap_chown`). */
export function decodeCaps(hex: string): string[] {
  const out = run('capsh', [`--decode=${hex.startsWith('0x') ? hex : `0x${hex}`}`]).trim();
  const list = out.slice(out.indexOf('=') + 1);
  return list ? list.split(',') : [];
}

/** A capability written by the lab (`CAP_CHOWN`) or by strace (`CAP_CHOWN`, `0x30 /* CAP_??? *\/`) as its bit number. */
export function capBit(token: string): number | undefined {
  const hex = token.match(/^0x([0-9a-f]+)/i);
  if (hex) return parseInt(hex[1]!, 16);
  const i = capNames().indexOf(token.toLowerCase());
  return i < 0 ? undefined : i;
}

export interface FileStat {
  /** `ls -l` style: `crw-r--r--`. */
  mode: string;
  inode: string;
  size: string;
  /** Major:minor of a device file, decimal. */
  rdev: string;
  type: string;
}

/** `stat` of one path, without following a last symlink; undefined when it does not exist. */
export function statOf(path: string): FileStat | undefined {
  try {
    const [mode, inode, size, major, minor, type] = run('stat', ['-c', '%A|%i|%s|%Hr|%Lr|%F', path]).trim().split('|');
    return { mode: mode!, inode: inode!, size: size!, rdev: `${major}:${minor}`, type: type! };
  } catch {
    return undefined;
  }
}

/**
 * `getfattr -d -m - -e hex`: every extended attribute of `path`, as text when it is printable
 * (`y`), else as hex (`0x00fb1d…`, a file handle such as trusted.overlay.origin).
 */
export function xattrsOf(path: string): Map<string, string> {
  const out = run('getfattr', ['-h', '-d', '-m', '-', '-e', 'hex', '--absolute-names', path]);
  const attrs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = line.match(/^([^#=][^=]*)=0x([0-9a-f]*)$/);
    if (!m) continue;
    const text = Buffer.from(m[2]!, 'hex').toString('latin1');
    attrs.set(m[1]!, /^[\x20-\x7e]*$/.test(text) ? text : `0x${m[2]}`);
  }
  return attrs;
}

export function sha256Of(path: string): string {
  return run('sha256sum', [path]).split(' ')[0]!;
}
