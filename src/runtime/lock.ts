/**
 * One lab at a time: a lock file in the run directory naming the owner (PID and start time).
 * A lock whose owner is gone (crash, `kill -9`, reboot) is stale and is taken over.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { isSameProcess, processStartTime } from './proc-identity.js';

export class LabBusyError extends Error {
  constructor(readonly ownerPid: number) {
    super(t('runtime.lock.busy', { pid: ownerPid }));
    this.name = 'LabBusyError';
  }
}

export interface Lock {
  release(): void;
  /** True when the previous owner had died without releasing it (so there may be leftovers). */
  stale: boolean;
}

export function acquireLock(runDir: string): Lock {
  const file = path.join(runDir, 'lock');
  const me = `${process.pid} ${processStartTime(process.pid)}\n`;
  let stale = false;
  for (;;) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [pid, start] = fs.readFileSync(file, 'utf8').trim().split(' ');
      if (pid && start && isSameProcess(Number(pid), start)) throw new LabBusyError(Number(pid));
      fs.rmSync(file, { force: true });
      stale = true;
    }
  }
  return {
    stale,
    release() {
      try {
        if (fs.readFileSync(file, 'utf8') === me) fs.rmSync(file);
      } catch {
        // already gone: nothing to release
      }
    },
  };
}

/** Who holds the lock now, if anyone alive. */
export function lockOwner(runDir: string): number | undefined {
  try {
    const [pid, start] = fs.readFileSync(path.join(runDir, 'lock'), 'utf8').trim().split(' ');
    return pid && start && isSameProcess(Number(pid), start) ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}
