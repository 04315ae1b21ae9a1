/**
 * The cgroup v1 driver (v1 and hybrid hosts): one tree per hierarchy, so one container has one
 * directory in each tree, all with the same name, and joins by writing its PID into each.
 *
 *   /sys/fs/cgroup/memory/container-lab/c1a2b/   memory.limit_in_bytes, memory.oom_control
 *   /sys/fs/cgroup/pids/container-lab/c1a2b/     pids.max
 *   /sys/fs/cgroup/cpu,cpuacct/container-lab/c1a2b/  cpu.cfs_quota_us, cpuacct.usage
 *
 * Where each controller is mounted comes from mountinfo: `cpu` and `cpuacct` are often mounted
 * together (`cpu,cpuacct`), sometimes apart. On a hybrid host there is also a cgroup2 mount
 * (systemd's /sys/fs/cgroup/unified); it holds no controller the lab needs, so it is not used.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { type LabController, type V1Hierarchy, hierarchyOf, v1Controllers } from './detect.js';
import { SETTLE_MS, killWithoutCgroupKill } from './drain.js';
import { CgroupFiles } from './files.js';
import { CPU_PERIOD_USEC, checkCgroupName, checkLimits, cpuQuotaUsec } from './limits.js';
import { parseKeyed, parseLimit, parsePids, parseValue } from './parse.js';
import type { Cgroup, CgroupDriver, CgroupLimits, CgroupStats, EmitEvent } from './types.js';

/** The trees a lab cgroup spans: the three lab controllers, plus cpuacct for CPU usage. */
type Tree = LabController | 'cpuacct';
const TREES: readonly Tree[] = ['memory', 'pids', 'cpu', 'cpuacct'];

export class CgroupV1Driver implements CgroupDriver {
  readonly controllers: readonly LabController[];
  private readonly files: CgroupFiles;
  /** Mount point of each tree's hierarchy (cpu and cpuacct may share one). */
  private readonly mounts: Partial<Record<Tree, string>> = {};

  /**
   * @param root the directory that holds the v1 mounts, e.g. `/sys/fs/cgroup`
   * @param hierarchies the mounted v1 hierarchies, from mountinfo
   */
  constructor(
    readonly mode: 'v1' | 'hybrid',
    readonly root: string,
    hierarchies: readonly V1Hierarchy[],
    private readonly parent: string,
    emit: EmitEvent,
  ) {
    checkCgroupName(parent);
    this.controllers = v1Controllers(hierarchies);
    for (const tree of TREES) {
      const mount = hierarchyOf(hierarchies, tree);
      if (mount !== undefined) this.mounts[tree] = mount;
    }
    this.files = new CgroupFiles(emit);
  }

  /** Each hierarchy the lab uses, once (a combined `cpu,cpuacct` mount is one hierarchy). */
  private hierarchyMounts(): string[] {
    return [...new Set(Object.values(this.mounts))];
  }

  create(name: string): Cgroup {
    const cgroup = this.open(name);
    for (const mount of this.hierarchyMounts()) this.files.mkdirIfMissing(path.join(mount, this.parent));
    for (const dir of cgroup.dirs) this.files.mkdir(dir);
    return cgroup;
  }

  open(name: string): Cgroup {
    checkCgroupName(name);
    const dirs: Partial<Record<Tree, string>> = {};
    for (const tree of TREES) {
      const mount = this.mounts[tree];
      if (mount !== undefined) dirs[tree] = path.join(mount, this.parent, name);
    }
    return new CgroupV1(name, dirs, this.files);
  }

  async removeParent(): Promise<void> {
    for (const mount of this.hierarchyMounts()) {
      const dir = path.join(mount, this.parent);
      if (!this.files.hasChildren(dir)) await this.files.rmdir(dir, SETTLE_MS);
    }
  }
}

class CgroupV1 implements Cgroup {
  readonly dirs: readonly string[];
  readonly procsFiles: readonly string[];

  constructor(
    readonly name: string,
    private readonly treeDirs: Partial<Record<Tree, string>>,
    private readonly files: CgroupFiles,
  ) {
    this.dirs = [...new Set(Object.values(treeDirs))];
    this.procsFiles = this.dirs.map((d) => path.join(d, 'cgroup.procs'));
  }

  /** The path of `file` in `tree`'s directory, or undefined when that controller is not mounted. */
  private file(tree: Tree, file: string): string | undefined {
    const dir = this.treeDirs[tree];
    return dir === undefined ? undefined : path.join(dir, file);
  }

  /** The directory in `tree`; throws a clear sentence when that controller is not mounted. */
  private need(tree: LabController): string {
    const dir = this.treeDirs[tree];
    if (dir === undefined) throw new Error(t('runtime.cgroup.v1-missing', { tree }));
    return dir;
  }

  private read(tree: Tree, file: string): string | undefined {
    const p = this.file(tree, file);
    return p === undefined ? undefined : this.files.read(p);
  }

