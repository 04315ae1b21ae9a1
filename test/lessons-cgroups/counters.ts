/**
 * Reads the kernel's own counters in the lab's cgroups while a run goes on, independently of
 * anything the lab prints: every container cgroup under this tier's parent, in whichever files
 * this host has (v2: memory.events, pids.events, cpu.stat in one directory; v1: the same counters
 * spread over the memory, pids and cpu trees, OOM kills in memory.oom_control).
 */
import fs from 'node:fs';
import path from 'node:path';
import { labCgroupDirs } from './lab-env.js';

export interface Peaks {
  oomKills: number;
  pidsRefused: number;
  pidsCurrent: number;
  /** pids.max as it read when pids.current was highest. */
  pidsMaxAtPeak: string;
  nrThrottled: number;
}

function keyed(file: string, key: string): number | undefined {
  try {
    const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${key} `));
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
  readonly peaks: Peaks = { oomKills: 0, pidsRefused: 0, pidsCurrent: 0, pidsMaxAtPeak: '', nrThrottled: 0 };
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
        children = fs.readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
      } catch {
        continue; // removed between the listing and now
      }
      for (const name of children) {
        this.seen.add(name);
        const dir = path.join(parent, name);
        p.oomKills = Math.max(p.oomKills, keyed(`${dir}/memory.events`, 'oom_kill') ?? keyed(`${dir}/memory.oom_control`, 'oom_kill') ?? 0);
        p.pidsRefused = Math.max(p.pidsRefused, keyed(`${dir}/pids.events`, 'max') ?? 0);
        p.nrThrottled = Math.max(p.nrThrottled, keyed(`${dir}/cpu.stat`, 'nr_throttled') ?? 0);
        const current = Number(read(`${dir}/pids.current`) ?? 0);
        if (current > p.pidsCurrent) {
          p.pidsCurrent = current;
          p.pidsMaxAtPeak = read(`${dir}/pids.max`) ?? '';
        }
      }
    }
  }
}
