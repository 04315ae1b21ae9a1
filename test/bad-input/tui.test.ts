/**
 * Bad input the TUI meets, driven in a real terminal (tmux, on a server socket of its own):
 * a terminal smaller than 80×24, and a corrupt progress file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CLI, labEnv, sleep, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');

const SOCKET = `clab7-bad-input-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

function start(columns: number, rows: number, env: NodeJS.ProcessEnv): void {
  const vars = Object.entries({ ...env, TERM: 'xterm-256color' })
    .filter(([k, v]) => v !== undefined && !k.startsWith('SUDO_') && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
    .map(([k, v]) => `${k}=${v}`);
  // `; echo` keeps the pane open after the lab exits, so its exit status can be read.
  tmux('new-session', '-d', '-s', 'lab', '-x', String(columns), '-y', String(rows), 'env', ...vars, '/bin/sh', '-c', 'node "$0"; echo "lab exited $?"; sleep 60', CLI);
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', 'lab');
}

async function waitForScreen(test: (s: string) => boolean, what: string, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const s = screen();
    if (test(s)) return s;
    await sleep(20);
  }
  throw new Error(`Timed out waiting for ${what}. Screen:\n${screen()}`);
}

// Progress goes to a directory of the test's own, never to the real user's.
let stateHome = '';
beforeEach(() => {
  stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'clab7-progress-'));
});

describeTier('bad input in the TUI', { root: true, cli: true, programs: ['tmux'] }, () => {
  afterEach(async () => {
    try {
      tmux('kill-server'); // a lab still running gets SIGHUP, and cleans up on its way out
    } catch {
      // no server left
    }
    fs.rmSync(path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
    const end = Date.now() + 15_000;
    while (JSON.stringify(machineState(labPaths)) !== JSON.stringify(CLEAN) && Date.now() < end) await sleep(50);
    expect(machineState(labPaths)).toEqual(CLEAN);
    fs.rmSync(stateHome, { recursive: true, force: true });
  });

  it('a terminal smaller than 80×24 gets a sentence with two ways out; at 100×30 the lab appears', async () => {
    start(70, 20, labEnv(labPaths, { XDG_STATE_HOME: stateHome }));
    const small = await waitForScreen((s) => s.includes('80×24'), 'the too-small message');
    expect(small.replace(/\s+/g, ' ').trim()).toBe('The terminal is 70×20; the lab needs at least 80×24. Make the window larger, or run `container-lab lesson <id> --plain` for the same lesson as plain text.');
    tmux('resize-window', '-t', 'lab', '-x', '100', '-y', '30');
    await waitForScreen((s) => s.includes('The PID namespace') && !s.includes('The terminal is 70×20'), 'the home screen after the resize');
    tmux('send-keys', '-t', 'lab', 'q');
    await waitForScreen((s) => s.includes('lab exited 0'), 'the lab to quit');
  }, 60_000);

  it('a corrupt progress file is a warning and a fresh start, never a crash', async () => {
    const file = path.join(stateHome, 'container-lab', 'progress.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version":1,"lessons":{"pid-namespace":{"step":3,');
    start(100, 30, labEnv(labPaths, { XDG_STATE_HOME: stateHome }));
    const home = await waitForScreen((s) => s.includes('progress file'), 'the progress warning');
    expect(home.replace(/\s+/g, ' ')).toContain(`Your progress file ${file} is damaged, so the lab starts fresh; it will be written again as you go.`);
    expect(home).toMatch(/The PID namespace\s+0\/\d+/); // a fresh start: nothing done
    tmux('send-keys', '-t', 'lab', 'q');
    await waitForScreen((s) => s.includes('lab exited 0'), 'the lab to quit');
  }, 60_000);
});
