/** Drives the built lab in a detached tmux session, as a learner at a 100×30 terminal would. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, LAB_ENV } from './lab-env.js';

export class TmuxLab {
  readonly session = `clab5-e2e-${process.pid}`;
  /** Only the cgroups lesson, and a fresh progress file: Enter on the home screen opens step 1. */
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab5-e2e-'));
  private readonly log = path.join(this.dir, 'stderr');

  constructor(lessonDir: string) {
    fs.mkdirSync(path.join(this.dir, 'lessons'));
    fs.mkdirSync(path.join(this.dir, 'state'));
    fs.cpSync(path.resolve(lessonDir), path.join(this.dir, 'lessons', path.basename(lessonDir)), { recursive: true });
    const env = Object.entries({ ...LAB_ENV, XDG_STATE_HOME: path.join(this.dir, 'state'), TERM: 'xterm-256color' })
      .filter(([k]) => k.startsWith('CONTAINER_LAB_') || ['NO_COLOR', 'XDG_STATE_HOME', 'TERM', 'PATH'].includes(k))
      .map(([k, v]) => `${k}=${v}`);
    // The lab gets exactly these variables (`env -i`): with CI set, as in the test VM, Ink would draw
    // nothing until it exits. Its stderr and exit status go to a file, so a lab that could not
    // start says why.
    const run = 'env "$@" 2>>"$LOG"; echo "exit status $?" >>"$LOG"';
    execFileSync('tmux', ['new-session', '-d', '-s', this.session, '-x', '100', '-y', '30', 'env', '-i', `LOG=${this.log}`, '/bin/sh', '-c', run, 'sh', ...env, process.execPath, CLI, '--lessons', path.join(this.dir, 'lessons')]);
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
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 60_000): Promise<number> {
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      if (test(this.screen())) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
    const stderr = fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8') : '';
    throw new Error(`Timed out waiting for ${what}. Screen:\n${this.screen()}${stderr ? `\nThe lab's stderr:\n${stderr}` : ''}`);
  }

  /** Presses a key and waits for the screen to show `test`; returns the milliseconds it took. */
  async press(key: string, test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<number> {
    this.keys(key);
    return this.waitFor(test, what, timeoutMs);
  }

  /**
   * Goes to the next step (`n`). A key pressed just as a step finishes is now and then lost by the
   * TUI (seen about once in five runs here); then the screen still shows the old step after a few
   * seconds, and the key is pressed once more, with a warning in the log.
   */
  async next(test: (screen: string) => boolean, what: string): Promise<void> {
    const before = /(\d+)\/10 · /.exec(this.screen())?.[1];
    try {
      await this.press('n', test, what, 5_000);
    } catch (err) {
      if (/(\d+)\/10 · /.exec(this.screen())?.[1] !== before) throw err;
      console.warn(`the lab did not act on \`n\` for ${what}: pressing it again`);
      await this.press('n', test, what);
    }
  }

  alive(): boolean {
    try {
      execFileSync('tmux', ['has-session', '-t', this.session], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Quits with `q` and waits for the lab to exit on its own. */
  async quit(timeoutMs = 30_000): Promise<void> {
    if (this.alive()) this.keys('q');
    const t0 = performance.now();
    while (this.alive() && performance.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 20));
  }

  close(): void {
    if (this.alive()) execFileSync('tmux', ['kill-session', '-t', this.session]);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
