/**
 * Live reads and their drawing, without a kernel: the sampler's timing and bounds, the meter lines
 * (bar, history, rates), the `live:` key in lesson.yaml, and the TUI's Host pane while a live step
 * runs and after.
 */
import { describe, expect, it } from 'vitest';
import { startLiveReads } from '../../src/lessons/engine/live.js';
import { validateLesson } from '../../src/lessons/validate-lesson.js';
import { bar, meterLines, sparkline } from '../../src/probes/meter-lines.js';
import type { MeterSample } from '../../src/probes/meter-lines.js';
import type { Meter, View } from '../../src/probes/view.js';
import { afterRunPane, runningPane } from '../../src/tui/live-pane.js';
import { reduce } from '../../src/tui/reducer.js';
import { initialState } from '../../src/tui/state.js';

const MiB = 1024 * 1024;
const usage = (value: number): Meter => ({
  key: 'memory.usage',
  label: 'memory.current',
  value,
  kind: 'level',
  unit: 'bytes',
  max: 32 * MiB,
});
const peak = (value: number): Meter => ({ key: 'memory.peak', label: 'memory.peak', value, kind: 'peak', unit: 'bytes', max: 32 * MiB });
const kills = (value: number): Meter => ({ key: 'memory.oom_kills', label: 'memory.events oom_kill', value, kind: 'total', unit: 'count' });
const cpu = (value: number): Meter => ({ key: 'cpu.usage', label: 'cpu.stat usage_usec', value, kind: 'total', unit: 'usec' });
const text = (line: { text: string }[]) => line.map((s) => s.text).join('');

describe('live reads', () => {
  it('reads every interval while the action runs, once more at the end, and skips failed reads', async () => {
    let n = 0;
    const seen: number[] = [];
    const reads = startLiveReads(
      { everyMs: 20, forMs: 10_000 },
      async () => {
        n++;
        if (n === 2) throw new Error('not there yet');
        return { title: 't', rows: [], meters: [kills(n)] };
      },
      (samples) => seen.push(samples.length),
    );
    await new Promise((r) => setTimeout(r, 110));
    const samples = await reads.stop();
    const after = n;
    await new Promise((r) => setTimeout(r, 60));
    expect(n).toBe(after);
    expect(samples.length).toBe(n - 1);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(samples.map((_, i) => i + 1));
    expect(samples.map((s) => s.atMs)).toEqual([...samples.map((s) => s.atMs)].sort((a, b) => a - b));
    // The last read is the one taken after the action ended.
    expect(samples.at(-1)!.view.meters![0]!.value).toBe(n);
  });

  it('stops reading after forMs even if the action goes on', async () => {
    let n = 0;
    const reads = startLiveReads(
      { everyMs: 10, forMs: 50 },
      async (): Promise<View> => ({ title: 't', rows: [], meters: [kills(++n)] }),
      () => {},
    );
    await new Promise((r) => setTimeout(r, 200));
    const before = n;
    expect(before).toBeLessThan(10);
    await reads.stop();
    expect(n).toBe(before + 1);
  });
});

describe('meter lines', () => {
  it('draws bars and sparklines to scale', () => {
    expect(bar(0.5, 10)).toBe('█████░░░░░');
    expect(bar(2, 4)).toBe('████');
    expect(sparkline([0, 4, 8], 8)).toBe('▁▅█');
  });

  it('a level with a limit: a bar now, then the history against the limit, labelled as reads', () => {
    const samples: MeterSample[] = [0, 8, 16, 30, 1].map((mib, i) => ({
      atMs: i * 100,
      meters: [usage(mib * MiB), kills(i === 4 ? 1 : 0)],
    }));
    const lines = meterLines(samples, 40);
    expect(lines[0]).toBe('memory.current');
    expect(lines[1]).toMatch(/^ {2}█?░+ 1\.0 MiB of 32\.0 MiB$/);
    expect(lines[2]).toBe('  ▁▃▅█▁ 5 reads, highest 30.0 MiB');
    expect(lines[3]).toBe('memory.events oom_kill');
    expect(lines[4]).toBe('  ▁▁▁█ 1 (+1)');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });

  it("the kernel's own peak beside the reads: the limit it reached, which every read missed", () => {
    const samples: MeterSample[] = [1, 20.9, 0.7].map((mib, i) => ({
      atMs: i * 100,
      meters: [usage(mib * MiB), peak(i === 0 ? 1 * MiB : 32 * MiB)],
    }));
    const lines = meterLines(samples, 44);
    expect(lines[2]).toBe('  ▁▆▁ 3 reads, highest 20.9 MiB');
    expect(lines[3]).toBe('memory.peak');
    expect(lines[4]).toBe('  █████████████ 32.0 MiB, kept by the kernel');
    expect(meterLines([{ atMs: 0, meters: [{ ...peak(3), unit: 'count', max: undefined }] }])).toEqual([
      'memory.peak',
      '  3, kept by the kernel',
    ]);
  });

  it('CPU time: how many ms it grew per second, against one whole CPU', () => {
    const samples: MeterSample[] = [0, 1, 2, 3].map((i) => ({ atMs: i * 200, meters: [cpu(i * 100_000)] }));
    expect(meterLines(samples)).toEqual(['cpu.stat usage_usec', '  ▅▅▅ 300 ms, +500 ms/s']);
  });
});

