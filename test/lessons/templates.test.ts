import { describe, expect, it } from 'vitest';
import { presentTemplate, placeholderTexts } from '../../src/lessons/templates.js';

describe('placeholders as the learner reads them', () => {
  it('fills what the lab knows, and says the rest in words: prose, code spans and commands', () => {
    const text =
      "The lab's PID on the host is {host:lab}. Press Enter to run `kill -0 {host:lab}` or `kill {inside:process.orphan}` in {host:container.a}.";
    expect(presentTemplate(text, { '{host:lab}': '4012' })).toBe(
      "The lab's PID on the host is 4012. Press Enter to run `kill -0 4012` or `kill <PID of orphan inside>` in the host PID of container a.",
    );
    expect(presentTemplate('nsenter -t {host:container} -p -m kill -0 {host:lab} {inside:container}', {}, true)).toBe(
      'nsenter -t <container PID> -p -m kill -0 <lab PID> 1',
    );
    expect(presentTemplate('kill {host:42}', {}, true)).toBe('kill 42');
  });

  it('lists each placeholder once, as written', () => {
    expect(placeholderTexts('{host:lab} {host:container} {host:lab} ${x}')).toEqual(['{host:lab}', '{host:container}']);
  });
});
