/**
 * `doctor --workshop` on the real kernel: per lesson it runs the step the lesson declares first to
 * start a container (or, in a lesson without one, its first step), says ready / will skip / cannot
 * run as the lesson's declarations predict for this host, takes well under a minute, and leaves
 * nothing behind — not even the state and run directories it had to create. While it runs, the
 * test watches the cgroup trees and the mount table, so "started one container per lesson" is
 * seen from outside the lab too. On a bare host (no nft, iptables, ping, capsh, … on PATH) it names
 * the steps that will be skipped and the command that installs what they run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { LessonPreflight } from '../../src/lessons/runner/preflight.js';
import { startsContainer } from '../../src/lessons/actions/properties.js';
import { needsOf, stepHostNeeds } from '../../src/lessons/host-check.js';
import type { Lesson } from '../../src/lessons/types.js';
import type { LabPaths } from '../../src/runtime/paths.js';
import { CLI, labEnv, presentLessons, runLab, startLab, useTier } from '../helpers/lab.js';
import { isClean, machineState, removeLabDirs, strayProcesses } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { pathWithout } from '../network/helpers.js';

const paths = useTier('workshop');
const lessons = presentLessons();
/** What the v2 guest's bare host lacks (test/vm/guest-cgroups.sh, BARE_LACKS). */
const BARE_LACKS = ['busybox', 'ping', 'nft', 'iptables', 'capsh', 'getfattr', 'setcap'];

interface WorkshopJson {
  findings: Array<{ id: string; status: string }>;
  workshop: {
    version: string;
    kernel: string;
    cgroup: string;
    lessons: LessonPreflight[];
    leftBehind: string[];
    durationMs: number;
    line: string;
  };
}

/** The step the lesson declares first to start a container; its first step when none does. */
function declaredStep(lesson: Lesson): string {
  return (lesson.steps.find((s) => startsContainer(s.run)) ?? lesson.steps[0]!).id;
}

/** The steps whose declared host programs are all among `hidden`, read from the lesson data alone. */
function stepsNeeding(lesson: Lesson, hidden: readonly string[]): string[] {
  return lesson.steps.filter((s) => stepHostNeeds(needsOf(s)).some((anyOf) => anyOf.every((p) => hidden.includes(p)))).map((s) => s.id);
}

function cgroupRoots(): string[] {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((l) => / - cgroup2? /.test(l))
    .map((l) => l.split(' ')[4]!);
}

/**
 * Watches the machine while the lab runs: every container cgroup that appears under the lab's
 * parent, and every overlay mounted from the lab's state directory.
 */
function watch(p: LabPaths): { stop(): { cgroups: Set<string>; overlays: Set<string> } } {
  const cgroups = new Set<string>();
  const overlays = new Set<string>();
  const roots = cgroupRoots();
  const timer = setInterval(() => {
    for (const root of roots) {
      try {
        for (const e of fs.readdirSync(path.join(root, p.cgroupParent), { withFileTypes: true })) if (e.isDirectory()) cgroups.add(e.name);
      } catch {
        // no parent (yet, or any more)
      }
    }
    for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields[fields.indexOf('-') + 1] === 'overlay' && line.includes(`${p.stateDir}/`)) overlays.add(fields[4]!);
    }
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return { cgroups, overlays };
    },
  };
}

/** Nothing of the lab on this machine, read by the lab's residue check and by findmnt, ip and ls. */
function expectNothingLeft(p: LabPaths): void {
  expect(machineState(p)).toMatchObject({ mounts: [], links: [], cgroups: [], stateEntries: [], runEntries: [] });
  expect(isClean(machineState(p))).toBe(true);
  expect(strayProcesses(p)).toEqual([]);
  const mounts = JSON.stringify(JSON.parse(execFileSync('findmnt', ['-J', '-R'], { encoding: 'utf8' })));
  expect(mounts).not.toContain(p.stateDir);
  expect(mounts).not.toContain(p.runDir);
  const links = (JSON.parse(execFileSync('ip', ['-json', 'link'], { encoding: 'utf8' })) as Array<{ ifname: string }>).map((l) => l.ifname);
  expect(links.filter((n) => n.startsWith(p.linkPrefix))).toEqual([]);
  expect(cgroupRoots().filter((root) => fs.existsSync(path.join(root, p.cgroupParent)))).toEqual([]);
  expect([p.stateDir, p.runDir].filter((d) => fs.existsSync(d))).toEqual([]);
}

