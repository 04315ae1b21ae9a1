/**
 * Runs the built lab on a real pty (as a terminal would) for the TUI benchmarks, with this tier's own
 * state, cgroup parent and link prefix, and a fresh progress directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';

export const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/cli.js');

/** The benchmarks' own state, lock, cgroup parent and link prefix: never those of a test run. */
export const LAB_ENV: Record<string, string> = {
  CONTAINER_LAB_STATE_DIR: '/var/lib/container-lab-bench3',
  CONTAINER_LAB_RUN_DIR: '/run/container-lab-bench3',
  CONTAINER_LAB_CGROUP_PARENT: 'container-lab-bench3',
  CONTAINER_LAB_LINK_PREFIX: 'clb3',
};

export interface PtyRun {
  pty: IPty;
  /** Everything the program wrote so far. */
  output(): string;
  /** Resolves with the ms from spawn until the output satisfies `test` (or rejects after `timeoutMs`). */
  until(test: (out: string) => boolean, timeoutMs?: number): Promise<number>;
  exited: Promise<number>;
  started: number;
}

/** Spawns `args` (node's arguments) on a 100×30 pty. */
export function runOnPty(args: string[], extraEnv: Record<string, string> = {}): PtyRun {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'clab3-bench-'));
  const started = performance.now();
  const pty = spawn(process.execPath, args, {
    cols: 100,
    rows: 30,
    cwd: path.dirname(path.dirname(CLI)),
    env: { ...(process.env as Record<string, string>), ...LAB_ENV, XDG_STATE_HOME: state, TERM: 'xterm-256color', ...extraEnv },
  });
  let out = '';
  const waiters = new Set<() => void>();
  pty.onData((d) => {
    out += d;
    for (const w of waiters) w();
  });
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => {
      fs.rmSync(state, { recursive: true, force: true });
      resolve(exitCode);
    }),
  );
  return {
    pty,
    started,
    exited,
    output: () => out,
    until(test, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!test(out)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(performance.now() - started);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; last output: ${JSON.stringify(out.slice(-300))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** The screen text Ink wrote since `from`, without escape sequences. */
export function textSince(run: PtyRun, from: number): string {
  return run
    .output()
    .slice(from)
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Presses `key` and returns the ms until the text written since then satisfies `test`. */
export async function press(run: PtyRun, key: string, test: RegExp): Promise<number> {
  const from = run.output().length;
  const t0 = performance.now();
  run.pty.write(key);
  try {
    await run.until(() => test.test(textSince(run, from)), 20_000);
  } catch {
    throw new Error(
      `no ${test} on screen 20 s after pressing ${JSON.stringify(key)}; the screen ended with: ${JSON.stringify(textSince(run, from).slice(-1500))}`,
    );
  }
  return performance.now() - t0;
}
