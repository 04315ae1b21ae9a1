/**
 * A PID alone is not an identity: after a crash the kernel may have given the same number to
 * someone else's process. The lab records a process as (PID, start time in clock ticks since boot,
 * field 22 of /proc/<pid>/stat) and only signals a PID whose start time still matches.
 */
import fs from 'node:fs';

/** Fields 3 onwards of /proc/<pid>/stat (state, ppid, …), or undefined if it is gone. */
function statFields(pid: number, procRoot: string): string[] | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The start time of `pid` (field 22 of /proc/<pid>/stat), or undefined if it is gone. */
export function processStartTime(pid: number, procRoot = '/proc'): string | undefined {
  return statFields(pid, procRoot)?.[19]; // fields 3.. start at index 0, so field 22 is index 19
}

/**
 * True if `pid` is alive and is still the process that started at `startTime`.
 *
 * A zombie (state Z, field 3) is not alive: it has exited, and all that is left is its PID and exit
 * status, kept until its parent collects them with wait(2). Its memory, files, namespaces and
 * mounts are already gone. A lab killed with `kill -9` stays a zombie until the shell or program
 * that started it reaps it, so its /proc entry, start time included, outlives it.
 */
export function isSameProcess(pid: number, startTime: string, procRoot = '/proc'): boolean {
  const fields = statFields(pid, procRoot);
  return fields !== undefined && fields[0] !== 'Z' && fields[0] !== 'X' && fields[19] === startTime;
}