describeTier('doctor --workshop on the real kernel', { root: true, cli: true }, () => {
  const env = labEnv(paths);
  beforeAll(() => removeLabDirs(paths));

  it('runs each lesson’s declared step, says ready for every lesson this host runs whole, in well under a minute, and leaves nothing', async () => {
    const plain = await runLab(['doctor'], { env });
    const watcher = watch(paths);
    const run = await runLab(['doctor', '--workshop', '--json'], { env });
    const seen = watcher.stop();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { workshop } = JSON.parse(run.stdout) as WorkshopJson;
    console.log(
      `doctor --workshop: ${(run.durationMs / 1000).toFixed(1)} s (its own count ${workshop.durationMs} ms); plain doctor: ${(plain.durationMs / 1000).toFixed(1)} s; ${seen.cgroups.size} container cgroups and ${seen.overlays.size} overlays seen while it ran`,
    );
    expect(run.durationMs).toBeLessThan(30_000);

    // Per lesson, what the lessons declare: the step it runs, and on this host (every tool the tests
    // install) no step to skip.
    expect(workshop.lessons.map((l) => [l.lesson, l.status, l.ran?.step, l.ran?.status, l.skipped])).toEqual(
      lessons.map((l) => [l.id, 'ready', declaredStep(l), 'done', []]),
    );
    // Seen from outside: a container cgroup for every lesson whose step starts a container, and a
    // host overlay for every other (overlay and whiteouts mount theirs on the host; a container's
    // root is mounted in its own mount namespace, out of this table's sight).
    const starting = lessons.filter((l) => startsContainer(l.steps.find((s) => s.id === declaredStep(l))!.run));
    expect(seen.cgroups.size).toBeGreaterThanOrEqual(starting.length);
    expect(seen.overlays.size).toBeGreaterThanOrEqual(lessons.length - starting.length);
    expect(workshop.leftBehind).toEqual([]);
    expect(workshop.line).toBe(
      `container-lab ${workshop.version} · kernel ${os.release()} · cgroup ${workshop.cgroup} · ${lessons.length} ready`,
    );
    expect(['v1', 'v2', 'hybrid']).toContain(workshop.cgroup);
    expectNothingLeft(paths);
  });

  it('plain: the findings, one line per lesson, and the line to paste last', async () => {
    const run = await runLab(['doctor', '--workshop'], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ok {4}running as root/);
    for (const l of lessons) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${l.id} +ready  \\(${declaredStep(l)} `)));
    expect(lines.at(-1)).toMatch(
      new RegExp(`^container-lab \\d+\\.\\d+\\.\\d+ · kernel \\S+ · cgroup (v1|v2|hybrid) · ${lessons.length} ready$`),
    );
    expectNothingLeft(paths);
  });

  it('Ctrl-C half-way: it stops, and still leaves nothing', async () => {
    removeLabDirs(paths);
    const lab = startLab(['doctor', '--workshop'], { env });
    const end = Date.now() + 30_000;
    while (!/^ {2}cgroups +ready/m.test(lab.stdout()) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    process.kill(-lab.pid, 'SIGINT');
    const finished = await lab.finished;
    expect(finished.code).toBe(130);
    expectNothingLeft(paths);
  });

  it('refuses with one sentence while a lab is running, and the lab runs on untouched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clabw-gate-'));
    const gate = path.join(dir, 'gate');
    execFileSync('mkfifo', [gate]);
    try {
      // A lesson that waits at its step gate after its first step: a lab holding the lock.
      const lab = startLab(['lesson', 'pid-namespace', '--json'], { env: { ...env, CONTAINER_LAB_STEP_GATE: gate } });
      const end = Date.now() + 30_000;
      while (!lab.stdout().includes('"type":"result"') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      const refused = await runLab(['doctor', '--workshop'], { env });
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`(PID ${lab.pid})`)]);
      // Let the lesson go on, step after step, to its end: it must still pass every step.
      let finished: Awaited<typeof lab.finished> | undefined;
      void lab.finished.then((f) => (finished = f));
      while (!finished) {
        try {
          fs.closeSync(fs.openSync(gate, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
        } catch {
          // the lab is not at its gate right now
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(finished.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeTier('doctor --workshop on a bare host', { root: true, cli: true }, () => {
  const bare = pathWithout(BARE_LACKS);
  const env = labEnv(paths, { PATH: bare.PATH });
  beforeAll(() => {
    removeLabDirs(paths);
    return () => bare.remove();
  });

  it('names the steps it will skip, why, and the command that installs what they run', async () => {
    const run = await runLab(['doctor', '--workshop', '--json'], { env });
    expect(run.code).toBe(0);
    const { workshop } = JSON.parse(run.stdout) as WorkshopJson;
    // From the lesson data: the steps whose every declared host program is missing here.
    const expected = lessons.map((l) => [l.id, stepsNeeding(l, BARE_LACKS)] as const);
    expect(expected.find(([id]) => id === 'veth-bridge')?.[1]).toEqual(['publish']);
    expect(workshop.lessons.map((l) => [l.lesson, l.skipped.map((s) => s.step)])).toEqual(expected);
    expect(workshop.lessons.map((l) => l.status)).toEqual(expected.map(([, steps]) => (steps.length ? 'will-skip' : 'ready')));
    const publish = workshop.lessons.find((l) => l.lesson === 'veth-bridge')!.skipped[0]!;
    expect(publish.fix).toMatch(/^(sudo )?(apt|dnf) install nftables$|^(sudo )?pacman -S nftables$/);
    expect(publish.reason).toContain(`\`${publish.fix}\``);
    expectNothingLeft(paths);

    const plain = await runLab(['doctor', '--workshop'], { env });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^ {2}veth-bridge +will skip 1 step {2}\(alone ran in [\d.]+ s\)\n {6}publish: .*`(sudo )?apt install nftables`/m,
    );
    const skipping = expected.filter(([, steps]) => steps.length);
    const steps = skipping.reduce((n, [, s]) => n + s.length, 0);
    expect(plain.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`· ${lessons.length - skipping.length} ready, ${skipping.length} will skip ${steps} steps?$`),
    );
    expectNothingLeft(paths);
  });
});

describeTier('doctor --workshop without root', { root: true, cli: true, programs: ['setpriv'] }, () => {
  it('says in one sentence to run it with sudo, exits 2, and makes nothing', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'doctor', '--workshop'], {
        env: labEnv(paths),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      ({ status, stderr } = err as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/needs root.*sudo/)]);
    expectNothingLeft(paths);
  });
});
