/**
 * README.zh-CN.md and README.zh-TW.md translate the learner-facing parts of README.md. What a
 * learner copies must stay README.md's, byte for byte: the set-up commands (the first `sh` block;
 * only the comments after `#` are translated), every other command they show, and a row for every
 * command of README.md's table, so a command added in English is not missing in Chinese.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(path.resolve(__dirname, '..', file), 'utf8');
const english = read('README.md');
const TRANSLATIONS = ['README.zh-CN.md', 'README.zh-TW.md'];

/** The command lines of each ```sh block, without their trailing comments. */
function shBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) =>
    m[1]!
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.replace(/\s+#.*$/, '')),
  );
}

/** The commands in the first cell of the table rows that start with a code span. */
function tableCommands(markdown: string): string[] {
  return [...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('README.md', () => {
  it('links both Chinese READMEs right under its title', () => {
    const top = english.split('\n').slice(0, 3).join('\n');
    for (const file of TRANSLATIONS) expect(top).toContain(`](${file})`);
  });
});

describe.each(TRANSLATIONS)('%s', (file) => {
  const translated = read(file);

  it("sets up with README.md's two commands, byte for byte", () => {
    const setUp = shBlocks(english)[0]!;
    expect(setUp).toEqual(['npm install && sudo npm start', 'sudo npm test']);
    expect(shBlocks(translated)[0]).toEqual(setUp);
  });

  it('shows only commands README.md shows', () => {
    const known = new Set(shBlocks(english).flat());
    expect(
      shBlocks(translated)
        .flat()
        .filter((line) => !known.has(line)),
    ).toEqual([]);
  });

  it("has a row for every command in README.md's table", () => {
    const rows = new Set(tableCommands(translated));
    expect(tableCommands(english).filter((command) => !rows.has(command))).toEqual([]);
  });
});