  setLimits(limits: CgroupLimits): void {
    // Everything is checked before the first write, so a refused limit never leaves half of them set.
    checkLimits(limits);
    if (limits.memoryBytes !== undefined) this.need('memory');
    if (limits.pids !== undefined) this.need('pids');
    if (limits.cpus !== undefined) this.need('cpu');

    if (limits.memoryBytes !== undefined) this.setMemory(this.need('memory'), limits.memoryBytes);
    // Written as asked, 0 included: see the v2 driver for why runc writes 1 instead.
    if (limits.pids !== undefined) this.files.write(path.join(this.need('pids'), 'pids.max'), limits.pids);
    if (limits.cpus !== undefined) {
      this.files.write(path.join(this.need('cpu'), 'cpu.cfs_period_us'), CPU_PERIOD_USEC);
      this.files.write(path.join(this.need('cpu'), 'cpu.cfs_quota_us'), cpuQuotaUsec(limits.cpus));
    }
  }

  /**
   * memory.limit_in_bytes caps RAM; memory.memsw.limit_in_bytes (present when the kernel accounts
   * swap) caps RAM + swap. Setting both to the same value means "no swap": the workload is
   * OOM-killed at the limit instead of being swapped out, as with `docker run --memory`.
   * The kernel insists memsw >= memory at every moment, so the order of the two writes matters:
   * memory first when the limit goes down, memsw first when it goes up.
   */
  private setMemory(dir: string, bytes: number): void {
    const limitFile = path.join(dir, 'memory.limit_in_bytes');
    const memswFile = path.join(dir, 'memory.memsw.limit_in_bytes');
    if (!this.files.exists(memswFile)) {
      this.files.write(limitFile, bytes);
      return;
    }
    const memsw = parseLimit(this.files.read(memswFile)) ?? Number.POSITIVE_INFINITY;
    if (bytes > memsw) {
      this.files.write(memswFile, bytes);
      this.files.write(limitFile, bytes);
    } else {
      this.files.write(limitFile, bytes);
      this.files.write(memswFile, bytes);
    }
  }

  clearLimits(controllers: readonly LabController[]): void {
    for (const c of controllers) this.need(c);
    if (controllers.includes('memory')) {
      // -1 is v1's "no limit". memsw must stay >= the memory limit, so it is raised first.
      const dir = this.need('memory');
      if (this.files.exists(path.join(dir, 'memory.memsw.limit_in_bytes')))
        this.files.write(path.join(dir, 'memory.memsw.limit_in_bytes'), -1);
      this.files.write(path.join(dir, 'memory.limit_in_bytes'), -1);
    }
    if (controllers.includes('pids')) this.files.write(path.join(this.need('pids'), 'pids.max'), 'max');
    if (controllers.includes('cpu')) this.files.write(path.join(this.need('cpu'), 'cpu.cfs_quota_us'), -1);
  }

  join(pid: number): void {
    for (const procs of this.procsFiles) this.files.write(procs, pid);
  }

  pids(): number[] {
    const all = new Set<number>();
    for (const procs of this.procsFiles) for (const pid of parsePids(this.files.read(procs))) all.add(pid);
    return [...all].sort((a, b) => a - b);
  }

  stats(): CgroupStats {
    const oomControl = parseKeyed(this.read('memory', 'memory.oom_control'));
    const failcnt = parseValue(this.read('memory', 'memory.failcnt'));
    const memswFailcnt = parseValue(this.read('memory', 'memory.memsw.failcnt')) ?? 0;
    const cpuStat = parseKeyed(this.read('cpu', 'cpu.stat'));
    const usageNs = parseValue(this.read('cpuacct', 'cpuacct.usage'));
    const throttledNs = cpuStat.throttled_time;
    return {
      memoryCurrent: parseValue(this.read('memory', 'memory.usage_in_bytes')),
      memoryMax: parseLimit(this.read('memory', 'memory.limit_in_bytes')),
      memoryPeak: parseValue(this.read('memory', 'memory.max_usage_in_bytes')),
      // The `oom_kill` line of memory.oom_control exists since Linux 4.13; before, only
      // `under_oom` showed an OOM, and only while it lasted.
      oomKills: oomControl.oom_kill,
      // failcnt counts charges refused at the limit. When memsw equals the limit, the memsw
      // counter is the one that refuses, and recent kernels (6.18 here) count failures only in
      // memory.failcnt, never in memsw.failcnt: an OOM kill can leave both at 0. Both are summed for older kernels.
      memoryLimitHits: failcnt === undefined ? undefined : failcnt + memswFailcnt,
      pidsCurrent: parseValue(this.read('pids', 'pids.current')),
      pidsMax: parseLimit(this.read('pids', 'pids.max')),
      pidsRefused: parseKeyed(this.read('pids', 'pids.events')).max,
      cpuUsageUsec: usageNs === undefined ? undefined : Math.round(usageNs / 1000),
      nrThrottled: cpuStat.nr_throttled,
      throttledUsec: throttledNs === undefined ? undefined : Math.round(throttledNs / 1000),
    };
  }

  async killAll(): Promise<void> {
    // v1 has no cgroup.kill: SIGKILL PID by PID, with pids.max at 0 so nothing forks meanwhile.
    await killWithoutCgroupKill(this.files, this.file('pids', 'pids.max'), () => this.pids());
  }

  async remove(): Promise<void> {
    for (const dir of this.dirs) await this.files.rmdir(dir, SETTLE_MS);
  }
}
