/**
 * Bad input at the command line: each gets one sentence that says what to do next, the exit
 * status says it failed, and nothing on the machine changes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { CLI, labEnv, runLab, startLab, useTier, waitForOutput } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');

const env = labEnv(labPaths);
const fixtures = path.resolve('test/bad-input/fixtures');
const usage = (sentence: string) => `container-lab: ${sentence}\nSee \`container-lab --help\`.\n`;

describeTier('bad input at the command line', { root: true, cli: true }, () => {
  beforeAll(async () => {
    await runLab(['cleanup'], { env });
  });
  afterAll(() => {
    expect(machineState(labPaths)).toEqual(CLEAN);
  });

  it('not root: each privileged command says to use sudo, and creates nothing', () => {
    const fresh = { ...labPaths, stateDir: '/var/lib/container-lab-t7-nobody', runDir: '/run/container-lab-t7-nobody' };
    const asNobody = (args: string[]) => {
      try {
        execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], {
          env: labEnv(fresh),
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        return { status: 0, stderr: '' };
      } catch (err) {
        const e = err as { status: number; stderr: string };
        return { status: e.status, stderr: e.stderr };
      }
    };
    expect(asNobody(['lesson', 'pid-namespace', '--plain'])).toEqual({
      status: 2,
      stderr: usage('Running a lesson needs root (namespaces, mounts and cgroups): run it again with sudo.'),
    });
    expect(asNobody([])).toEqual({
      status: 2,
      stderr: usage('The lab needs root (namespaces, mounts and cgroups): run it again with sudo.'),
    });
    expect(asNobody(['run', '--', 'true'])).toEqual({ status: 2, stderr: usage('run needs root: run it again with sudo.') });
    expect(asNobody(['cleanup'])).toEqual({ status: 2, stderr: usage('cleanup needs root: run it again with sudo.') });
    expect(fs.existsSync(fresh.stateDir) || fs.existsSync(fresh.runDir)).toBe(false);
  });

  it('an unknown lesson id names the lessons there are', async () => {
    const r = await runLab(['lesson', 'pid-namespaces', '--plain'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^container-lab: There is no lesson "pid-namespaces"\. Lessons here: pid-namespace(, [a-z-]+)*\.\nSee `container-lab --help`\.\n$/,
    );
  });

  it('run with a bad memory size says which sizes are accepted', async () => {
    const r = await runLab(['run', '--memory', '12q', '--', 'true'], { env });
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: usage('--memory "12q" is not a size the lab accepts: give at least 4m, like --memory 32m (units k, m, g).'),
    });
  });

  it('run with an unknown capability says what names look like', async () => {
    const r = await runLab(['run', '--cap-drop', 'NET_RAWW', '--', 'true'], { env });
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: usage(
        '--cap-drop "NET_RAWW" is not a capability this kernel knows; try names like NET_RAW or CAP_SYS_ADMIN (see `man 7 capabilities`).',
      ),
    });
  });

  it('a lesson file with a YAML syntax error: file:line, and the lesson refuses to run', async () => {
    const dir = path.join(fixtures, 'lessons-syntax');
    const file = path.relative(process.cwd(), path.join(dir, '01-broken', 'lesson.yaml'));
    const lint = await runLab(['lint-lessons', dir], { env });
    expect(lint.code).toBe(1);
    expect(lint.stderr).toContain(
      `${file}:7:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ].`,
    );
    expect(lint.stderr).toMatch(/^\d+ problems? found; fix them and run lint-lessons again\.$/m);
    const run = await runLab(['lesson', 'broken', '--plain', '--lessons', dir], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:7:1: YAML syntax:`);
    expect(run.stderr).toContain(usage('Lesson "broken" has problems (above); fix them, or run `container-lab lint-lessons`.'));
  });

  it('a lesson file with an unknown action: file:line, the known actions, and the lesson refuses to run', async () => {
    const dir = path.join(fixtures, 'lessons-unknown-action');
    const file = path.relative(process.cwd(), path.join(dir, '01-unknown', 'lesson.yaml'));
    const lint = await runLab(['lint-lessons', dir], { env });
    expect(lint.code).toBe(1);
    const known = Object.keys(ACTIONS).sort().join(', ');
    expect(lint.stderr).toContain(`${file}:4:20: step "first": \`run\`: unknown action "host-command"; known actions: ${known}.`);
    expect(lint.stderr).toContain('1 problem found; fix them and run lint-lessons again.');
    const run = await runLab(['lesson', 'unknown', '--plain', '--lessons', dir], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(usage('Lesson "unknown" has problems (above); fix them, or run `container-lab lint-lessons`.'));
  });

  it("a second instance is refused with the first one's PID and how to stop it", async () => {
    const first = startLab(['lesson', 'pid-namespace', '--plain', '--solve'], { env });
    try {
      expect(await waitForOutput(first, (out) => /^Step 1 of/m.test(out), 30_000)).toBe(true);
      const second = await runLab(['lesson', 'pid-namespace', '--plain'], { env });
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(
        `container-lab: Another container-lab is already running (PID ${first.pid}). Quit it first (press q in its window), or if it is stuck, stop it with: sudo kill ${first.pid}\n`,
      );
      const cleanup = await runLab(['cleanup'], { env });
      expect(cleanup.code).toBe(1);
      expect(cleanup.stderr).toBe(
        `Another container-lab is already running (PID ${first.pid}). Quit it first (press q in its window), or if it is stuck, stop it with: sudo kill ${first.pid}\ncleanup only removes what a stopped lab left behind.\n`,
      );
      // The first lab is untouched by both: it runs its lesson to the end and exits by itself.
      const done = await first.finished;
      expect(done.signal, done.stderr).toBeNull();
      expect(done.stdout).toMatch(/^(Every step of "The PID namespace"|Step \d+ \([a-z0-9-]+\) of "The PID namespace" failed)/m);
    } finally {
      if (first.child.exitCode === null) process.kill(-first.pid, 'SIGKILL');
    }
  }, 120_000);
  it('a reader that goes away (`--plain | head`): the lesson stops, quietly, with status 0, and removes its containers', async () => {
    const lab = startLab(['lesson', 'pid-namespace', '--plain', '--solve'], { env });
    expect(await waitForOutput(lab, (out) => /^Step 3 of \d+:/m.test(out), 60_000)).toBe(true);
    lab.child.stdout!.destroy();
    const done = await lab.finished;
    // Stopping to read is the reader's choice, not a failure of the lesson.
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(machineState(labPaths)).toEqual(CLEAN);
  }, 120_000);

  it('a reader that goes away from `run --verbose`: the container runs to its end and is removed', async () => {
    const lab = startLab(['run', '--verbose', '--', 'sh', '-c', 'sleep 0.3; exit 7'], { env });
    await new Promise((resolve) => lab.child.stderr!.once('data', resolve));
    lab.child.stderr!.destroy();
    expect((await lab.finished).code).toBe(7);
    expect(machineState(labPaths)).toEqual(CLEAN);
  }, 60_000);
});
