/**
 * `container-lab lesson pid-namespace --plain` and `--json` as root, on the real kernel: every step
 * runs, the output shows what the kernel really answered, and nothing is left behind.
 */
import { expect, it } from 'vitest';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState, strayProcesses } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('e2e');
const env = labEnv(paths);

function step(out: string, n: number): string {
  const start = out.indexOf(`Step ${n} of 10:`);
  const end = out.indexOf(`Step ${n + 1} of 10:`);
  return out.slice(start, end < 0 ? undefined : end);
}

/** The header and result line of every step whose result is FAILED. */
function failedSteps(out: string): string[] {
  return out
    .split(/(?=^Step \d+ of 10:)/m)
    .filter((block) => /^Result: FAILED/m.test(block))
    .map((block) => `${block.split('\n')[0]} → ${block.match(/^Result: FAILED.*$/m)?.[0]}`);
}

describeTier('lesson pid-namespace, non-interactive, real kernel', { root: true, cli: true }, () => {
  it('--plain runs every step and prints what the kernel answered', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'pid-namespace', '--plain', '--solve'], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Every step of "The PID namespace" ran.');
    // Only a step's result line counts: the word may well appear in a host pane (the lab's ancestry
    // shows its parents' command lines, and a CI wrapper's shell line can say anything).
    expect(failedSteps(stdout)).toEqual([]);

    // The container's first process: PID 1 inside, its host PID outside, on the same row.
    const start = step(stdout, 2);
    expect(start).toMatch(/unshare\(…\) ×\d+ = 0: .*CLONE_NEWPID|unshare\(CLONE_NEWPID\) = 0/);
    expect(start).toMatch(/pivot_root\("\.", "\."\) = 0/);
    const hostPid = Number(start.match(/Host: ps[^\n]*\n[^\n]*\n\s+(\d+)\s+\d+\s+S\s+\/bin\/sh -c while/)?.[1]);
    expect(hostPid).toBeGreaterThan(1);
    expect(start).toMatch(/Container: ps[^\n]*\n[^\n]*\n\s+1\s+0\s+S\s+\/bin\/sh -c while/);

    expect(step(stdout, 3)).toContain(`NSpid ${hostPid} 1  ⟷  NSpid 1`);
    const links = step(stdout, 4);
    for (const kind of ['ipc', 'mnt', 'net', 'pid', 'uts'])
      expect(links).toMatch(new RegExp(`^  ${kind} ${kind}:\\[\\d+\\]  ⟷  ${kind} ${kind}:\\[\\d+\\]$`, 'm'));
    expect(links).not.toMatch(/^ {2}user user:/m);

    const refused = step(stdout, 5);
    expect(refused).toMatch(/\| kill: can't kill pid \d+: No such process/);
    expect(refused).toContain('exit status 1 (refused, as expected)');
    expect(refused).toMatch(/processes visible \d+ {2}⟷ {2}processes visible [23]\b/);

    expect(step(stdout, 6)).toMatch(/Container: ps[\s\S]*\n\s+\d+\s+1\s+S\s+sleep 1000/);
    expect(step(stdout, 7)).toMatch(/after \d+ ms: host PID \d+ is gone \(ended and reaped\)/);
    expect(step(stdout, 8)).toMatch(/Check: passed\. Right: host PID \d+ is PID \d+ inside the container \(NSpid: \d+ \d+\)/);

    const term = step(stdout, 9);
    expect(term).toMatch(/after 5\d\d ms: host PID \d+ is still running \(state S\)/);
    const sigcgt = term.match(/SigCgt +(.*)/)?.[1] ?? '';
    expect(sigcgt).not.toContain('SIGTERM');

    const kill = step(stdout, 10);
    expect(kill).toMatch(/No such file or directory \(ENOENT\)/);
    expect(kill).toMatch(/the other \d* ?process(es)? of its PID namespace \(host PID [\d, ]+\) (is|are) gone too/);
    expect(kill).toContain('Put back by the lab:');

    expect(machineState(paths)).toEqual(CLEAN);
    expect(strayProcesses(paths)).toEqual([]);
  }, 120_000);

  it('--json prints one JSON object per line, ending in a summary', async () => {
    const { code, stdout } = await runLab(['lesson', 'pid-namespace', '--json', '--solve'], { env });
    expect(code).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; [k: string]: unknown });
    expect(records[0]).toMatchObject({ type: 'lesson', id: 'pid-namespace', steps: 10 });
    expect(records.at(-1)).toEqual({ type: 'summary', ok: true });
    expect(records.filter((r) => r.type === 'result').map((r) => r.status)).toEqual(Array(10).fill('done'));
    expect(records.some((r) => r.type === 'primitive' && r.name === 'pivot_root' && r.ok === true)).toBe(true);
    const nspid = records.find((r) => r.type === 'pane' && r.step === 'nspid' && r.side === 'container') as unknown as {
      rows: { key: string; cells: string[] }[];
    };
    expect(nspid.rows.find((r) => r.key === 'NSpid')?.cells).toEqual(['NSpid', '1']);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);

  it('an unknown lesson id is one sentence, and nothing is started', async () => {
    const { code, stderr } = await runLab(['lesson', 'pid-namespaces', '--plain'], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^container-lab: There is no lesson "pid-namespaces"\. Lessons here: pid-namespace, /);
  });
});
