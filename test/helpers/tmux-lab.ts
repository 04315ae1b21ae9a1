/**
 * Drives the built lab in a detached tmux session, as a learner at a terminal would: keys in,
 * `capture-pane` out. Shared by every tmux end-to-end test.
 *
 * Each lab gets a tmux server of its own (`tmux -L`), killed and its socket removed on close, so a
 * learner's (or CI's) own tmux server and sessions are never touched and nothing is left in /tmp.
 * The lab sees exactly the variables given (`env -i`, plus PATH, HOME and TERM): with `CI` set,
 * Ink would draw nothing until it exits. Its stderr and exit status go to a file, so a lab that
 * could not start says why when a wait times out.
 *
 * `close()` waits for the lab to exit (its teardown runs on the SIGHUP that ending the session
 * sends), so the next test never meets "Another container-lab is already running".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI } from './lab.js';
import { alive, waitUntil } from './residue.js';

export interface TmuxLabOptions {
  /** Names the tmux server, session and temporary directory, e.g. `clab3-e2e`. */
  name: string;
  /**
   * The lab's own environment: of it, only CONTAINER_LAB_* (state directory, cgroup parent, link
   * prefix) and NO_COLOR reach the lab, so a tier can pass its whole test environment.
   */
  env: NodeJS.ProcessEnv;
  columns?: number;
  rows?: number;
  /** Open the lab with only this lesson folder in its list, so Enter on the home screen opens it. */
  lessonDir?: string;
  /** How long a wait for the screen lasts unless told otherwise. */
  timeoutMs?: number;
  /** The learner's progress file as the lab finds it at start (its text, e.g. a damaged one). */
  progress?: string;
  /** More arguments for the lab, e.g. `['--presenter']`. */
  args?: readonly string[];
}

export class TmuxLab {
  readonly session: string;
  /** A fresh XDG state directory: progress starts empty, and can be read afterwards. */
  readonly stateHome: string;
  private readonly server: string;
  private readonly dir: string;
  private readonly log: string;
  private readonly timeoutMs: number;
  /** The pane's shell; the lab runs as its child. */
  private readonly panePid: number;

