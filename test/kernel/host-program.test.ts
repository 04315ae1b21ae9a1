/**
 * The one host-program runner: every program the lab starts reads the same in "what ran", whether
 * it exited 0, exited with another status, was killed, or could not be started.
 */
import { describe, expect, it } from 'vitest';
import { failureText, runHostProgram } from '../../src/kernel/host-program.js';
import type { PrimitiveEvent } from '../../src/kernel/kernel.js';

const node = process.execPath;

describe('runHostProgram', () => {
  it('reports a success as `exit 0`, with the argv as run', async () => {
    const events: PrimitiveEvent[] = [];
    const run = await runHostProgram([node, '-e', 'process.stdout.write("hi")'], { emit: (e) => events.push(e), container: 'c1' });
    expect(run).toMatchObject({ ok: true, result: 'exit 0', exitCode: 0, signal: null, stdout: 'hi', timedOut: false });
    expect(run.error).toBeUndefined();
    expect(events).toEqual([
      {
        kind: 'spawn',
        name: node,
        args: ['-e', 'process.stdout.write("hi")'],
        result: 'exit 0',
        ok: true,
        durationMs: run.durationMs,
        container: 'c1',
      },
    ]);
  });

  it('reports another status as `exit N`, with stderr as the error text', async () => {
    const events: PrimitiveEvent[] = [];
    const run = await runHostProgram([node, '-e', 'console.error("RTNETLINK answers: File exists"); process.exit(2)'], {
      emit: (e) => events.push(e),
      hint: (r) => (r.stderr.includes('File exists') ? 'Remove the old link first.' : undefined),
    });
    expect(run).toMatchObject({ ok: false, result: 'exit 2', exitCode: 2 });
    expect(events[0]).toMatchObject({
      result: 'exit 2',
      ok: false,
      error: { code: 'EXIT2', text: 'RTNETLINK answers: File exists', hint: 'Remove the old link first.' },
    });
    expect(failureText(run)).toMatch(/^`.+` failed \(exit 2\): RTNETLINK answers: File exists$/);
  });

  it('kills a program that outlives its timeout, and says so', async () => {
    const run = await runHostProgram(['sleep', '5'], { timeoutMs: 150 });
    expect(run).toMatchObject({ ok: false, result: 'killed by SIGKILL', exitCode: null, signal: 'SIGKILL', timedOut: true });
    expect(run.error?.text).toBe('still running after 0.15 s, so the lab killed it');
    expect(run.durationMs).toBeLessThan(2000);
  });

  it("reports a program that cannot start with execve's errno", async () => {
    const run = await runHostProgram(['cldw-no-such-program', '--version']);
    expect(run).toMatchObject({ ok: false, result: '-1 ENOENT', exitCode: null, signal: null, startErrno: 'ENOENT' });
    expect(run.error).toEqual({
      code: 'ENOENT',
      text: 'No such file or directory: cldw-no-such-program',
      hint: 'cldw-no-such-program is not installed (or not on PATH): `container-lab doctor` says which package has it.',
    });
  });

  it('feeds input on stdin and shows the arguments it is told to', async () => {
    const events: PrimitiveEvent[] = [];
    const run = await runHostProgram(['cat'], {
      input: 'link show\naddr show\n',
      shownArgs: ['link show;', 'addr show'],
      emit: (e) => events.push(e),
    });
    expect(run.stdout).toBe('link show\naddr show\n');
    expect(events[0]).toMatchObject({ name: 'cat', args: ['link show;', 'addr show'], result: 'exit 0' });
  });

  it("gives a program without input an empty stdin (it never waits on the lab's terminal)", async () => {
    const run = await runHostProgram(['cat'], { timeoutMs: 2000 });
    expect(run).toMatchObject({ ok: true, stdout: '', timedOut: false });
  });
});
