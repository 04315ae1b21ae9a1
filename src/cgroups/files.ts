/**
 * cgroupfs, the whole interface: a cgroup is a directory, a setting is a file, a process joins by
 * writing its PID into `cgroup.procs`. Creating a cgroup is `mkdir`, removing it is `rmdir`.
 *
 * CgroupFiles performs those operations and reports each change as a PrimitiveEvent, so the lab's
 * primitive pane shows `write /sys/fs/cgroup/…/memory.max "33554432"`. Reads are not reported:
 * the lab polls counters several times a second.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CgroupError, codeOf } from './errors.js';
import type { CgroupOp } from './errors.js';
import type { EmitEvent } from './types.js';

export class CgroupFiles {
  constructor(private readonly emit: EmitEvent) {}

  /** Writes one value to a cgroup file, the way `echo VALUE > FILE` does. */
  write(file: string, value: string | number): void {
    const text = String(value);
    const start = performance.now();
    try {
      fs.writeFileSync(file, text);
    } catch (err) {
      throw this.failed('write', file, [JSON.stringify(text)], start, err, text);
    }
    this.emit({ kind: 'write', name: file, args: [JSON.stringify(text)], result: '0', ok: true, durationMs: performance.now() - start });
  }

  /** Creates a cgroup directory; the kernel fills it with the files of the enabled controllers. */
  mkdir(dir: string): void {
    this.makeDir(dir, false);
  }

  /** Creates a cgroup directory unless it exists. Returns false (and reports nothing) when it did. */
  mkdirIfMissing(dir: string): boolean {
    return !fs.existsSync(dir) && this.makeDir(dir, true);
  }

  private makeDir(dir: string, existingIsFine: boolean): boolean {
    const start = performance.now();
    try {
      fs.mkdirSync(dir);
    } catch (err) {
      // Another lab process (a test run beside this one) made it a moment ago.
      if (existingIsFine && codeOf(err) === 'EEXIST') return false;
      throw this.failed('mkdir', dir, [JSON.stringify(dir)], start, err);
    }
    this.syscall('mkdir', [JSON.stringify(dir)], start);
    return true;
  }

  /**
   * Removes a cgroup directory (rmdir works although it is full of files: they are the kernel's).
   * A task that was just killed takes a moment to leave its cgroup, so EBUSY is retried until
   * `timeoutMs`; only the final outcome is reported. A directory that is already gone is not an error.
   */
  async rmdir(dir: string, timeoutMs: number): Promise<void> {
    const start = performance.now();
    for (;;) {
      try {
        fs.rmdirSync(dir);
        this.syscall('rmdir', [JSON.stringify(dir)], start);
        return;
      } catch (err) {
        if (codeOf(err) === 'ENOENT') return;
        if (codeOf(err) !== 'EBUSY' || performance.now() - start > timeoutMs) {
          throw this.failed('rmdir', dir, [JSON.stringify(dir)], start, err);
        }
      }
      await sleep(20);
    }
  }

  /** Sends a signal to one host PID. A process that is already gone is not an error. */
  kill(pid: number, signal: NodeJS.Signals): void {
    const start = performance.now();
    try {
      process.kill(pid, signal);
    } catch (err) {
      if (codeOf(err) === 'ESRCH') return;
      throw this.failed('kill', String(pid), [String(pid), signal], start, err);
    }
    this.syscall('kill', [String(pid), signal], start);
  }

  /** Reads a cgroup file; undefined when this kernel or cgroup has no such file. */
  read(file: string): string | undefined {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  exists(file: string): boolean {
    return fs.existsSync(file);
  }

  /** Does this cgroup have child cgroups (subdirectories)? False when it does not exist. */
  hasChildren(dir: string): boolean {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory());
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return false;
      throw err;
    }
  }

  private syscall(name: string, args: string[], start: number): void {
    this.emit({ kind: 'syscall', name, args, result: '0', ok: true, durationMs: performance.now() - start });
  }

  private failed(op: CgroupOp, target: string, args: string[], start: number, err: unknown, value?: string): CgroupError {
    const error = new CgroupError(op, target, codeOf(err), value);
    this.emit({
      kind: op === 'write' ? 'write' : 'syscall',
      name: op === 'write' ? target : op,
      args,
      result: `-1 ${error.code}`,
      ok: false,
      durationMs: performance.now() - start,
      error: { code: error.code, text: error.text, hint: error.hint },
    });
    return error;
  }
}
