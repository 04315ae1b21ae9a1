/**
 * The step's own lines, drawn at a width: a command's output wraps between its words, the prose
 * of predict and your-turn steps draws its code spans as code, without backticks, and a pane title
 * too long for its line shortens its paths before it is cut.
 */
import { describe, expect, it } from 'vitest';
import type { Pane, StepResult } from '../../src/lessons/engine/results.js';
import type { Step } from '../../src/lessons/types.js';
import type { Line } from '../../src/tui/line.js';
import { predictLines, primitiveLines, yourTurnLines } from '../../src/tui/step-lines.js';
import { textWidth } from '../../src/i18n/text-width.js';
import { paneLines } from '../../src/tui/view-lines.js';

const text = (line: Line) => line.map((s) => s.text).join('');

describe('step lines', () => {
  it('a taught output line wider than the screen wraps between words, never inside one', () => {
    const out = 'of the other processes in its PID namespace (host PID 26311, 26374), 2 still running';
    const step = { id: 's', teaches: { output: 'all', ran: [] } } as unknown as Step;
    const result = { status: 'done', events: [], output: [out] } as unknown as StepResult;
    const lines = primitiveLines(step, { result, hints: [] }, undefined, 80).map((l) => text(l.line));
    expect(lines).toEqual(['│ of the other processes in its PID namespace (host PID 26311, 26374), 2 still', '  running']);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
  });

  it('questions, choices, tasks and hints draw `code` in the code tone, without backticks', () => {
    const step = {
      id: 's',
      predict: { question: '运行 `ps` 之后，PID 1 是谁？', choices: ['`sh`', '`sleep`'], answer: 0, reveal: '' },
      yourTurn: { task: '用 `pgrep -a sleep` 找到它。', hints: [], check: 'host-pid', args: {} },
    } as unknown as Step;
    const predict = predictLines(step, undefined, 80);
    const turn = yourTurnLines(step, { hints: ['读 `/proc/PID/status`。'] }, false, 'host PID', 80);
    const all = [...predict, ...turn];
    expect(all.map(text).join('\n')).not.toContain('`');
    const code = all
      .flat()
      .filter((s) => s.tone === 'code')
      .map((s) => s.text);
    expect(code).toEqual(['ps', 'sh', 'sleep', 'pgrep -a sleep', '/proc/PID/status']);
  });

  it('a pane title too long for its line keeps what it names: its paths are shortened first', () => {
    const title = '对 /var/lib/container-lab/containers/overlay-a/merged 中的 app/config/settings.conf 执行 stat';
    const pane = { ok: true, view: { title, columns: ['layer'], rows: [{ key: 'upper', cells: ['upper'] }] }, marks: [{ kind: 'same' }] };
    const line = text(paneLines('容器', pane as unknown as Pane, 80, false).title);
    expect(line).toBe('容器 · 对 …/containers/overlay-a/merged 中的 app/config/settings.conf 执行 stat');
    expect(textWidth(line)).toBeLessThanOrEqual(80);
  });
});
