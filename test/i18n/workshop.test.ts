/**
 * Workshop mode speaks the learner's language: a fast-forward's line (its list of steps too), a
 * solution in words and what `u` says, read in Chinese, with the kernel names, commands and
 * values as they are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/index.js';
import { fastForwardedLine, fastForwardStoppedLine, stepRanges } from '../../src/lessons/engine/fast-forward-text.js';
import { undoMessage } from '../../src/lessons/engine/undo.js';
import { describeSolution } from '../../src/lessons/solution.js';
import type { RunSpec } from '../../src/lessons/types.js';

const at = { file: 'lesson.yaml', line: 1, column: 1 };
const exec: RunSpec = { action: 'exec', args: { argv: ['/bin/sh', '-c', 'sleep 600 >/dev/null 2>&1 &'], container: 'b' }, at };
const limit: RunSpec = { action: 'cgroup-limit', args: { memory: '96M', pids: '', cpus: '', container: '' }, at };

afterEach(() => setLanguage('en'));

describe('workshop mode in Chinese', () => {
  it('says what a fast-forward ran, with the list written the Chinese way; --json can still ask for English', () => {
    setLanguage('zh-CN');
    expect(stepRanges([5, 0, 1, 3])).toBe('1–2、4、6');
    expect(fastForwardedLine({ indices: [0, 1, 2], durationMs: 412 })).toBe('已快进第 1–3 步，用时 412 ms。');
    expect(fastForwardedLine({ indices: [0, 1, 2], durationMs: 412 }, 'en')).toBe('Fast-forwarded steps 1–3 in 412 ms.');
    expect(fastForwardStoppedLine({ index: 1, stepId: 'new-namespace', reason: 'EPERM' }, 'zh-TW')).toBe(
      '快轉停在了第 2 步（new-namespace）：EPERM',
    );
  });

  it('describes a solution: the command and where it is typed, or the action and its arguments', () => {
    setLanguage('zh-CN');
    expect(describeSolution(exec)).toBe('在容器 b 的 shell 中输入 `sleep 600 >/dev/null 2>&1 &`');
    expect(describeSolution({ ...exec, args: { ...exec.args, container: '' } })).toBe(
      '在容器的 shell 中输入 `sleep 600 >/dev/null 2>&1 &`',
    );
    expect(describeSolution(limit)).toBe('`cgroup-limit`（memory: 96M）');
    setLanguage('zh-TW');
    expect(describeSolution(exec)).toBe('在容器 b 的 shell 中輸入 `sleep 600 >/dev/null 2>&1 &`');
  });

  it('says what an undo did, its lines joined the Chinese way', () => {
    setLanguage('zh-TW');
    expect(undoMessage({ kind: 'undone', ok: true, events: [], output: ['memory.max: max', 'pids.max: max'] }).text).toBe(
      '已復原：memory.max: max；pids.max: max。按 Enter 重新執行這一步。',
    );
    expect(undoMessage({ kind: 'cannot', why: 'x' }).text).toBe('這一步無法單獨復原（x）：按 r 重設本課。');
  });
});
