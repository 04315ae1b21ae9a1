/**
 * Lesson files can never run an arbitrary host command: behaviour is a closed catalogue of named
 * actions, probes and checks, and a lesson that names anything else, or names a host path, fails
 * lint with file:line. (Commands a lesson does name, `argv`, only ever run inside a container: see
 * no-host-shell.test.ts and inside-only.test.ts.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { formatProblem, loadLessons } from '../../src/lessons/load-lessons.js';
import { PROBES } from '../../src/probes/index.js';

const fixtures = path.resolve('test/security/fixtures/host-reach');
const rel = (p: string) => path.relative(process.cwd(), path.join(fixtures, p));
const INSIDE = 'must be a relative path inside the overlay, like app/config.json (no leading / and no ..).';

describe('the catalogue is closed', () => {
  it('a lesson that names an unknown action, or host paths, is rejected with file:line and not loaded', () => {
    const { lessons, problems } = loadLessons(fixtures);
    expect(lessons).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      `${rel('01-escape/lesson.yaml')}:4:68: step "read-shadow": \`run\`: action "overlay-op": \`path\` ${INSIDE}`,
      `${rel('01-escape/lesson.yaml')}:5:62: step "read-shadow": \`host\`: probe "overlay-layers": \`path\` ${INSIDE}`,
      `${rel('01-escape/lesson.yaml')}:7:91: step "move-out": \`run\`: action "overlay-op": \`to\` ${INSIDE}`,
      `${rel('01-escape/lesson.yaml')}:8:61: step "move-out": \`host\`: probe "overlay-tree": \`under\` ${INSIDE}`,
      `${rel('02-host-command/lesson.yaml')}:4:20: step "run-on-host": \`run\`: unknown action "host-exec"; known actions: ${Object.keys(ACTIONS).sort().join(', ')}.`,
    ]);
  });

  it('no action, probe or check takes a host path: the only free-text arguments are these, and none is a path', () => {
    // Paths inside an overlay have their own type (inner-path: relative, no `..`); commands are `argv`
    // (run in a container); processes, names and choices have closed types. What is left is free text:
    const FREE_TEXT: Record<string, string> = {
      'probe mountinfo: under': 'a prefix that filters the rows of /proc/<pid>/mountinfo; nothing is opened',
      'probe overlay-tree: layer': '`upper`, `merged` or a lower layer name, looked up among the layers the lab built',
      'action overlay-op: text': 'the bytes written into a file inside the overlay',
      'action cgroup-limit: memory': 'a size, parsed to a number before it is written',
      'action cgroup-limit: pids': 'a count, parsed to a number before it is written',
      'action cgroup-limit: cpus': 'a fraction, parsed to a number before it is written',
    };
    const found: string[] = [];
    for (const [kind, table] of [
      ['action', ACTIONS],
      ['probe', PROBES],
      ['check', CHECKS],
    ] as const) {
      for (const [name, def] of Object.entries(table as Record<string, { args: Record<string, { type: { kind: string } }> }>)) {
        for (const [arg, spec] of Object.entries(def.args)) if (spec.type.kind === 'string') found.push(`${kind} ${name}: ${arg}`);
      }
    }
    const containerLists = found.filter((id) => id.endsWith(': containers')); // lesson container names, split on spaces
    expect(found.filter((id) => !containerLists.includes(id)).sort()).toEqual(Object.keys(FREE_TEXT).sort());
  });

  it('every lesson shipped in lessons/ passes the same lint', () => {
    const { lessons, problems } = loadLessons(path.resolve('lessons'));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });
});
