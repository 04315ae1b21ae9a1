/**
 * Your-turn solutions in the lesson data (an action, or `{ exec }` typed into the container's
 * shell), what the lab says of one, and what undoing a step takes, by what its action declares.
 */
import type { Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { type RanStep, undoMessage, undoPlan } from '../../src/lessons/engine/undo.js';
import { describeSolution } from '../../src/lessons/solution.js';
import type { RunSpec, Step } from '../../src/lessons/types.js';
import { validateSolution } from '../../src/lessons/validate-solution.js';
import { validateStep } from '../../src/lessons/validate-step.js';
import { YamlFile } from '../../src/lessons/yaml-file.js';

function solution(text: string) {
  const yaml = new YamlFile('lesson.yaml', text);
  const run = validateSolution(yaml, yaml.root as Node, 'solution', ['a', 'b']);
  return { run: run && { action: run.action, args: run.args }, problems: yaml.problems.map((p) => `${p.line}:${p.column}: ${p.message}`) };
}

// Structure only: the title, task and hints are prose, in text.md.
const STEP = `id: turn
run: observe
yourTurn:
  check: host-pid-of-container-process
`;

describe('your-turn solutions', () => {
  it('a command becomes `exec` of /bin/sh -c inside the container, as the learner would type it', () => {
    expect(solution('{ exec: "sleep 600 >/dev/null 2>&1 &" }')).toEqual({
      run: { action: 'exec', args: { argv: ['/bin/sh', '-c', 'sleep 600 >/dev/null 2>&1 &'], container: '', expect: 'succeeds' } },
      problems: [],
    });
    expect(solution('{ exec: "true", in: b }').run?.args.container).toBe('b');
    expect(solution('{ exec: "sleep 600 &" }').problems).toEqual([
      '1:9: solution: `exec`: a background command keeps its output open, and the lab would wait for it to end: write `… >/dev/null 2>&1 &`.',
    ]);
  });

  it('an action is checked against its catalogue entry', () => {
    expect(solution('{ action: cgroup-limit, memory: 96M }')).toEqual({
      run: { action: 'cgroup-limit', args: { memory: '96M', pids: '', cpus: '', container: '' } },
      problems: [],
    });
    expect(solution('{ action: nope }').problems[0]).toMatch(/^1:11: solution: unknown action "nope"/);
  });

  it('refuses a container the lesson does not have, an empty command and keys of both forms', () => {
    expect(solution('{ exec: "true", in: c }').problems).toEqual([
      "1:21: solution: `in: c` is not one of this lesson's containers (a, b).",
    ]);
    expect(solution('{ exec: "" }').problems).toEqual(['1:9: solution: `exec` must be non-empty text.']);
    expect(solution('{ exec: "true", action: observe }').problems).toEqual([
      '1:17: solution: unknown key "action"; expected one of exec, in.',
    ]);
  });

  it('the lint requires a solution on every your-turn step, and says what one is for', () => {
    const yaml = new YamlFile('lesson.yaml', STEP);
    expect(validateStep(yaml, yaml.root as Node, 0, ['a'])).toBeDefined();
    expect(yaml.problems.map((p) => p.message)).toEqual([
      'step "turn": `yourTurn`: missing `solution:`, what the lab does in the learner\'s place (`--solve`, a jump past this step, the instructor\'s key): an action, or `exec:` with a command run inside the container.',
    ]);
  });

  it('is described as the command typed, or the action with its arguments and what it does', () => {
    expect(describeSolution(solution('{ exec: "sleep 600 >/dev/null 2>&1 &", in: b }').run as RunSpec)).toBe(
      "`sleep 600 >/dev/null 2>&1 &` in container b's shell",
    );
    expect(describeSolution(solution('{ action: cgroup-limit, memory: 96M }').run as RunSpec)).toBe(
      `\`cgroup-limit\` (memory: 96M): ${ACTIONS['cgroup-limit']!.summary.replace(/\.$/, '')}`,
    );
  });
});

describe('undoing one step', () => {
  const step = (more: Partial<Step> = {}) => ({ id: 's', breakIt: undefined, ...more }) as Step;
  const ran = (action: string, undo?: RanStep['undo']): RanStep => ({
    run: { action, args: {}, at: { file: '', line: 0, column: 0 } },
    undo,
  });

  it('follows what the action declares', () => {
    expect(undoPlan(step(), undefined)).toEqual({ kind: 'not-run' });
    expect(undoPlan(step(), ran('observe'))).toEqual({ kind: 'nothing' });
    expect(undoPlan(step(), ran('overlay-op'))).toEqual({ kind: 'cannot', why: expect.stringContaining('undefined') });
    const restore = async () => ({ ok: true, output: [] });
    expect(undoPlan(step(), ran('cgroup-limit', restore))).toEqual({ kind: 'run', undo: restore });
    expect(undoPlan(step(), ran('cgroup-limit', { cannot: 'no CPU quota read back' }))).toEqual({
      kind: 'cannot',
      why: 'no CPU quota read back',
    });
    expect(undoPlan(step({ breakIt: { revert: ran('observe').run } }), ran('signal'))).toEqual({ kind: 'put-back' });
    expect(undoPlan(step(), ran('cgroup-workload'))).toMatchObject({ kind: 'cannot' });
  });

  it('says one sentence for each case, with the way out (r) where a step cannot be undone alone', () => {
    expect(undoMessage({ kind: 'cannot', why: 'because' }).text).toBe('This step cannot be undone alone (because): r resets the lesson.');
    expect(undoMessage({ kind: 'undone', ok: true, events: [], output: ['memory.max says max again'] })).toEqual({
      text: 'Undone: memory.max says max again. Enter runs the step again.',
      tone: 'ok',
    });
  });
});
