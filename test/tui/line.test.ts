/**
 * Wrapping and widths with real Chinese text: two columns a character, breaks between characters,
 * kinsoku (no line starts with closing punctuation), and Latin words and code spans kept whole.
 */
import { describe, expect, it } from 'vitest';
import { cut, lineWidth, pad, wrap } from '../../src/tui/line.js';
import type { Line } from '../../src/tui/line.js';
import { fitWidth, textWidth } from '../../src/i18n/text-width.js';

const text = (lines: Line[]) => lines.map((l) => l.map((s) => s.text).join(''));
const CLOSING = /^[，。、；：！？）」』]/;

describe('text width', () => {
  it('counts columns by grapheme cluster and East Asian Width', () => {
    expect(textWidth('命名空间')).toBe(8);
    expect(textWidth('PID 命名空間（namespace）')).toBe(4 + 8 + 2 + 9 + 2);
    expect(textWidth('，。')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('👩‍👩‍👧')).toBe(2);
    expect(textWidth('…·→')).toBe(3);
  });

  it('fits a prefix without splitting a wide character or a cluster', () => {
    expect(fitWidth('控制组', 5)).toBe('控制');
    expect(fitWidth('ae\u0301b', 2)).toBe('ae\u0301');
    expect(
      cut([{ text: '写时复制（copy-on-write）' }], 9)
        .map((s) => s.text)
        .join(''),
    ).toBe('写时复制…');
    expect(lineWidth(pad([{ text: '网桥' }], 7))).toBe(7);
  });
});

describe('wrap', () => {
  const zh =
    '容器里的进程看到的是自己的 PID 命名空间：它在里面是 1 号进程，而宿主机看到的是另一个号码。运行 `unshare --pid --fork` 再看一次，注意两边的差别。';

  it('breaks Chinese between characters, filling each line to the width', () => {
    const lines = wrap([{ text: zh }], 30);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(30);
    // Full lines: a line ends short only where a word, a code span or kinsoku moved something on.
    expect(lineWidth(lines[0]!)).toBeGreaterThanOrEqual(29);
    // Nothing lost but the spaces that ended a line.
    expect(text(lines).join('').replace(/\s/g, '')).toBe(zh.replace(/\s/g, ''));
  });

  it('never starts a line with closing punctuation, at any width', () => {
    const segs: Line = [{ text: '每个容器有自己的挂载表，自己的主机名。再看：`/proc/self/mountinfo`（第 36 行）！对吗？' }];
    for (let width = 8; width <= 60; width++) {
      for (const line of text(wrap(segs, width))) expect(line, `width ${width}`).not.toMatch(CLOSING);
    }
  });

  it('keeps Latin words and code spans whole, and breaks where Chinese meets Latin', () => {
    const segs: Line = [
      { text: '用' },
      { text: 'ip link add clab0 type veth', tone: 'code' },
      { text: '建立一對 veth 介面，再用 namespace 隔離它們。' },
    ];
    for (let width = 28; width <= 50; width++) {
      const lines = wrap(segs, width);
      const code = lines.flatMap((l) => l.filter((s) => s.tone === 'code').map((s) => s.text));
      expect(code, `width ${width}`).toEqual(['ip link add clab0 type veth']);
      for (const line of text(lines)) {
        expect(line).not.toMatch(/^(amespace|eth|pace)/);
        expect(line).not.toMatch(CLOSING);
      }
    }
    expect(text(wrap([{ text: '容器的PID命名空间' }], 8))).toEqual(['容器的', 'PID命名', '空间']);
  });

  it('joins no spaces into Chinese and drops the spaces that end a line', () => {
    expect(text(wrap([{ text: 'a b c' }], 3))).toEqual(['a b', 'c']);
    expect(text(wrap([{ text: '写时复制' }, { text: '文件' }], 20))).toEqual(['写时复制文件']);
  });

  it('breaks a path longer than a line, and a wide character never straddles the edge', () => {
    expect(text(wrap([{ text: '/var/lib/container-lab/overlay/merged' }], 12))).toEqual([
      '/var/lib/con',
      'tainer-lab/o',
      'verlay/merge',
      'd',
    ]);
    for (const line of wrap([{ text: 'x命名空间命名空间' }], 4)) expect(lineWidth(line)).toBeLessThanOrEqual(4);
  });
});
