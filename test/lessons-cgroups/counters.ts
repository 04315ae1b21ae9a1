/**
 * Reads the kernel's own counters in the lab's cgroups while a run goes on, independently of
 * anything the lab prints: every container cgroup under this tier's parent, in whichever files
 * this host has (v2: memory.events, pids.events, cpu.stat in one directory; v1: the same counters
 * spread over the memory, pids and cpu trees, OOM kills in memory.oom_control).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TIERS } from '../helpers/lab.js';

/**
 * This tier's parent cgroup in every hierarchy (v2: one), found as `find /sys/fs/cgroup -maxdepth 3
 * -name container-lab-t5` finds it: the exact name, so a look-alike (`container-lab-t5-decoy`) is
 * neither counted nor taken for the lab's.
 */
function labCgroupDirs(): string[] {
  const found = spawnSync('find', ['/sys/fs/cgroup', '-maxdepth', '3', '-name', TIERS.cgroupsLesson.cgroupParent], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean);
}

export interface Peaks {
  oomKills: number;
  pidsRefused: number;
  /** The highest pids.current read under each pids.max value (`max` included). */
  pidsCurrentUnder: Record<string, number>;
  nrThrottled: number;
  /** The kernel's own memory peak (memory.peak, memory.max_usage_in_bytes), highest read under each memory limit. */
  memoryPeakUnder: Record<string, number>;
}

function keyed(file: string, key: string): number | undefined {
  try {
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  } catch {
    return undefined;
  }
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export class CounterWatch {
  readonly peaks: Peaks = { oomKills: 0, pidsRefused: 0, pidsCurrentUnder: {}, nrThrottled: 0, memoryPeakUnder: {} };
  /** Container cgroups seen (one name per container, the same in every v1 tree). */
  readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 25): void {
    this.timer = setInterval(() => this.poll(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.poll();
  }

  poll(): void {
    const p = this.peaks;
    for (const parent of labCgroupDirs()) {
      let children: string[] = [];
      try {
        children = fs
          .readdirSync(parent, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name);
      } catch {
        continue; // removed between the listing and now
      }
      for (const name of children) {
        this.seen.add(name);
        const dir = path.join(parent, name);
        p.oomKills = Math.max(p.oomKills, keyed(`${dir}/memory.events`, 'oom_kill') ?? keyed(`${dir}/memory.oom_control`, 'oom_kill') ?? 0);
        p.pidsRefused = Math.max(p.pidsRefused, keyed(`${dir}/pids.events`, 'max') ?? 0);
        p.nrThrottled = Math.max(p.nrThrottled, keyed(`${dir}/cpu.stat`, 'nr_throttled') ?? 0);
        // pids.max is read before and after pids.current, and the count kept only when both agree.
        // (While PID 1 is still the runtime's Node init, its threads count too: ~10 tasks, no limit yet.)
        const limit = read(`${dir}/pids.max`);
        const current = Number(read(`${dir}/pids.current`) ?? 0);
        if (limit !== undefined && read(`${dir}/pids.max`) === limit) {
          p.pidsCurrentUnder[limit] = Math.max(p.pidsCurrentUnder[limit] ?? 0, current);
        }
        const memLimit = read(`${dir}/memory.max`) ?? read(`${dir}/memory.limit_in_bytes`);
        const memPeak = Number(read(`${dir}/memory.peak`) ?? read(`${dir}/memory.max_usage_in_bytes`) ?? 0);
        if (memLimit !== undefined && memPeak > 0) p.memoryPeakUnder[memLimit] = Math.max(p.memoryPeakUnder[memLimit] ?? 0, memPeak);
      }
    }
  }
}
