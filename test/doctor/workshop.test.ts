/**
 * The pre-flight's decisions and text without a kernel: which step each lesson runs, what a
 * missing program, a missing feature or a failed step makes of a lesson, and the lines printed.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/doctor/finding.js';
import { installCommandFor } from '../../src/doctor/host-programs.js';
import type { HostProgram } from '../../src/doctor/host-programs.js';
import { concludePreflight, formatLesson, planPreflight, summaryLine, tally, WORKSHOP_TEXT } from '../../src/lessons/runner/preflight.js';
import type { LessonPreflight } from '../../src/lessons/runner/preflight.js';
import type { StepResult } from '../../src/lessons/engine/results.js';
import { featureCheck } from '../../src/lessons/lab-runtime.js';
import { defaultLessonsDir, loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';

const lessons = loadLessons(defaultLessonsDir()).lessons;
const lesson = (id: string): Lesson => lessons.find((l) => l.id === id)!;

function host(findings: readonly Finding[], ...gone: HostProgram[]) {
  return {
    missingFeature: featureCheck(findings),
    programs: { has: (p: HostProgram) => !gone.includes(p), installCommand: (p: HostProgram) => installCommandFor(p, 'apt', false) },
  };
}

const failing = (id: Finding['id'], fix: string): Finding => ({
  id,
  title: `${id} check`,
  status: 'fail',
  detail: `${id} is missing`,
  fix,
});

function result(status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult {
  return { stepId: 'x', status, text: '', shell: '', events: [], output: [], durationMs: 412.6, ...extra };
}

describe('planPreflight', () => {
  it('runs the first step that starts a container; in a lesson without one, its first step', () => {
    const plans = lessons.map((l) => planPreflight(l, host([]), []));
    expect(plans.map((p) => [p.lesson.id, p.lesson.steps[p.stepIndex!]!.id, p.skipped])).toEqual([
      ['pid-namespace', 'new-namespace', []],
      ['mount-namespace', 'two-tables', []],
      ['cgroups', 'where', []],
      ['overlay', 'mount', []],
      ['whiteouts', 'mount', []],
      ['veth-bridge', 'alone', []],
      ['capabilities', 'five-sets', []],
    ]);
  });

  it('a missing program: the steps that run it, the engine’s sentence, and the install command', () => {
    const plan = planPreflight(lesson('veth-bridge'), host([], 'nft', 'iptables'), []);
    expect(plan.skipped.map((s) => [s.step, s.fix])).toEqual([['publish', 'apt install nftables']]);
    expect(plan.skipped[0]!.reason).toContain('`apt install nftables`');
    expect(plan.lesson.steps[plan.stepIndex!]!.id).toBe('alone');
  });

  it('a feature one step requires: that step is skipped with the finding’s fix; the lesson still runs', () => {
    const findings = [failing('cgroup-memory', 'enable memory')];
    const plan = planPreflight(lesson('cgroups'), host(findings), findings);
    const needing = lesson('cgroups')
      .steps.filter((s) => s.requires.includes('cgroup-memory'))
      .map((s) => s.id);
    expect(needing.length).toBeGreaterThan(0);
    expect(plan.skipped.map((s) => [s.step, s.fix])).toEqual(needing.map((id) => [id, 'enable memory']));
    expect(concludePreflight(plan, result('done')).status).toBe('will-skip');
  });

  it('a feature the whole lesson requires: it cannot run, nothing is run, and the finding says the fix', () => {
    const findings = [failing('overlay', 'modprobe overlay')];
    const plan = planPreflight(lesson('overlay'), host(findings), findings);
    expect(plan.stepIndex).toBeUndefined();
    expect(concludePreflight(plan)).toEqual({
      lesson: 'overlay',
      status: 'cannot-run',
      skipped: [],
      reason: 'overlay check: overlay is missing',
      fix: 'modprobe overlay',
    });
  });
});

describe('concludePreflight', () => {
  const plan = planPreflight(lesson('pid-namespace'), host([]), []);

  it('ready: the step ran, and nothing will be skipped', () => {
    expect(concludePreflight(plan, result('done'))).toEqual({
      lesson: 'pid-namespace',
      status: 'ready',
      ran: { step: 'new-namespace', status: 'done', ms: 413 },
      skipped: [],
    });
  });

  it('a failed step: cannot run, with the kernel’s hint as the fix when there is one', () => {
    const failed = concludePreflight(plan, result('failed', { message: 'unshare: EPERM', hint: 'enable user namespaces' }));
    expect(failed).toMatchObject({ status: 'cannot-run', ran: { step: 'new-namespace', status: 'failed' }, fix: 'enable user namespaces' });
    expect(failed.reason).toBe(WORKSHOP_TEXT.stepFailed('new-namespace', 'unshare: EPERM'));
    const thrown = concludePreflight(plan, { error: 'shim died' });
    expect(thrown).toMatchObject({ status: 'cannot-run', fix: WORKSHOP_TEXT.failedFix('pid-namespace') });
    expect(thrown.ran).toBeUndefined();
  });

  it('every step skipped: cannot run, with the first step’s reason and fix', () => {
    const all = host([], 'ip', 'bridge', 'nsenter', 'unshare', 'mount', 'nft', 'iptables');
    const blocked = { ...planPreflight(lesson('veth-bridge'), all, []), stepIndex: undefined };
    blocked.skipped = blocked.lesson.steps.map((s) => ({ step: s.id, reason: `${s.id} needs ip`, fix: 'apt install iproute2' }));
    expect(concludePreflight(blocked)).toMatchObject({ status: 'cannot-run', reason: 'alone needs ip', fix: 'apt install iproute2' });
  });
});

describe('the printed lines', () => {
  const ready: LessonPreflight = { lesson: 'cgroups', status: 'ready', ran: { step: 'where', status: 'done', ms: 430 }, skipped: [] };
  const skipping: LessonPreflight = {
    lesson: 'veth-bridge',
    status: 'will-skip',
    ran: { step: 'alone', status: 'done', ms: 510 },
    skipped: [{ step: 'publish', reason: 'needs nft', fix: 'apt install nftables' }],
  };
  const cannot: LessonPreflight = { lesson: 'overlay', status: 'cannot-run', skipped: [], reason: 'no overlayfs', fix: 'modprobe overlay' };

  it('one line per lesson: its id in a column, the verdict, the step that ran and its time', () => {
    expect(formatLesson(ready)).toEqual([`  cgroups          ${WORKSHOP_TEXT.ready}  ${WORKSHOP_TEXT.ranStep('where', '0.4')}`]);
  });

  it('will skip: one indented line per step with the engine’s sentence', () => {
    const lines = formatLesson(skipping);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}veth-bridge {6}\S/);
    expect(lines[0]).toContain(WORKSHOP_TEXT.willSkip(1));
    expect(lines[1]).toBe('      publish: needs nft');
  });

  it('cannot run: why, then the fix', () => {
    expect(formatLesson(cannot).slice(1)).toEqual([
      `      ${WORKSHOP_TEXT.why('no overlayfs')}`,
      `      ${WORKSHOP_TEXT.fix('modprobe overlay')}`,
    ]);
  });

  it('the line to paste counts lessons by verdict, and skipped steps', () => {
    const two = { ...skipping, lesson: 'mount-namespace', skipped: [skipping.skipped[0]!, skipping.skipped[0]!] };
    expect(tally([ready, skipping, two, cannot])).toEqual({ ready: 1, willSkip: 2, steps: 3, cannotRun: 1 });
    const host = { version: '0.1.0', kernel: '6.1.0-18-amd64', cgroup: 'v2' };
    expect(summaryLine(host, [ready, ready, ready, ready, ready, ready, ready])).toBe(
      'container-lab 0.1.0 · kernel 6.1.0-18-amd64 · cgroup v2 · 7 ready',
    );
    expect(summaryLine(host, [ready, skipping])).toBe(
      'container-lab 0.1.0 · kernel 6.1.0-18-amd64 · cgroup v2 · 1 ready, 1 will skip 1 step',
    );
    expect(summaryLine(host, [ready, skipping, two, cannot])).toBe(
      `container-lab 0.1.0 · kernel 6.1.0-18-amd64 · cgroup v2 · 1 ready, 2 ${WORKSHOP_TEXT.willSkip(3)}, 1 ${WORKSHOP_TEXT.cannotRun}`,
    );
  });
});
