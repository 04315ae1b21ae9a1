import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';
import { CORE_LESSONS, defaultLessonsDir, formatProblem, loadLessons } from '../../src/lessons/load-lessons.js';
import { lintCommand } from '../../src/lessons/lint-command.js';

const FIXTURES = path.resolve(__dirname, 'fixtures');
const rel = (p: string) => path.relative(FIXTURES, p);

/** Problems of one fixture, with paths relative to the fixture's own folder. */
function messages(dir: string): string[] {
  const folder = path.join(FIXTURES, dir);
  return loadLessons(folder).problems.map((p) => `${path.relative(folder, p.file) || '.'}:${p.line}:${p.column}: ${p.message}`);
}

describe('lesson linter', () => {
  it('`slow:` names why a step is slow on purpose: only the steps that copy the 32 MiB big.bin', () => {
    const { lessons, problems } = loadLessons(defaultLessonsDir());
    expect(problems).toEqual([]);
    const slow = lessons.flatMap((l) => l.steps.filter((s) => s.slow).map((s) => `${l.id}/${s.id}`));
    expect(slow).toEqual(['overlay/copy-up-cost', 'whiteouts/export']);
  });

  it('accepts the good fixtures, in folder order, with every part parsed', () => {
    const { lessons, problems } = loadLessons(path.join(FIXTURES, 'good'));
    expect(problems).toEqual([]);
    expect(lessons.map((l) => [l.order, l.id, l.steps.length])).toEqual([
      [1, 'demo', 7],
      [2, 'second', 1],
    ]);
    const demo = lessons[0]!;
    expect(demo.intro).toBe('An intro with `code` and **strong** words.');
    expect(demo.containers).toEqual({ main: { namespaces: ['pid', 'mnt'], hostname: 'demo', command: ['/bin/sh'] } });
    const start = demo.steps[1]!;
    expect(start.predict).toEqual({ question: 'Which PID?', choices: ['1', '48213'], answer: 0, reveal: 'Numbering starts again.' });
    // `both:` is one probe for both panes; only their titles differ.
    expect({ ...start.host, label: '' }).toEqual({ ...start.container, label: '' });
    expect([start.host?.label, start.container?.label]).toEqual(['Host', 'Container']);
    expect(demo.steps[4]!.yourTurn?.solution.args).toEqual({ name: 'mine', argv: ['sleep', '600'], container: '' });
    expect(demo.steps[5]!.run.args).toEqual({ to: 'container', signal: 'SIGTERM', from: 'host', expect: 'survives', watchMs: 200 });
    expect(lessons[1]!.steps[0]!.container?.container).toBe('other');
  });

  it('reports a YAML syntax error with its line', () => {
    expect(messages('broken/01-syntax')).toEqual([
      'lesson.yaml:4:1: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }.',
    ]);
  });

  it('names unknown actions, probes, checks and namespace kinds, with the known ones', () => {
    const m = messages('broken/02-unknown-names');
    expect(m[0]).toBe('lesson.yaml:1:26: `container`: unknown namespace kind pidd; known: pid, mnt, uts, ipc, net, cgroup.');
    // The catalogue grows as lessons are added: check the sentence and that the list names the real ones.
    expect(m[1]).toMatch(/^lesson\.yaml:4:20: step "one": `run`: unknown action "exek"; known actions: .*\bexec, .*\bobserve, .*\.$/);
    expect(m[2]).toMatch(
      /^lesson\.yaml:5:20: step "one": `host`: unknown probe "proceses"; known probes: .*\bprocess-status, processes\.$/,
    );
    expect(m[3]).toMatch(
      /^lesson\.yaml:7:14: step "one": `yourTurn`: `check`: unknown check "no-such-check"; known checks: .*\bhost-pid-of-container-process\b.*\.$/,
    );
    expect(m).toHaveLength(4);
  });

  it('checks arguments against each action and probe', () => {
    expect(messages('broken/03-bad-args')).toEqual([
      'lesson.yaml:3:51: step "one": `run`: action "signal": `signal` must be one of SIGTERM, SIGKILL, SIGINT, SIGHUP.',
      'lesson.yaml:3:68: step "one": `run`: action "signal": unknown argument "colour"; it takes to, signal, from, expect, watchMs.',
      'lesson.yaml:4:41: step "one": `both`: probe "process-status": `pid` must be a process: `lab` (the lab itself), `container` or `container.NAME` (a container\'s PID 1), `process.NAME` (a process a step started), or a number.',
      'lesson.yaml:4:61: step "one": `both`: probe "process-status": `fields` must be a list of any of Name, State, Pid, PPid, NSpid, NSpgid, NSsid, Uid, Threads, SigCgt, SigIgn, SigBlk, CapEff, CapBnd, NoNewPrivs.',
      'lesson.yaml:6:33: step "two": `run`: action "spawn": `argv` must be a list of strings (a command and its arguments).',
      'lesson.yaml:6:10: step "two": `run`: action "spawn": missing argument `name:` (how later steps refer to it: process.NAME).',
    ]);
  });

  it('matches text.md sections to steps, both ways, and checks placeholders', () => {
    expect(messages('broken/04-text-mismatch')).toEqual([
      'text.md:23:1: `## three` matches no step in lesson.yaml (step ids: one, two, four).',
      'text.md:27:1: `## one-more` matches no step in lesson.yaml (step ids: one, two, four).',
      'text.md:19:1: `## two`: `### By hand`: "{host:proces.x}" names no process; after `host:` write `lab` (the lab itself), `container` or `container.NAME` (a container\'s PID 1), `process.NAME` (a process a step started), or a number.',
      'text.md:1:1: step "four" (lesson.yaml line 6) has no `## four: <title>` section.',
    ]);
  });

  it('checks the rules between steps: unique ids, predict answers, three hints, processes started before use', () => {
    expect(messages('broken/05-structure')).toEqual([
      'lesson.yaml:6:5: step "first" appears twice (first at line 2); step ids must be unique.',
      'lesson.yaml:13:5: step 4: missing `id:`.',
      'text.md:11:1: `## first`: `### Predict`: give 2 to 5 choices (the learner picks one with keys 1-5); it has 1.',
      "text.md:11:1: `## first`: `### Predict`: lesson.yaml's `answer: 2` names no choice here.",
      'text.md:33:1: `## second`: `### Hints`: give exactly 3, numbered: a nudge, a pointer (which file or command), then the answer (it may use {answer}).',
      'lesson.yaml:3:10: step "first": process.later is not started by this step or an earlier one (start it with a `spawn` or `orphan` action that has `name: later`).',
    ]);
  });

  it('refuses namespaces the runtime does not make, at their own line, and checks `needs:` against the actions', () => {
    expect(messages('broken/07-host-contract')).toEqual([
      'lesson.yaml:2:31: container "a": the lab\'s runtime does not make user namespaces yet (it makes pid, mnt, uts, ipc, net, cgroup); a container that asked for one would run without it.',
      'lesson.yaml:6:9: container "b": the lab\'s runtime does not make time namespaces yet (it makes pid, mnt, uts, ipc, net, cgroup); a container that asked for one would run without it.',
      'lesson.yaml:10:12: step "one": `needs`: unknown host program ping; known: ip, bridge, nsenter, unshare, mount, nft, iptables (a program run inside a container ships with the lab and is never a host need).',
      'lesson.yaml:13:12: step "two": `needs`: action `create-bridge` already declares ip; remove it here.',
    ]);
    const { lessons } = loadLessons(path.join(FIXTURES, 'broken'));
    expect(lessons.find((l) => l.id === 'host-contract')).toBeUndefined();
  });

  it('a step that names a host program its action does not declare keeps it in `needs`', () => {
    const { lessons, problems } = loadLessons(path.join(FIXTURES, 'good'));
    expect(problems).toEqual([]);
    expect(lessons[0]!.steps.find((s) => s.id === 'look')?.needs).toEqual(['mount']);
  });

  it('checks what a step teaches against its panes, and the columns its text names', () => {
    expect(messages('broken/07-teaches')).toEqual([
      'lesson.yaml:3:33: step "one": `teaches`: `host`: the processes pane has no column "colour"; its columns: PID, PPID, S, COMMAND.',
      'lesson.yaml:3:62: step "one": `teaches`: `container`: this step has no container pane (give it `container:` with a probe first).',
      'lesson.yaml:7:33: step "two": `teaches`: `both`: the process-status pane is a list of key/value rows without columns; name the rows the text reads with `rows:` instead of column "NSpid".',
      'lesson.yaml:7:52: step "two": `teaches`: `output` is `all` (every line the action printed), `first` or `last` (one line), not "some".',
      'text.md:31:1: `### Another heading`: unknown heading in a step; the ones there are `### Once it has run`, `### Predict`, `### Reveal`, `### Your turn`, `### Hints`, `### By hand`, `### Docker`, `### Notes` (keep them in English).',
      'text.md:23:1: `## three`: the text points at the "propagation" column: declare it, e.g. `teaches: { host: { columns: [propagation] } }`, so the layout keeps it on screen.',
      'text.md:23:1: `## three`: the text names a column "PPID", but no pane of this step has one (host mountinfo: mount point, type, source, propagation).',
      // The text for after the step has run is checked too.
      'text.md:23:1: `## three`: the text names a column "S", but no pane of this step has one (host mountinfo: mount point, type, source, propagation).',
    ]);
  });

  it('reports folders without lesson.yaml and badly named lesson folders, and keeps the good ones', () => {
    const { problems } = loadLessons(path.join(FIXTURES, 'broken'));
    const byFile = problems.map((p) => `${rel(p.file)}: ${p.message}`);
    expect(byFile).toContain('broken/06-no-yaml: 06-no-yaml has no lesson.yaml: add one, or remove the folder.');
    expect(byFile).toContain('broken/badname: Lesson folder "badname" must be named <order>-<id>, e.g. 01-pid-namespace.');
  });

  it('a missing directory is one sentence', () => {
    expect(messages('nowhere')).toEqual([
      `.:1:1: No lessons directory at ${path.join(FIXTURES, 'nowhere')}: give a directory of lesson folders (e.g. --lessons ./lessons).`,
    ]);
  });

  it('lint-lessons prints file:line:column lines and exits 1 on problems, 0 on the shipped lessons', () => {
    let out = '';
    let err = '';
    const sink = (fn: (s: string) => void) => ({ write: (s: string) => (fn(s), true) }) as unknown as NodeJS.WritableStream;
    expect(
      lintCommand(
        path.join(FIXTURES, 'broken/03-bad-args'),
        sink((s) => (out += s)),
        sink((s) => (err += s)),
      ),
    ).toBe(1);
    expect(err.split('\n')[0]).toMatch(/03-bad-args\/lesson\.yaml:3:51: step "one"/);
    expect(err).toContain('6 problems found; fix them and run lint-lessons again.');
    out = '';
    err = '';
    expect(
      lintCommand(
        defaultLessonsDir(),
        sink((s) => (out += s)),
        sink((s) => (err += s)),
      ),
    ).toBe(0);
    expect(out).toContain('ok  pid-namespace: 10 steps');
    // Each lesson is counted once, whatever number of languages it is written in.
    expect(out).toContain(`\n${translate('en', 'lint.checked', { lessons: CORE_LESSONS.length, languages: 3 })}\n`);
    expect(translate('en', 'lint.checked', { lessons: 7, languages: 3 })).toBe('7 lessons checked in 3 languages, no problems.');
    out = '';
    expect(
      lintCommand(
        path.join(FIXTURES, 'good'),
        sink((s) => (out += s)),
        sink((s) => (err += s)),
      ),
    ).toBe(0);
    expect(out.split('\n').at(-2)).toBe(translate('en', 'lint.checked', { lessons: 2, languages: 1 }));
    expect(translate('en', 'lint.checked', { lessons: 1, languages: 1 })).toBe('1 lesson checked, no problems.');
    expect(formatProblem({ file: path.join(process.cwd(), 'a.yaml'), line: 2, column: 3, message: 'm' })).toBe('a.yaml:2:3: m');
  });
});