  constructor(opts: TmuxLabOptions) {
    this.server = this.session = `${opts.name}-${process.pid}`;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${opts.name}-`));
    this.stateHome = path.join(this.dir, 'state');
    this.log = path.join(this.dir, 'stderr');
    fs.mkdirSync(this.stateHome);
    if (opts.progress !== undefined) {
      fs.mkdirSync(path.join(this.stateHome, 'container-lab'));
      fs.writeFileSync(this.progressFile, opts.progress);
    }
    const args = [CLI];
    if (opts.lessonDir) {
      const lessons = path.join(this.dir, 'lessons');
      fs.mkdirSync(lessons);
      fs.cpSync(path.resolve(opts.lessonDir), path.join(lessons, path.basename(opts.lessonDir)), { recursive: true });
      args.push('--lessons', lessons);
    }
    args.push(...(opts.args ?? []));
    const env = Object.entries({
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: process.env.HOME ?? '/root',
      TERM: 'xterm-256color',
      XDG_STATE_HOME: this.stateHome,
      ...Object.fromEntries(
        Object.entries(opts.env).filter(([k, v]) => v !== undefined && (k.startsWith('CONTAINER_LAB_') || k === 'NO_COLOR')),
      ),
    }).map(([k, v]) => `${k}=${v}`);
    const run = 'env "$@" 2>>"$LOG"; echo "exit status $?" >>"$LOG"';
    this.tmux([
      'new-session',
      '-d',
      '-s',
      this.session,
      '-c',
      path.dirname(path.dirname(CLI)),
      '-x',
      String(opts.columns ?? 100),
      '-y',
      String(opts.rows ?? 30),
      'env',
      '-i',
      `LOG=${this.log}`,
      '/bin/sh',
      '-c',
      run,
      'sh',
      ...env,
      process.execPath,
      ...args,
    ]);
    this.panePid = Number(this.tmux(['display-message', '-p', '-t', this.session, '#{pane_pid}'], { encoding: 'utf8' }).trim());
  }

  /** Where the lab keeps the learner's progress in this session. */
  get progressFile(): string {
    return path.join(this.stateHome, 'container-lab', 'progress.json');
  }

  private tmux(args: string[], options: { encoding?: 'utf8'; stdio?: 'ignore' } = {}): string {
    return execFileSync('tmux', ['-L', this.server, ...args], options) as unknown as string;
  }

  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.session, ...keys]);
  }

  /** Types text literally (not as key names). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', this.session, '-l', text]);
  }

  screen(): string {
    try {
      return this.tmux(['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }

  /**
   * The screen with the lines the terminal wrapped joined again (`capture-pane -J`): a line the lab
   * drew wider than the terminal comes out wider than it, where `screen()` shows it wrapped.
   */
  joinedScreen(): string {
    try {
      return this.tmux(['capture-pane', '-p', '-J', '-t', this.session], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }

  /** The screen and up to `lines` lines that scrolled off its top. */
  history(lines = 60): string {
    try {
      return this.tmux(['capture-pane', '-p', '-S', `-${lines}`, '-t', this.session], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }

  /** The screen with its escape sequences (colours), as `capture-pane -e` gives it. */
  screenWithEscapes(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-t', this.session], { encoding: 'utf8' });
  }

  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows)]);
  }

  /** Polls the screen until `test` passes; returns the milliseconds it took. */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = this.timeoutMs): Promise<number> {
    const t0 = performance.now();
    await this.until(test, what, timeoutMs);
    return performance.now() - t0;
  }

  /** Polls the screen until `test` passes; returns that screen (the one `test` saw). */
  async until(test: (screen: string) => boolean, what: string, timeoutMs = this.timeoutMs): Promise<string> {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
      const screen = this.screen();
      if (test(screen)) return screen;
      // Each capture starts a tmux client: every 10 ms, so the driver does not starve the lab.
      await new Promise((r) => setTimeout(r, 10));
    }
    const stderr = fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8') : '';
    throw new Error(
      `Timed out waiting for ${what}. The screen, and what scrolled off it:\n${this.history()}${stderr ? `\nThe lab's stderr:\n${stderr}` : ''}`,
    );
  }

  /** Presses a key and waits for the screen to show `test`; returns the milliseconds it took. */
  async press(key: string, test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<number> {
    this.keys(key);
    return this.waitFor(test, what, timeoutMs);
  }

  /**
   * Goes to the next step (`n`). While a step runs the lab acts on no step key (it says the step is
   * still running; Esc cancels); a screen can show a step's live reads before the step has ended,
   * and an `n` sent then is not acted on. Then the screen still shows the old step after a few
   * seconds, and the key is pressed once more, with a warning in the log.
   */
  async next(test: (screen: string) => boolean, what: string): Promise<void> {
    const before = /(\d+)\/\d+ · /.exec(this.screen())?.[1];
    try {
      await this.press('n', test, what, 5_000);
    } catch (err) {
      if (/(\d+)\/\d+ · /.exec(this.screen())?.[1] !== before) throw err;
      console.warn(`the lab did not act on \`n\` for ${what}: pressing it again`);
      await this.press('n', test, what);
    }
  }

  /**
   * On the home screen, moves the cursor (›) to the lesson titled `title` with ↑/↓, one key at a
   * time, each confirmed on screen before the next; a key the lab did not act on within 5 s is
   * pressed again, with a warning. Reads the rows from the screen, so a "Continue" row above the
   * lessons is counted and never chosen.
   */
  async chooseLesson(title: string): Promise<void> {
    // A home row: the pointer column (` › ` or three spaces), then a lesson number or Continue/Next.
    const rows = (s: string) => s.split('\n').filter((l) => /^ (›| ) (\s?\d+ {2}|Continue: |Next: )/.test(l));
    const cursor = (s: string) => rows(s).findIndex((l) => l.startsWith(' › '));
    const target = (s: string) => rows(s).findIndex((l) => /^ (›| ) \s?\d+ {2}/.test(l) && l.includes(title));
    const home = await this.until((s) => cursor(s) >= 0 && target(s) >= 0, `the home screen listing ${title}`);
    for (let at = cursor(home), tries = 0; at !== target(home); tries++) {
      if (tries > 40) throw new Error(`The home cursor did not reach ${title}:\n${this.screen()}`);
      const key = at < target(home) ? 'Down' : 'Up';
      const moved = (s: string) => cursor(s) >= 0 && cursor(s) !== at;
      this.keys(key);
      try {
        at = cursor(await this.until(moved, `the cursor to move ${key === 'Down' ? 'down' : 'up'} from row ${at + 1}`, 5_000));
      } catch (err) {
        if (cursor(this.screen()) !== at) throw err;
        console.warn(`the lab did not act on ${key} on the home screen: pressing it again`);
      }
    }
  }

  alive(): boolean {
    try {
      this.tmux(['has-session', '-t', this.session], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for the lab to exit on its own, up to `timeoutMs`; true if it did. */
  async exited(timeoutMs = 15_000): Promise<boolean> {
    const t0 = performance.now();
    while (this.alive() && performance.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 20));
    return !this.alive();
  }

  /** The lab's exit status, once it has exited on its own (the last line of its stderr file). */
  exitStatus(): number | undefined {
    const status = /exit status (\d+)\n$/.exec(fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8') : '')?.[1];
    return status === undefined ? undefined : Number(status);
  }

  /** Quits with `q` and waits for the lab to exit on its own. */
  async quit(timeoutMs = 30_000): Promise<boolean> {
    if (this.alive()) this.keys('q');
    return this.exited(timeoutMs);
  }

  /** Quits from any screen (an open answer field ignores `q`: Esc closes it first), then closes. */
  async shutDown(): Promise<void> {
    if (this.alive()) this.keys('Escape');
    await new Promise((r) => setTimeout(r, 100));
    if (this.alive()) await this.quit();
    await this.close();
  }

  /**
   * Ends the session and our tmux server, waits up to `timeoutMs` for the lab (and every process it
   * started) to exit, and removes the socket and our temporary directory. Throws if the lab is still
   * running then: the next test would meet it.
   */
  async close(timeoutMs = 30_000): Promise<void> {
    const lab = descendants(this.panePid);
    if (this.alive()) this.tmux(['kill-session', '-t', this.session]);
    try {
      this.tmux(['kill-server'], { stdio: 'ignore' });
    } catch {
      // the server already exited with its last session
    }
    fs.rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.server), { force: true });
    fs.rmSync(this.dir, { recursive: true, force: true });
    if (!(await waitUntil(() => !lab.some(alive), timeoutMs))) {
      throw new Error(
        `The lab (PIDs ${lab.filter(alive).join(', ')}) was still running ${timeoutMs / 1000} s after its tmux session ended.`,
      );
    }
  }
}

/** Every process below `pid`, from each process's parent PID in /proc/<pid>/stat. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}