describe('`live:` in lesson.yaml', () => {
  const lesson = (live: string) =>
    validateLesson({
      id: 'x',
      order: 1,
      dir: '/l',
      yamlPath: '/l/lesson.yaml',
      textPath: '/l/text.md',
      markdown: '# X\n\n### Summary\n\nS\n\n## one: One\n\nText.\n\n### By hand\n\n`true`\n',
      yamlText: `container: {}\nsteps:\n  - id: one\n    run: observe\n    live: ${live}\n`,
    });

  it('takes a probe, its arguments, and how often and how long to read', () => {
    const { lesson: l, problems } = lesson('{ probe: cgroup-files, controllers: [memory], every: 100, for: 5000 }');
    expect(problems).toEqual([]);
    expect(l?.steps[0]?.live).toMatchObject({
      probe: 'cgroup-files',
      everyMs: 100,
      forMs: 5000,
      args: { controllers: ['memory'], pid: 'container', show: 'both' },
    });
  });

  it('says where a bad interval or probe is', () => {
    expect(lesson('{ probe: cgroup-files, every: 5 }').problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '5: step "one": `live`: `every` must be a whole number of milliseconds from 50 to 5000.',
    ]);
    expect(lesson('{ probe: nope }').problems[0]?.message).toMatch(
      /^step "one": `live`: unknown probe "nope"; known probes: .*cgroup-files/,
    );
  });
});

describe('the Host pane of a live step in the TUI', () => {
  const samples: MeterSample[] = [
    { atMs: 0, meters: [usage(4 * MiB)] },
    { atMs: 100, meters: [usage(16 * MiB)] },
  ];

  it('while running: the latest bar, titled with how often it is read', () => {
    const pane = runningPane(samples, '/sys/fs/cgroup/lab/x/', 100, 60);
    expect(text(pane.title)).toBe('Host · live, every 100 ms · /sys/fs/cgroup/lab/x/');
    expect(pane.body.map(text)).toEqual([
      'memory.current',
      expect.stringMatching(/^ {2}█+░+ 16\.0 MiB of 32\.0 MiB$/),
      '  ▂▅ 2 reads, highest 16.0 MiB',
    ]);
    expect(runningPane([], 't', 100, 48).body.map(text)).toEqual(['Reading…']);
  });

  it('after the run: the meters above the table', () => {
    const base = { title: [{ text: 'Host' }], body: [[{ text: 'memory.max 33554432' }]] };
    const result = {
      stepId: 's',
      status: 'done' as const,
      events: [],
      output: [],
      durationMs: 1,
      shell: '',
      text: '',
      live: samples.map((s) => ({ atMs: s.atMs, view: { title: 't', rows: [], meters: s.meters } })),
    };
    expect(afterRunPane(result, base, 48).body.map(text).slice(-1)).toEqual(['memory.max 33554432']);
    expect(afterRunPane(result, base, 48).body.length).toBe(4);
    expect(afterRunPane(undefined, base, 48)).toBe(base);
  });

  it('keeps the reads of the running step only', () => {
    let state = initialState({ lessons: [], doctorLine: '', progress: { version: 1, lessons: {} }, columns: 100, rows: 30 });
    state = reduce(state, { type: 'lesson-opened', id: 'cgroups', index: 4, steps: 10 });
    state = reduce(state, { type: 'live-read', index: 4, title: 't', samples });
    expect(state.lesson?.live).toBeUndefined();
    state = reduce(state, { type: 'step-started', index: 4, at: 0 });
    state = reduce(state, { type: 'live-read', index: 4, title: 't', samples });
    expect(state.lesson?.live?.samples).toBe(samples);
    state = reduce(state, { type: 'step-started', index: 5, at: 1 });
    expect(state.lesson?.live).toBeUndefined();
  });
});
