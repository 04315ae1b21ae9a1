/**
 * The cgroups workloads without a container: their pacing, held against the time they really
 * took on this host's shells, and the OOM step's report in every outcome the kernel can produce.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oomOutcome } from '../../src/lessons/actions/cgroup-oom.js';
import type { OomFacts } from '../../src/lessons/actions/cgroup-oom.js';
import { PACE_MS, allocatorScript, describePace, forkLoopScript, outputLines, paceOf } from '../../src/lessons/actions/cgroup-workloads.js';
import { findBusybox } from '../../src/rootfs/busybox.js';
import { describeTier } from '../helpers/tier.js';

/** The shells a container may get: busybox's (the shipped userland), and this host's own sh (the fallback). */
const busybox = findBusybox();
const shells: [string, string[]][] = [['/bin/sh', []], ...(busybox ? [[busybox, ['sh']] as [string, string[]]] : [])];
if (!busybox) console.warn('workloads: no static busybox on this host; only /bin/sh is checked');

function runScript(shell: [string, string[]], script: string): { lines: string[]; wallMs: number; status: number | null } {
  const started = performance.now();
  const r = spawnSync(shell[0], [...shell[1], '-c', script], { encoding: 'utf8', timeout: 20_000 });
  return { lines: `${r.stdout}\n${r.stderr}`.split('\n').filter(Boolean), wallMs: performance.now() - started, status: r.status };
}

describe('pacing, against the real rate', () => {
  for (const shell of shells) {
    it(`${shell.slice(0, 2).flat().join(' ')}: the fork loop's own time is the time it took, and "paced" only when it waited`, () => {
      const run = runScript(shell, forkLoopScript(12, 0));
      expect(run.status).toBe(0);
      const pace = paceOf(run.lines)!;
      expect(pace.rounds).toBe(12);
      // The script's clock (/proc/uptime, 10 ms steps) agrees with this test's, within start-up costs.
      expect(pace.ms).toBeLessThanOrEqual(run.wallMs + 10);
      expect(run.wallMs - pace.ms).toBeLessThan(250);
      const sentence = describePace(pace, 'forks');
      if (run.wallMs >= 12 * PACE_MS) expect(sentence).toMatch(/^12 forks in [\d.]+ s: one every \d+ ms\.$/);
      else expect(sentence).toMatch(/^Not paced: 12 forks in [\d.]+ s, not one every 30 ms\./);
      // No complaint from a shell without `read -t` or mkfifo reaches the output.
      expect(run.lines).toEqual([expect.stringMatching(/^tried 12 forks in \d+ ms: 12 started, 0 refused$/)]);
    });

    it(`${shell.slice(0, 2).flat().join(' ')}: the allocator reports its oom_score_adj and each process's exit status`, () => {
      const run = runScript(shell, allocatorScript(3));
      expect(run.status).toBe(0);
      // The reporting shell keeps its score; head and tail, each in its own subshell, raise theirs.
      expect(run.lines[0]).toBe(`sh: oom_score_adj ${readFileSync('/proc/self/oom_score_adj', 'utf8').trim()}`);
      expect(run.lines).toContain('head: oom_score_adj 1000');
      expect(run.lines).toContain('tail: oom_score_adj 1000');
      expect(run.lines.filter((l) => l.startsWith('head: oom_score_adj'))).toHaveLength(1);
      expect(run.lines).toContainEqual(expect.stringMatching(/^head: 3 MiB written in \d+ ms, last exit status 0$/));
      expect(run.lines.at(-1)).toBe('tail: exit status 0');
      expect(paceOf(run.lines)?.rounds).toBe(3);
    });
  }

  describeTier(
    'a host static busybox',
    { also: () => (busybox ? undefined : 'needs a static busybox (Debian/Ubuntu: apt-get install busybox-static)') },
    () => {
      it("busybox's sh really paces", () => {
        const pace = paceOf(runScript([busybox!, ['sh']], forkLoopScript(10, 0)).lines)!;
        expect(pace.ms).toBeGreaterThanOrEqual(10 * PACE_MS - 10);
      });
    },
  );

  it('says when the workload gave no time at all', () => {
    expect(describePace(undefined, 'mib')).toBe('The workload did not say how long it took, so the lab cannot tell how fast its MiB came.');
    expect(describePace({ rounds: 40, ms: 20 }, 'forks')).toMatch(/^Not paced: 40 forks in 0\.02 s, not one every 30 ms\. /);
    expect(describePace({ rounds: 40, ms: 1230 }, 'forks')).toBe('40 forks in 1.23 s: one every 31 ms.');
  });
});

