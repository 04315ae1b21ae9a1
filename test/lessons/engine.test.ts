import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LessonSession } from '../../src/lessons/engine/session.js';
import type { Pane } from '../../src/lessons/engine/results.js';
import { eventLines } from '../../src/lessons/event-lines.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import type { Lesson } from '../../src/lessons/types.js';
import { FakeLab } from './fake-lab.js';

const lesson: Lesson = loadLessons(path.resolve(__dirname, '../../lessons')).lessons.find((l) => l.id === 'pid-namespace')!;
const index = (id: string) => lesson.steps.findIndex((s) => s.id === id);

let lab: FakeLab;
let session: LessonSession;
beforeEach(() => {
  lab = new FakeLab();
  session = new LessonSession({
    lesson,
    runtime: lab,
    procRoot: lab.host.root,
    labPid: lab.labPid,
    containerReader: () => lab.insideReader(),
  });
});
afterEach(async () => {
  await session.close();
  lab.cleanup();
});

function rows(pane: Pane | undefined): string[][] {
  if (!pane?.ok) throw new Error(`pane unavailable: ${pane && !pane.ok ? pane.reason : 'none'}`);
  return pane.view.rows.map((r) => [...r.cells]);
}

describe('the lesson engine on a fake runtime', () => {
  it('walks the pid-namespace lesson: every step runs, and each pane is read from its side', async () => {
    const shell = await session.runStep(index('your-shell'));
    expect(shell.status).toBe('done');
    expect(rows(shell.host).map((r) => r[0])).toEqual(['950', '1']);
    expect(shell.container).toBeUndefined();

    const start = await session.runStep(index('new-namespace'));
    expect(start.status).toBe('done');
    expect(eventLines(start.events).map((l) => l.text)).toEqual([
      'unshare(CLONE_NEWPID) = 0',
      'unshare(CLONE_NEWNS|CLONE_NEWUTS) = 0',
      'mount(NULL, "/", NULL, MS_REC|MS_PRIVATE, NULL) = 0',
      'pivot_root(".", ".") = 0',
    ]);
    expect(rows(start.host)).toEqual([['4000', '3848', 'S', '/bin/sh -c while :; do sleep 3600 & wait $!; done']]);
    expect(rows(start.container)).toEqual([['1', '0', 'S', '/bin/sh -c while :; do sleep 3600 & wait $!; done']]);
    expect(start.container?.ok && start.container.marks).toEqual([{ kind: 'changed', cells: [0, 1] }]);

    const nspid = await session.runStep(index('nspid'));
    expect(rows(nspid.host)).toContainEqual(['NSpid', '4000 1']);
    expect(rows(nspid.container)).toContainEqual(['NSpid', '1']);
    expect(nspid.shell).toBe("grep -E 'Pid|NSpid' /proc/4000/status");

    const links = await session.runStep(index('namespace-links'));
    const marks = links.host?.ok ? links.host.marks : [];
    const changed = rows(links.host)
      .filter((_, i) => marks[i]?.kind === 'changed')
      .map((r) => r[0]);
    expect(changed).toEqual(['ipc', 'mnt', 'net', 'pid', 'uts']);

    const refused = await session.runStep(index('cannot-see-host'));
    expect(refused.status).toBe('done');
    expect(refused.output).toEqual(['$ kill -0 950', "kill: can't kill pid 950: No such process", 'exit status 1 (refused, as expected)']);
    expect(refused.text).toContain("The lab's PID on the host is\n950.");

    const orphan = await session.runStep(index('orphan'));
    expect(orphan.status).toBe('done');
    expect(session.processes.get('orphan')).toEqual({ name: 'orphan', container: 'main', hostPid: 4001, innerPid: 2 });
    expect(rows(orphan.container)).toContainEqual(['2', '1', 'S', 'sleep 1000']);
    expect(rows(orphan.host)).toContainEqual(['4001', '4000', 'S', 'sleep 1000']);

    const reap = await session.runStep(index('reap'));
    expect(reap.status).toBe('done');
    expect(reap.output).toContain('after 0 ms: host PID 4001 is gone (ended and reaped)');
    expect(rows(reap.container).map((r) => r[0])).toEqual(['1']);

    const turn = await session.solve(index('find-host-pid'));
    expect(turn.answer).toBe('4002');
    expect(turn.check?.ok).toBe(true);
    expect(turn.check?.message).toBe(
      'Right: host PID 4002 is PID 3 inside the container (NSpid: 4002 3). One process, one PID per namespace it is in.',
    );
    expect(rows(turn.check?.host)).toContainEqual(['NSpid', '4002 3']);
    expect(await session.hint(index('find-host-pid'), 2)).toBe('Read from the host just now: host PID 4002 (`sleep 600`, PID 3 inside).');

    const term = await session.runStep(index('sigterm'));
    expect(term.status).toBe('done');
    expect(eventLines(term.events).map((l) => l.text)).toEqual(['kill(4000, SIGTERM) = 0']);
    expect(term.output.join('\n')).toMatch(/host PID 4000 is still running \(state S\)/);

    const kill = await session.runStep(index('sigkill'));
    expect(kill.status).toBe('done');
    expect(kill.shell).toBe('kill -KILL 4000');
    expect(kill.host?.ok && kill.host.view.note).toBe(`${lab.host.root}/4000/status: No such file or directory (ENOENT).`);
    expect(kill.container).toEqual({
      ok: false,
      title: 'processes',
      reason:
        "The container's PID 1 has ended (killed by SIGKILL), and its PID namespace ended with it: there is no inside left to look at.",
    });
    expect(kill.output).toEqual([
      'after 0 ms: host PID 4000 is gone (ended and reaped)',
      'the other process of its PID namespace (host PID 4002) is gone too',
    ]);
    expect(kill.reverted?.events.map((e) => e.name)).toContain('pivot_root');
    expect(session.processes.size).toBe(0);
  });

  it('tells wrong answers apart, each with what to try next', async () => {
    await session.runStep(index('new-namespace'));
    const turn = index('find-host-pid');
    expect((await session.check(turn, 'abc')).message).toBe(
      '"abc" is not a PID: type a whole number, such as the one you found on the host.',
    );
    expect((await session.check(turn, '4000')).message).toBe(
      "4000 is the container's PID 1 (the shell that started with it). Find the process you started yourself.",
    );
    expect((await session.check(turn, '99999')).message).toBe(
      'No process 99999 exists on the host. Is your process still running? Look again on the host side.',
    );
    expect((await session.check(turn, '1')).message).toBe(
      "Host PID 1 is a host process outside the container: its PID namespace is pid:[4026531836], the container's is pid:[4026532178]. A number this small is probably the PID inside the container: the host numbers the same process differently.",
    );
    expect(await session.hint(turn, 2)).toBe(
      'Read from the host just now: no process you started runs in the container yet (PID 1 and what it started do not count): start one first, then ask again.',
    );
    // The init's own child is in PID 1's session: not the learner's, however it is found.
    const c = lab.started[0]!;
    const own = lab.addProcess('sleep', ['sleep', '3600'], 1, c.pid, [c.pid, 1]);
    expect((await session.check(turn, String(own.hostPid))).message).toBe(
      `Host PID ${own.hostPid} (\`sleep 3600\`) is in the container, but its PID 1 started it: it is in PID 1's session (NSsid: ${c.pid} 1, 1 inside). Start your own in the shell (s), \`sleep 600 &\`, and find that one.`,
    );
    expect(await session.hint(turn, 2)).toMatch(/no process you started runs/);
    // One started from outside keeps its launcher's session, which the container numbers 0.
    const mine = lab.addProcess('sleep', ['sleep', '600'], 1, c.pid, [900, 0]);
    expect((await session.check(turn, String(mine.hostPid))).ok).toBe(true);
    expect(await session.hint(turn, 2)).toBe(
      `Read from the host just now: host PID ${mine.hostPid} (\`sleep 600\`, PID ${mine.innerPid} inside).`,
    );
  });

  it("a failing primitive fails the step with the kernel's words and a hint", async () => {
    lab.kernel.failOn('unshare', 'EPERM');
    const r = await session.runStep(index('new-namespace'));
    expect(r.status).toBe('failed');
    expect(r.message).toBe('unshare(CLONE_NEWPID) failed: EPERM (Operation not permitted)');
    expect(r.hint).toMatch(/^This needs root with all capabilities/);
    expect(r.events[0]).toMatchObject({ name: 'unshare', ok: false, result: '-1 EPERM' });
    expect(r.container).toEqual({
      ok: false,
      title: 'processes',
      reason: 'The container has not been started yet: run the step that starts it first (← to go back).',
    });
  });

  it('a learner who jumps ahead gets the container the step needs, started as part of the step', async () => {
    const r = await session.runStep(index('nspid'));
    expect(r.status).toBe('done');
    expect(r.events.map((e) => e.name)).toContain('unshare');
    expect(rows(r.container)).toContainEqual(['Pid', '1']);
  });

  it("a step that needs an earlier step's process says which", async () => {
    const r = await session.runStep(index('reap'));
    expect(r.status).toBe('failed');
    expect(r.message).toBe('This step needs process.orphan, which an earlier step starts: go back (←) and run that step first.');
  });

  it('skips a step the host cannot run, saying why', async () => {
    const s = new LessonSession({
      lesson,
      runtime: lab,
      procRoot: lab.host.root,
      missingFeature: (f) =>
        f === 'overlay' ? 'overlay filesystem: not in /proc/filesystems. Load it with `sudo modprobe overlay`.' : undefined,
    });
    const r = await s.runStep(0);
    expect(r.status).toBe('skipped');
    expect(r.message).toBe(
      'This step cannot run on this host: overlay filesystem: not in /proc/filesystems. Load it with `sudo modprobe overlay`.',
    );
    await s.close();
  });

  it('Esc cancels a step that is waiting, and the session stays usable', async () => {
    await session.runStep(index('new-namespace'));
    lab.execDelayMs = 5000;
    const abort = new AbortController();
    const running = session.runStep(index('cannot-see-host'), abort.signal);
    setTimeout(() => abort.abort(), 30);
    const r = await running;
    expect(r.status).toBe('cancelled');
    expect(r.message).toBe('Cancelled (Esc): the lab stopped the step. Press Enter to run it again.');
    lab.execDelayMs = 0;
    expect((await session.runStep(index('cannot-see-host'))).status).toBe('done');
  });

  it('reset deletes the containers and forgets named processes', async () => {
    await session.runStep(index('new-namespace'));
    await session.runStep(index('orphan'));
    await session.reset();
    expect(session.processes.size).toBe(0);
    expect((await session.look(index('nspid'))).container).toMatchObject({ ok: false });
  });
});
