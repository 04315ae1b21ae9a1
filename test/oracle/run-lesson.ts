/**
 * Runs one lesson as CI does (`container-lab lesson <id> --json`), under `strace -f`, and stops the
 * lab after each step (its step gate) so the oracle can look at the containers while they exist.
 *
 * strace traces the lab and every process it starts (the shims, each container's init stage and
 * PID 1, the programs run inside): `-f` follows them, `-y` names the file behind each fd,
 * `--seccomp-bpf` stops only at the traced calls, so the lab runs at nearly its own speed — except
 * in the lessons of NNP_FREE: a seccomp filter needs no_new_privs, so strace sets it on every
 * process it traces, and with no_new_privs execve grants no file capability (the capabilities
 * lesson's `bind-with-file-cap` then fails, and says so, for the oracle's sake). `-q`
 * drops attach notes but keeps `+++ exited with N +++`. `-s 512` keeps every path and mount option
 * whole; longer strings (the cgroups lesson pipes 48 MiB of zeros through read and write) are cut,
 * and compared as prefixes.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { CLI } from '../helpers/lab.js';
import { readStraceLog } from './strace-log.js';
import type { StraceLog } from './strace-log.js';

/** One JSON line of `lesson --json` (see src/lessons/runner/print-json.ts). */
export type LabRecord = { type: string; step?: string; [key: string]: unknown };

export interface StepRecords {
  step: string;
  index: number;
  records: LabRecord[];
}

export interface TracedRun {
  lesson: string;
  steps: StepRecords[];
  summary?: LabRecord;
  exitCode: number | null;
  log: StraceLog;
  stderr: string;
  /** Checks that threw while the lab waited at a gate, by step. */
  gateErrors: string[];
}

/**
 * Calls the lab's events name, plus the ones a failing program inside may report an errno from
 * (mount, chown, bind, connect…): what an errno sentence on the screen has to be found among.
 */
export const TRACED_CALLS = [
  'unshare',
  'setns',
  'mount',
  'umount2',
  'pivot_root',
  'chroot',
  'chdir',
  'sethostname',
  'setsid',
  'capget',
  'capset',
  'prctl',
  'execve',
  'kill',
  'tgkill',
  'openat',
  'read',
  'write',
  'mkdir',
  'mkdirat',
  'rmdir',
  'unlink',
  'unlinkat',
  'rename',
  'renameat',
  'renameat2',
  'mknodat',
  'chown',
  'fchown',
  'fchownat',
  'lchown',
  'socket',
  'bind',
  'connect',
  'setxattr',
  'lsetxattr',
  'fsetxattr',
  'getxattr',
  'lgetxattr',
  'fgetxattr',
  'listxattr',
  'llistxattr',
  'removexattr',
  'lremovexattr',
  'setuid',
  'setgid',
  'setgroups',
  'statx',
  'newfstatat',
  'lstat',
  'close',
  'getdents64',
];

/** Lessons traced without `--seccomp-bpf`: they teach what no_new_privs would change (see above). */
const NNP_FREE = new Set(['capabilities']);

/**
 * Runs the lesson; `atGate` is called after each step with that step's records, while the lab waits.
 * `env` is the lab's environment (its state dir, cgroup parent, link prefix).
 */
export async function runTraced(
  lesson: string,
  env: Record<string, string>,
  atGate: (step: StepRecords, labPid: number) => void | Promise<void>,
  timeoutMs = 300_000,
): Promise<TracedRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oracle-${lesson}-`));
  const gate = path.join(dir, 'gate');
  const logFile = path.join(dir, 'strace.log');
  execFileSync('mkfifo', [gate]);
  try {
    const child = spawn(
      'strace',
      [
        '-f',
        '-q',
        '-y',
        '-s',
        '512',
        ...(NNP_FREE.has(lesson) ? [] : ['--seccomp-bpf']),
        '-e',
        'signal=none',
        '-e',
        `trace=${TRACED_CALLS.join(',')}`,
        '-o',
        logFile,
        process.execPath,
        CLI,
        'lesson',
        lesson,
        '--json',
        '--solve',
      ],
      {
        env: { ...process.env, ...env, CONTAINER_LAB_STEP_GATE: gate },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const steps: StepRecords[] = [];
    let summary: LabRecord | undefined;
    let current: StepRecords | undefined;
    const gateErrors: string[] = [];
    for await (const line of readline.createInterface({ input: child.stdout })) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as LabRecord;
      if (record.type === 'summary') summary = record;
      if (record.type === 'step') current = { step: String(record.step), index: Number(record.index), records: [] };
      current?.records.push(record);
      if (record.type === 'result' && current) {
        steps.push(current);
        // A check that throws must not leave the lab waiting at its gate forever.
        try {
          await atGate(current, labPid(child.pid!));
        } catch (err) {
          gateErrors.push(`${current.step}: ${(err as Error).stack ?? String(err)}`);
        }
        await openGate(gate);
        current = undefined;
      }
    }
    const exitCode = await exited;
    clearTimeout(timer);
    // ORACLE_KEEP_LOGS=DIR keeps each lesson's trace and JSON lines there, to read a disagreement.
    const keep = process.env.ORACLE_KEEP_LOGS;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      fs.copyFileSync(logFile, path.join(keep, `${lesson}.strace`));
      fs.writeFileSync(path.join(keep, `${lesson}.jsonl`), steps.flatMap((s) => s.records.map((r) => JSON.stringify(r))).join('\n') + '\n');
    }
    return { lesson, steps, summary, exitCode, log: readStraceLog(logFile, gate), stderr, gateErrors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The lab is strace's only child. */
function labPid(stracePid: number): number {
  const children = fs.readFileSync(`/proc/${stracePid}/task/${stracePid}/children`, 'utf8').trim().split(/\s+/);
  return Number(children[0]);
}

/**
 * Lets the lab go on: it is blocked opening the FIFO for reading. Opening it for writing without
 * blocking succeeds once the lab is there (ENXIO before), and closing it gives the lab its EOF.
 */
async function openGate(gate: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(gate, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