describe('the OOM step reports what the kernel did', () => {
  const adj = ['sh: oom_score_adj 0', 'head: oom_score_adj 1000', 'tail: oom_score_adj 1000'];
  const killedTail = [...adj, 'head: 31 MiB written in 990 ms, last exit status 141', 'tail: exit status 137'];
  const facts = (over: Partial<OomFacts>): OomFacts => ({
    mib: 48,
    kills: 1,
    killsLabel: 'memory.events oom_kill',
    lines: killedTail,
    init: undefined,
    aborted: false,
    result: { stdout: '', stderr: '', exitCode: 137, signal: null, durationMs: 1000 },
    ...over,
  });

  it('one kill, tail the victim, PID 1 alive: done, naming the victim from its exit status', () => {
    expect(oomOutcome(facts({}))).toEqual({
      ok: true,
      lines: [
        "The kernel's OOM killer killed 1 process in this cgroup (memory.events oom_kill +1): tail ended by SIGKILL (its shell reported exit status 137 = 128 + 9). The container's PID 1 is still running.",
      ],
    });
  });

  it('tail, then PID 1 (the race seen on a v2 host): not "held without an OOM kill", but what happened', () => {
    const o = oomOutcome(facts({ kills: 2, init: { code: null, signal: 'SIGKILL' } }));
    expect(o.ok).toBe(false);
    expect(o.message).toBe(
      "The container's PID 1 was killed by SIGKILL, and memory.events oom_kill counted 2 kills: when PID 1 dies, the kernel kills every other process in its PID namespace, so this container is gone. Press r to reset the lesson, then run the memory steps again.",
    );
    expect(o.lines).toEqual(['tail ended by SIGKILL (its shell reported exit status 137 = 128 + 9)']);
  });

  it('no kill and a clean exit: the limit is missing', () => {
    const o = oomOutcome(
      facts({
        kills: 0,
        lines: [...adj, 'head: 48 MiB written in 1500 ms, last exit status 0', 'tail: exit status 0'],
        result: { stdout: '', stderr: '', exitCode: 0, signal: null, durationMs: 1 },
      }),
    );
    expect(o).toMatchObject({
      ok: false,
      message:
        "The allocator held its 48 MiB without an OOM kill (memory.events oom_kill did not move): the container's memory limit is not below that. Run the step that sets it (←).",
    });
  });

  it('a SIGKILL the OOM killer did not count is not called an OOM kill', () => {
    const o = oomOutcome(
      facts({ kills: 0, lines: [], result: { stdout: '', stderr: '', exitCode: null, signal: 'SIGKILL', durationMs: 1 } }),
    );
    expect(o.ok).toBe(false);
    expect(o.message).toBe(
      'The allocator ended with killed by SIGKILL, but memory.events oom_kill did not move: the OOM killer did not end it. Run the step again.',
    );
    expect(oomOutcome(facts({ kills: 0, aborted: true })).message).toBe(
      'Stopped before the allocator reached the limit: nothing was killed.',
    );
  });

  it('a kernel without an OOM-kill count: the SIGKILL is reported, and that nothing proves who sent it', () => {
    const o = oomOutcome(facts({ kills: undefined, killsLabel: 'the OOM-kill counter' }));
    expect(o.ok).toBe(true);
    expect(o.lines[0]).toMatch(/^tail ended by SIGKILL .*This kernel keeps no count of OOM kills/);
  });

  it("two kills (tail, then head, when tail's memory was not yet given back): both named, and why two", () => {
    const o = oomOutcome(
      facts({ kills: 2, lines: [...adj, 'head: 31 MiB written in 990 ms, last exit status 137', 'tail: exit status 137'] }),
    );
    expect(o).toEqual({
      ok: true,
      lines: [
        "The kernel's OOM killer killed 2 processes in this cgroup (memory.events oom_kill +2): tail ended by SIGKILL (its shell reported exit status 137 = 128 + 9); head ended by SIGKILL (its loop reported exit status 137 = 128 + 9). The container's PID 1 is still running.",
        "Why two: tail's memory is given back a moment after it is killed, and head asked for its next pipe page in that moment. The cgroup was still full, so the kernel picked again.",
      ],
    });
  });

  it('a kill no process reported is counted all the same, and the kernel log named', () => {
    const o = oomOutcome(
      facts({
        kills: 2,
        lines: [...adj, 'head: 31 MiB written in 990 ms, last exit status 141'],
        result: { stdout: '', stderr: '', exitCode: null, signal: 'SIGKILL', durationMs: 1 },
      }),
    );
    expect(o.ok).toBe(true);
    expect(o.lines).toEqual([
      "The kernel's OOM killer killed 2 processes in this cgroup (memory.events oom_kill +2): the workload's own shell ended by SIGKILL. The container's PID 1 is still running.",
      "One more process was killed with no report from the workload: a process's exit status is told by the shell that waits for it, and that shell may have been killed too. On the host, `dmesg | grep 'Killed process'` names every victim.",
    ]);
    expect(oomOutcome(facts({ kills: 1 })).lines).toHaveLength(1);
  });

  it('a kill with no process of the workload reporting one says exactly that', () => {
    const o = oomOutcome(
      facts({
        lines: [...adj, 'tail: exit status 0'],
        result: { stdout: '', stderr: '', exitCode: 0, signal: null, durationMs: 1 },
      }),
    );
    expect(o.lines).toEqual([
      "The kernel's OOM killer killed 1 process in this cgroup (memory.events oom_kill +1), but no process of the workload said it was killed. The container's PID 1 is still running.",
    ]);
  });

  it('output lines keep stdout before stderr, without blanks', () => {
    expect(outputLines({ stdout: 'a\n\n', stderr: 'b\n', exitCode: 0, signal: null, durationMs: 1 })).toEqual(['a', 'b']);
  });
});
