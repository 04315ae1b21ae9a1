/**
 * A host without a controller: the doctor says which one is missing, and the lesson skips exactly
 * the steps that need it, with the doctor's reason, while the others still run. Also the pure parts
 * of the actions: limit parsing and the workloads' scripts.
 */
import { describe, expect, it } from 'vitest';
import type { CgroupSupport } from '../../src/cgroups/index.js';
import { checkCgroupControllers } from '../../src/doctor/checks.js';
import { parseBytes } from '../../src/lessons/actions/cgroup-limit.js';
import { SPIN_SCRIPT, allocatorScript, describeExit, forkLoopScript } from '../../src/lessons/actions/cgroup-workloads.js';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { featureCheck } from '../../src/lessons/lab-runtime.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import type { ContainerRuntime } from '../../src/runtime/api.js';

const v2WithoutCpu: CgroupSupport = {
  mode: 'v2',
  root: '/sys/fs/cgroup',
  unified: '/sys/fs/cgroup',
  hierarchies: [],
  controllers: ['memory', 'pids'],
};

/** A runtime that must never be used: a skipped step touches nothing. */
const untouchable = new Proxy(
  { onEvent: () => () => {} },
  {
    get(target, name) {
      if (name in target) return target[name as keyof typeof target];
      return () => {
        throw new Error(`a skipped step called runtime.${String(name)}`);
      };
    },
  },
) as unknown as ContainerRuntime;

describe('a host missing a controller', () => {
  it('the doctor has one finding per controller, failing only the missing one, with its reason', () => {
    const findings = checkCgroupControllers(() => v2WithoutCpu);
    expect(findings.map((f) => `${f.id} ${f.status}`)).toEqual(['cgroup-memory ok', 'cgroup-pids ok', 'cgroup-cpu fail']);
    expect(findings[2]).toMatchObject({
      detail: 'missing: /sys/fs/cgroup/cgroup.controllers does not list cpu',
      fix: 'The cgroups lesson skips its CPU quota steps; the others still run.',
    });
    expect(
      checkCgroupControllers(() => {
        throw new Error('no cgroup fs');
      }),
    ).toEqual([]);
  });

  it('the lesson skips exactly the CPU steps, saying why', async () => {
    const lesson = loadLessons('lessons').lessons.find((l) => l.id === 'cgroups')!;
    const session = new LessonSession({
      lesson,
      runtime: untouchable,
      missingFeature: featureCheck(checkCgroupControllers(() => v2WithoutCpu)),
    });
    const needsCpu = lesson.steps.flatMap((s, i) => (s.requires.includes('cgroup-cpu') ? [i] : []));
    expect(needsCpu.map((i) => lesson.steps[i]!.id)).toEqual(['cpu-limit', 'throttle']);
    for (const i of needsCpu) {
      const r = await session.runStep(i);
      expect(r.status).toBe('skipped');
      expect(r.message).toBe(
        'This step cannot run on this host: cgroup cpu controller: missing: /sys/fs/cgroup/cgroup.controllers does not list cpu. The cgroups lesson skips its CPU quota steps; the others still run.',
      );
    }
    // Every memory, pids and cpu step names the controller it needs.
    const byController = (c: string) => lesson.steps.filter((s) => s.requires.includes(`cgroup-${c}`)).map((s) => s.id);
    expect(byController('memory')).toEqual(['memory-limit', 'oom', 'raise']);
    expect(byController('pids')).toEqual(['pids-limit', 'fork-loop']);
  });
});

describe('limits and workloads', () => {
  it('reads limits as a person writes them', () => {
    expect(parseBytes('32M')).toBe(32 * 1024 * 1024);
    expect(parseBytes('96MiB')).toBe(96 * 1024 * 1024);
    expect(parseBytes('1g')).toBe(1024 ** 3);
    expect(parseBytes('33554432')).toBe(33554432);
    expect(parseBytes('max')).toBe('max');
    expect(parseBytes('lots')).toBeUndefined();
  });

  it('the workloads are bounded in size, count and time, and quote cleanly', () => {
    const alloc = allocatorScript(48);
    // Only head and tail raise their score, each in its own subshell: the reporting shells keep theirs.
    expect(alloc).not.toMatch(/^[^(]*echo 1000/);
    expect(alloc).toContain('while [ $i -lt 48 ]; do ( hog $n; exec head -c 1048576 /dev/zero ) || { h=$?; break; };');
    expect(alloc).toContain('| ( hog tail; exec tail ) > /dev/null;');
    const fork = forkLoopScript(40, 2);
    expect(fork).toContain('while [ $i -lt 40 ]');
    expect(fork).toContain('sleep 2 &');
    expect(fork).toMatch(/; wait; rm -f \$p$/);
    for (const script of [alloc, fork, SPIN_SCRIPT]) expect(script).not.toContain("'");
  });

  it('says how a command ended, 128 + N included', () => {
    const r = { stdout: '', stderr: '', durationMs: 1 };
    expect(describeExit({ ...r, exitCode: 137, signal: null })).toBe("exit status 137 (128 + 9: the shell's child was killed by SIGKILL)");
    expect(describeExit({ ...r, exitCode: 0, signal: null })).toBe('exit status 0');
    expect(describeExit({ ...r, exitCode: null, signal: 'SIGKILL' })).toBe('killed by SIGKILL');
  });
});
