/**
 * `container-lab lesson cgroups` through the built binary, as root, on whatever cgroup mode this
 * kernel runs (v1/hybrid on the project's machine, v2 in the test VM). Every assertion that matters
 * is on a kernel counter: read by this test from the cgroup files while the lesson runs, and from
 * the live reads and panes the lab reports in --json. Then nothing may be left: no cgroup under the
 * tier's parent, no mount, no ledger entry, no container directory, no container process.
 *
 * Timeouts are generous: in the emulated v2 guest each Node start takes seconds.
 */
import { expect, it } from 'vitest';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { alive, CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { CounterWatch } from './counters.js';

const paths = useTier('cgroupsLesson');

const MiB = 1024 * 1024;

async function runLesson(format: '--plain' | '--json'): Promise<{ code: number | null; out: string; err: string }> {
  const { code, stdout, stderr } = await runLab(['lesson', 'cgroups', format, '--solve'], { env: labEnv(paths), timeoutMs: 300_000 });
  return { code, out: stdout, err: stderr };
}

/** Host PIDs of the containers' first processes, as the start step reported them. */
function containerPids(text: string): number[] {
  return [...text.matchAll(/its PID 1 is (\d+) on the host/g)].map((m) => Number(m[1]));
}

async function expectNothingLeft(pids: number[]): Promise<void> {
  await waitUntil(() => isClean(machineState(paths)) && pids.every((p) => !alive(p)));
  expect(machineState(paths)).toEqual(CLEAN);
  expect(pids.filter(alive)).toEqual([]);
}

interface Meter {
  key: string;
  value: number;
  max?: number;
}
interface Sample {
  type: 'sample';
  step: string;
  atMs: number;
  meters: Meter[];
}

describeTier('lesson cgroups on the real kernel', { root: true, cli: true }, () => {
  it('--plain: every step runs, and the kernel counts an OOM kill, refused forks and throttled periods', async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const watch = new CounterWatch();
    watch.start();
    const run = await runLesson('--plain');
    watch.stop();
    expect(run.code, `${run.out}\n${run.err}`).toBe(0);
    expect(run.out).toContain('Every step of "cgroups" ran.');

    // Read from the cgroup files by this test, while the lesson ran.
    expect(watch.seen.size).toBe(1);
    expect(watch.peaks.oomKills).toBeGreaterThanOrEqual(1);
    expect(watch.peaks.pidsRefused).toBeGreaterThan(0);
    // Under the limit the lesson set, the fork loop stopped exactly at it.
    expect(watch.peaks.pidsCurrentUnder['10']).toBe(10);
    expect(watch.peaks.nrThrottled).toBeGreaterThan(0);

    // Under the 32 MiB limit the kernel's own peak reached it; the lab named the same number.
    expect(watch.peaks.memoryPeakUnder[String(32 * MiB)]).toBeGreaterThanOrEqual(32 * MiB - 256 * 1024);
    const peakLine = /\| memory\.(?:peak|max_usage_in_bytes): [\d.]+ [KM]iB → ([\d.]+) MiB/.exec(run.out);
    expect(Number(peakLine?.[1])).toBe(Number((watch.peaks.memoryPeakUnder[String(32 * MiB)]! / MiB).toFixed(1)));

    // What the runtime reported for the allocator, from the kernel and the processes themselves.
    expect(run.out).toMatch(/exit status 137 \(128 \+ 9: the shell's child was killed by SIGKILL\)/);
    // Only head and tail raised their score; the shell that reports them kept its own.
    expect(run.out).toMatch(/\| sh: oom_score_adj -?\d+\n/);
    expect(run.out).toContain('| head: oom_score_adj 1000');
    expect(run.out).toContain('| tail: oom_score_adj 1000');
    expect(run.out).toMatch(/\| tail: exit status 137\n/);
    // Usually one kill. On a busy host the kernel may pick again before tail's memory is given back
    // (see allocatorScript); the second victim is then head, and the lab names it and says why.
    const kill =
      /The kernel's OOM killer killed (\d) process(?:es)? in this cgroup \(memory\.(?:events|oom_control) oom_kill \+(\d)\): tail ended by SIGKILL .*The container's PID 1 is still running\./.exec(
        run.out,
      );
    expect(kill, run.out).not.toBeNull();
    expect(kill![1]).toBe(kill![2]);
    if (kill![1] === '1') expect(run.out).not.toMatch(/head: \d+ MiB written in \d+ ms, last exit status 137/);
    else expect(run.out).toMatch(/head ended by SIGKILL .*\n.*Why two: /);
    // The loops say how fast they really went: paced, with busybox's sh.
    expect(run.out).toMatch(/\| 40 forks in [\d.]+ s: one every \d+ ms\./);
    expect(run.out).toMatch(/Check: passed\. Right: under 96\.0 MiB the allocator held its 48 MiB and exited 0/);
    await expectNothingLeft(containerPids(run.out));
  }, 300_000);

  it("--json: the live reads and panes carry the same counters, and the limits were the lesson's", async () => {
    expect(machineState(paths)).toEqual(CLEAN);
    const run = await runLesson('--json');
    expect(run.code, run.err).toBe(0);
    const lines = run.out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const results = lines.filter((l) => l.type === 'result');
    expect(results.map((r) => `${r.step} ${r.status}`)).toEqual(
      ['mode', 'where', 'files', 'memory-limit', 'oom', 'raise', 'pids-limit', 'fork-loop', 'cpu-limit', 'throttle'].map(
        (s) => `${s} done`,
      ),
    );
    const samples = (step: string) => lines.filter((l): l is Sample & Record<string, unknown> => l.type === 'sample' && l.step === step);
    const meter = (s: Sample, key: string) => s.meters.find((m) => m.key === key);

    // The mode the lab names is the one the VM harness booted, when it says.
    const mode = lines.find((l) => l.type === 'pane' && l.step === 'mode' && l.side === 'host') as { note?: string } | undefined;
    const expected = process.env.CONTAINER_LAB_EXPECT_CGROUP_MODE;
    if (expected) expect(mode?.note).toMatch(expected === 'v2' ? /^cgroup v2:/ : expected === 'v1' ? /^cgroup v1:/ : /^hybrid:/);

    // Memory: usage climbed towards the 32 MiB limit and never past it; the kill was counted.
    const oom = samples('oom');
    expect(oom.length).toBeGreaterThan(2);
    const usage = oom.map((s) => meter(s, 'memory.usage')!);
    expect(usage.every((m) => m.max === 32 * MiB && m.value <= 32 * MiB)).toBe(true);
    expect(Math.max(...usage.map((m) => m.value))).toBeGreaterThan(16 * MiB);
    const kills = oom.map((s) => meter(s, 'memory.oom_kills')!.value);
    expect(kills[kills.length - 1]! - kills[0]!).toBeGreaterThanOrEqual(1);
    // Beside the reads, the kernel's own peak: the limit, which no 100 ms read needs to catch.
    const peak = meter(oom[oom.length - 1]!, 'memory.peak');
    expect(peak).toMatchObject({ kind: 'peak', max: 32 * MiB });
    expect(peak!.value).toBeGreaterThanOrEqual(Math.max(...usage.map((m) => m.value)));
    expect(peak!.value).toBeGreaterThan(31 * MiB);
    const check = lines.find((l) => l.type === 'check' && l.step === 'raise') as { ok?: boolean } | undefined;
    expect(check?.ok).toBe(true);

    // pids: the count stopped at the limit while the refusals grew.
    const fork = samples('fork-loop');
    const current = fork.map((s) => meter(s, 'pids.current')!);
    expect(Math.max(...current.map((m) => m.value))).toBe(10);
    expect(current.every((m) => m.max === 10 && m.value <= 10)).toBe(true);
    const refused = fork.map((s) => meter(s, 'pids.refused')!.value);
    expect(refused[refused.length - 1]! - refused[0]!).toBeGreaterThan(0);
    // ...and the lab put pids.max back.
    const reverted = lines.filter((l) => l.type === 'primitive' && l.step === 'fork-loop' && l.revert === true);
    expect(reverted.some((e) => String(e.name).endsWith('pids.max') && (e.args as string[])[0] === '"max"')).toBe(true);

    // CPU: throttled periods were counted, and the loop got no more than its half CPU (plus a
    // period of slack at each end of the reads).
    const cpu = samples('throttle');
    const first = cpu[0]!;
    const last = cpu[cpu.length - 1]!;
    expect(meter(last, 'cpu.throttled')!.value - meter(first, 'cpu.throttled')!.value).toBeGreaterThan(0);
    const usedUsec = meter(last, 'cpu.usage')!.value - meter(first, 'cpu.usage')!.value;
    expect(usedUsec).toBeGreaterThan(0);
    expect(usedUsec).toBeLessThan((last.atMs - first.atMs) * 1000 * 0.5 + 200_000);

    const pids = lines.filter((l) => l.type === 'output').flatMap((l) => containerPids(String(l.line)));
    await expectNothingLeft(pids);
  }, 300_000);
});
