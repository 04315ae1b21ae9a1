/**
 * The cgroup v2 driver: one tree, one directory per container.
 *
 *   /sys/fs/cgroup/                      root: cgroup.subtree_control gets "+memory +pids +cpu"
 *   └─ container-lab/                    the lab parent: its subtree_control too
 *      └─ c1a2b/                         a container: memory.max, pids.max, cpu.max, cgroup.procs
 *
 * A controller's files appear in a cgroup only when its parent lists the controller in
 * `cgroup.subtree_control`, so each level down from the root hands the controllers on. v2 adds one
 * rule v1 did not have: a cgroup that hands controllers to children may hold no processes itself
 * (the root is the exception), so processes always go into the leaf, never into the lab parent.
 */
import { t } from '../i18n/index.js';
import path from 'node:path';
import { SETTLE_MS, killWithoutCgroupKill, waitEmpty } from './drain.js';
import type { LabController } from './detect.js';
import { CgroupFiles } from './files.js';
import { CPU_PERIOD_USEC, checkCgroupName, checkLimits, cpuQuotaUsec } from './limits.js';
import { parseKeyed, parseLimit, parsePids, parseValue } from './parse.js';
import type { Cgroup, CgroupDriver, CgroupLimits, CgroupStats, EmitEvent } from './types.js';

export class CgroupV2Driver implements CgroupDriver {
  readonly mode = 'v2' as const;
  private readonly files: CgroupFiles;

  /**
   * @param root the cgroup2 mount point, e.g. `/sys/fs/cgroup`
   * @param parent the lab parent's name under the root
   * @param controllers the lab controllers the root offers (its `cgroup.controllers`)
   */
  constructor(
    readonly root: string,
    private readonly parent: string,
    readonly controllers: readonly LabController[],
    emit: EmitEvent,
  ) {
    checkCgroupName(parent);
    this.files = new CgroupFiles(emit);
  }

  private get parentDir(): string {
    return path.join(this.root, this.parent);
  }

  create(name: string): Cgroup {
    checkCgroupName(name);
    this.enableControllers(this.root);
    this.files.mkdirIfMissing(this.parentDir);
    this.enableControllers(this.parentDir);
    const cgroup = this.open(name);
    this.files.mkdir(cgroup.dirs[0]!);
    return cgroup;
  }

  open(name: string): Cgroup {
    checkCgroupName(name);
    return new CgroupV2(name, path.join(this.parentDir, name), this.controllers, this.files);
  }

  async removeParent(): Promise<void> {
    if (!this.files.hasChildren(this.parentDir)) await this.files.rmdir(this.parentDir, SETTLE_MS);
  }

  /** Adds the missing lab controllers to `dir/cgroup.subtree_control`; never removes one. */
  private enableControllers(dir: string): void {
    const enabled = (this.files.read(path.join(dir, 'cgroup.subtree_control')) ?? '').trim().split(/\s+/);
    const missing = this.controllers.filter((c) => !enabled.includes(c));
    if (missing.length > 0) this.files.write(path.join(dir, 'cgroup.subtree_control'), missing.map((c) => `+${c}`).join(' '));
  }
}

class CgroupV2 implements Cgroup {
  readonly dirs: readonly string[];
  readonly procsFiles: readonly string[];

  constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly controllers: readonly LabController[],
    private readonly files: CgroupFiles,
  ) {
    this.dirs = [dir];
    this.procsFiles = [this.file('cgroup.procs')];
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  private need(controller: LabController): void {
    if (!this.controllers.includes(controller)) {
      throw new Error(t('runtime.cgroup.v2-missing', { controller }));
    }
  }

  setLimits(limits: CgroupLimits): void {
    // Everything is checked before the first write, so a refused limit never leaves half of them set.
    checkLimits(limits);
    if (limits.memoryBytes !== undefined) this.need('memory');
    if (limits.pids !== undefined) this.need('pids');
    if (limits.cpus !== undefined) this.need('cpu');

    if (limits.memoryBytes !== undefined) {
      this.files.write(this.file('memory.max'), limits.memoryBytes);
      // With swap available the kernel would swap the workload out at the limit instead of
      // killing it; a zero swap budget makes the limit hard, as `docker run --memory` does.
      // (memory.swap.max exists only when the kernel accounts swap.)
      if (this.files.exists(this.file('memory.swap.max'))) this.files.write(this.file('memory.swap.max'), 0);
    }
    if (limits.pids !== undefined) {
      // 0 is written as 0. runc writes 0 as 1, only because systemd's TasksMax cannot be 0; the
      // kernel takes 0, and since joining a cgroup is never refused by pids.max, 0 and 1 both mean
      // "the processes already inside may not fork" (checked on this machine's kernel).
      this.files.write(this.file('pids.max'), limits.pids);
    }
    if (limits.cpus !== undefined) {
      this.files.write(this.file('cpu.max'), `${cpuQuotaUsec(limits.cpus)} ${CPU_PERIOD_USEC}`);
    }
  }

  clearLimits(controllers: readonly LabController[]): void {
    for (const c of controllers) this.need(c);
    if (controllers.includes('memory')) this.files.write(this.file('memory.max'), 'max');
    if (controllers.includes('pids')) this.files.write(this.file('pids.max'), 'max');
    if (controllers.includes('cpu')) this.files.write(this.file('cpu.max'), `max ${CPU_PERIOD_USEC}`);
  }

  join(pid: number): void {
    this.files.write(this.file('cgroup.procs'), pid);
  }

  pids(): number[] {
    return parsePids(this.files.read(this.file('cgroup.procs')));
  }

  stats(): CgroupStats {
    const memoryEvents = parseKeyed(this.files.read(this.file('memory.events')));
    const pidsEvents = parseKeyed(this.files.read(this.file('pids.events')));
    const cpu = parseKeyed(this.files.read(this.file('cpu.stat')));
    return {
      memoryCurrent: parseValue(this.files.read(this.file('memory.current'))),
      memoryMax: parseLimit(this.files.read(this.file('memory.max'))),
      memoryPeak: parseValue(this.files.read(this.file('memory.peak'))),
      oomKills: memoryEvents.oom_kill,
      memoryLimitHits: memoryEvents.max,
      pidsCurrent: parseValue(this.files.read(this.file('pids.current'))),
      pidsMax: parseLimit(this.files.read(this.file('pids.max'))),
      pidsRefused: pidsEvents.max,
      cpuUsageUsec: cpu.usage_usec,
      nrThrottled: cpu.nr_throttled,
      throttledUsec: cpu.throttled_usec,
    };
  }

  async killAll(): Promise<void> {
    // cgroup.kill (Linux 5.14+) kills every process in the cgroup at once, including ones forked
    // while it runs: no race with a fork loop.
    if (this.files.exists(this.file('cgroup.kill'))) {
      this.files.write(this.file('cgroup.kill'), 1);
      await waitEmpty(() => this.pids(), SETTLE_MS);
      return;
    }
    await killWithoutCgroupKill(this.files, this.file('pids.max'), () => this.pids());
  }

  async remove(): Promise<void> {
    await this.files.rmdir(this.dir, SETTLE_MS);
  }
}
