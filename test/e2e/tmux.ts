/** Drives the built lab in a detached tmux session, as a learner at a terminal would. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, LAB_ENV } from './lab-env.js';

/** A tmux server of our own, so a learner's (or CI's) tmux sessions are never touched. */
const NAME = `clab3-e2e-${process.pid}`;
const SERVER = ['-L', NAME];

function tmux(args: string[], options: { encoding?: 'utf8'; stdio?: 'ignore' } = {}): string {
  return execFileSync('tmux', [...SERVER, ...args], options) as unknown as string;
}

export class TmuxLab {
  readonly session = `clab3-e2e-${process.pid}`;
  /** A fresh XDG state directory: progress starts empty, and is checked afterwards. */
  readonly stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'clab3-state-'));

  constructor(size: { columns: number; rows: number }, extraEnv: Record<string, string> = {}) {
    const env = Object.entries({ ...LAB_ENV, XDG_STATE_HOME: this.stateHome, TERM: 'xterm-256color', ...extraEnv }).map(([k, v]) => `${k}=${v}`);
    tmux(['new-session', '-d', '-s', this.session, '-x', String(size.columns), '-y', String(size.rows), 'env', ...env, process.execPath, CLI]);
  }

  keys(...keys: string[]): void {
    tmux(['send-keys', '-t', this.session, ...keys]);
  }

  /** Types text literally (not as key names). */
  type(text: string): void {
    tmux(['send-keys', '-t', this.session, '-l', text]);
  }

  /** The screen with its escape sequences (colours), as `capture-pane -e` gives it. */
  screenWithEscapes(): string {
    return tmux(['capture-pane', '-p', '-e', '-t', this.session], { encoding: 'utf8' });
  }

  resize(columns: number, rows: number): void {
    tmux(['resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows)]);
  }

  screen(): string {
    try {
      return tmux(['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }

  /** Polls the screen until `test` passes; returns the milliseconds it took. */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<number> {
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      if (test(this.screen())) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`Timed out waiting for ${what}. Screen:\n${this.screen()}`);
  }

  /** Presses a key and waits for the screen to show `test`; returns the milliseconds it took. */
  async press(key: string, test: (screen: string) => boolean, what: string): Promise<number> {
    this.keys(key);
    return this.waitFor(test, what);
  }

  alive(): boolean {
    try {
      tmux(['has-session', '-t', this.session], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for the lab to exit on its own (after `q`), up to `timeoutMs`. */
  async exited(timeoutMs = 15_000): Promise<boolean> {
    const t0 = performance.now();
    while (this.alive() && performance.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 20));
    return !this.alive();
  }

  /** Ends the session and our tmux server, and removes its socket: no tmux residue. */
  close(): void {
    if (this.alive()) tmux(['kill-session', '-t', this.session]);
    try {
      tmux(['kill-server'], { stdio: 'ignore' });
    } catch {
      // the server already exited with its last session
    }
    fs.rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, NAME), { force: true });
    fs.rmSync(this.stateHome, { recursive: true, force: true });
  }
}
