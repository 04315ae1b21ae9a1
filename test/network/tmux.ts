/** Drives the built lab in a detached tmux session, as a learner at a 100×30 terminal would. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, LAB_ENV } from './lab-env.js';

export class TmuxLab {
  readonly session: string;
  private readonly lessonsDir: string;

  /** Starts the lab with only `lessonDir` in its lesson list, so Enter on the home screen opens it. */
  constructor(lessonDir: string) {
    this.session = `clab6-e2e-${process.pid}`;
    this.lessonsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab6-lessons-'));
    fs.mkdirSync(path.join(this.lessonsDir, 'lessons'));
    fs.cpSync(path.resolve(lessonDir), path.join(this.lessonsDir, 'lessons', path.basename(lessonDir)), { recursive: true });
    // A fresh progress file, so the lesson opens at its first step whatever an earlier run did.
    fs.mkdirSync(path.join(this.lessonsDir, '.state'));
    const env = Object.entries({ ...LAB_ENV, XDG_STATE_HOME: path.join(this.lessonsDir, '.state') })
      .filter(([k]) => k.startsWith('CONTAINER_LAB_') || k === 'NO_COLOR' || k === 'XDG_STATE_HOME')
      .map(([k, v]) => `${k}=${v}`);
    execFileSync('tmux', ['new-session', '-d', '-s', this.session, '-x', '100', '-y', '30', 'env', ...env, process.execPath, CLI, '--lessons', path.join(this.lessonsDir, 'lessons')], { cwd: path.dirname(path.dirname(CLI)) });
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...keys]);
  }

  screen(): string {
    try {
      return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
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

  /** Presses a key and measures until the screen shows what the step should show. */
  async press(key: string, test: (screen: string) => boolean, what: string): Promise<number> {
    this.keys(key);
    return this.waitFor(test, what);
  }

  alive(): boolean {
    try {
      execFileSync('tmux', ['has-session', '-t', this.session], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.alive()) execFileSync('tmux', ['kill-session', '-t', this.session]);
    fs.rmSync(this.lessonsDir, { recursive: true, force: true });
  }
}