describe('lesson preview (the first frame)', () => {
  it('reads title, summary, requires and the number of steps as the full load does', async () => {
    const { previewLessons } = await import('../../src/lessons/preview.js');
    const full = loadLessons(defaultLessonsDir()).lessons;
    const preview = previewLessons(defaultLessonsDir());
    expect(preview.map((p) => [p.id, p.title, p.summary, p.steps, p.requires])).toEqual(
      full.map((l) => [l.id, l.title, l.summary, l.steps.length, [...l.requires]]),
    );
    expect(previewLessons(path.join(FIXTURES, 'good/01-demo')).map((p) => [p.id, p.order, p.steps])).toEqual([['demo', 1, 7]]);
    expect(preview.map((p) => p.stepIds)).toEqual(full.map((l) => l.steps.map((s) => s.id)));
  });

  it('reads what each step requires, needs and runs as the full load does, so the skip counts agree', async () => {
    const { previewLessons } = await import('../../src/lessons/preview.js');
    const { needsOf, skippedHere, stepHostNeeds } = await import('../../src/lessons/host-check.js');
    for (const dir of [defaultLessonsDir(), path.join(FIXTURES, 'good')]) {
      const full = loadLessons(dir).lessons;
      const preview = previewLessons(dir);
      const seen = (steps: ReturnType<typeof needsOf>[]) =>
        steps.map((s) => ({
          requires: [...s.requires],
          needs: [...s.needs],
          actions: s.runs.map((r) => r.action),
          hostNeeds: stepHostNeeds(s),
        }));
      expect(preview.map((p) => seen(p.stepNeeds))).toEqual(full.map((l) => seen(l.steps.map(needsOf))));
      // Every host a step's needs can tell apart: each program missing alone, and a failing finding.
      const programs = ['ip', 'bridge', 'nsenter', 'unshare', 'mount', 'nft', 'iptables'] as const;
      const hosts = [
        ...programs.map((gone) => ({ gone: [gone], feature: '' })),
        { gone: ['nft', 'iptables'], feature: '' },
        { gone: [], feature: 'cgroup-pids' },
      ];
      for (const h of hosts) {
        const host = {
          missingFeature: (f: string) => (f === h.feature ? 'missing' : undefined),
          programs: { has: (p: string) => !h.gone.includes(p), installCommand: (p: string) => `apt install ${p}` },
        };
        expect(
          preview.map((p) => skippedHere(p.requires, p.stepNeeds, host)),
          JSON.stringify(h),
        ).toEqual(full.map((l) => skippedHere(l.requires, l.steps.map(needsOf), host)));
      }
    }
  });
});
