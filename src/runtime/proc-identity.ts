/**
 * A PID alone is not an identity: after a crash the kernel may have given the same number to
 * someone else's process. The lab records a process as (PID, start time in clock ticks since boot,
 * field 22 of /proc/<pid>/stat) and only signals a PID whose start time still matches.
 */
import fs from 'node:fs';

/** The start time of `pid` (field 22 of /proc/<pid>/stat), or undefined if it is gone. */
export function processStartTime(pid: number, procRoot = '/proc'): string | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const afterComm = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return afterComm[19]; // fields 3.. start at index 0, so field 22 is index 19
}

/** True if `pid` is alive and is still the process that started at `startTime`. */
export function isSameProcess(pid: number, startTime: string, procRoot = '/proc'): boolean {
  return processStartTime(pid, procRoot) === startTime;
}
