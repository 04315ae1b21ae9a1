/**
 * Follows every process a lab starts, by PID and start time, read from /proc: each thread's
 * `task/<tid>/children` names the children it forked. Polling while the lab runs catches the
 * shims and the containers' processes (PID 1 and what runs in it); a final look just before the
 * test kills the lab catches whatever is alive at that moment.
 */
import fs from 'node:fs';
import { processStartTime } from '../../src/runtime/proc-identity.js';

export interface TrackedProcess {
  pid: number;
  startTime: string;
  /** Its command line when first seen (for messages). */
  cmdline: string;
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const kids: number[] = [];
  for (const tid of tasks) {
    try {
      for (const word of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (word.trim()) kids.push(Number(word));
    } catch {
      // the thread ended meanwhile
    }
  }
  return kids;
}

function cmdlineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

export class ProcessTracker {
  private readonly seen = new Map<string, TrackedProcess>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly root: number) {}

  /** Walks the tree under the root once, remembering every process found. */
  look(): void {
    const queue = [this.root];
    while (queue.length > 0) {
      const pid = queue.shift()!;
      for (const kid of childrenOf(pid)) {
        const startTime = processStartTime(kid);
        if (!startTime) continue;
        const key = `${kid}:${startTime}`;
        if (!this.seen.has(key)) this.seen.set(key, { pid: kid, startTime, cmdline: cmdlineOf(kid) });
        queue.push(kid);
      }
    }
  }

  start(everyMs = 10): this {
    this.look();
    this.timer = setInterval(() => this.look(), everyMs);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Every descendant seen so far. */
  all(): TrackedProcess[] {
    return [...this.seen.values()];
  }

  /** Those still alive (same PID and start time, and not a zombie). */
  alive(): TrackedProcess[] {
    return this.all().filter((p) => isAlive(p.pid, p.startTime));
  }
}

/** True while `pid` is the process that started at `startTime` and has not ended (zombies count as ended). */
export function isAlive(pid: number, startTime: string): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[0] !== 'Z' && fields[0] !== 'X' && fields[19] === startTime;
}

/**
 * Every live process whose environment names `marker` (e.g. `CONTAINER_LAB_RUN_DIR=/run/…-t7`):
 * the lab passes its environment on to the shims and the tools it runs, so a straggler the
 * polling missed is still found.
 */
export function processesWithEnv(marker: string, except: readonly number[] = [process.pid]): TrackedProcess[] {
  const found: TrackedProcess[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (except.includes(pid)) continue;
    let environ: string;
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
    } catch {
      continue;
    }
    if (!environ.split('\0').includes(marker)) continue;
    const startTime = processStartTime(pid);
    if (startTime && isAlive(pid, startTime)) found.push({ pid, startTime, cmdline: cmdlineOf(pid) });
  }
  return found;
}
