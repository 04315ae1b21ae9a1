/**
 * The areas moved into the catalogue keep no learner-facing sentence in code: a scan of their string
 * literals for prose (three words in a row). What it finds that is not prose (a shell command, a
 * kernel path with words) is allowed below, by file, with the literal itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');

/** Files whose learner-facing strings live in src/i18n. */
const MOVED = [
  ...readdirSync(path.join(root, 'src/tui')).map((f) => `src/tui/${f}`),
  'src/cli.ts',
  ...readdirSync(path.join(root, 'src/cli')).map((f) => `src/cli/${f}`),
  ...readdirSync(path.join(root, 'src/lessons/actions')).map((f) => `src/lessons/actions/${f}`),
];

/** Literals that read like words but are not prose: commands, paths, escape sequences. */
const ALLOWED: Record<string, string[]> = {
  // The workloads' busybox sh scripts, and what they print about themselves (the lab parses it).
  'src/lessons/actions/cgroup-workloads.ts': [
    'echo 1000 > /proc/self/oom_score_adj; read adj < /proc/self/oom_score_adj; echo oom_score_adj $adj; exec 2>&1; ',
    '; echo "head: $i MiB written in $ms ms, last exit status $h" >&2; } | tail > /dev/null; s=$?; echo "tail: exit status $s"; rm -f $p; exit $s',
    'while :; do :; done',
  ],
  // A command, shown as the learner would type it.
  'src/lessons/actions/net-publish.ts': ['nft list table inet '],
  // The bytes a step writes into a file: data the lesson reads back, the same in every language.
  'src/lessons/actions/overlay-op.ts': ['written through merged\\n'],
};

const PROSE = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/;

/** The string literals of a source file, without its comments (template literals: their text parts). */
export function literals(source: string): string[] {
  const found: string[] = [];
  const token =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|\$\{(?:[^{}]|\{[^}]*\})*\}|[^`\\])*`|\/(?![*/])(?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n])+\/[a-z]*/g;
  for (const [text] of source.matchAll(token)) {
    if (text.startsWith('//') || text.startsWith('/*') || text.startsWith('/')) continue;
    if (text.startsWith('`')) found.push(...text.slice(1, -1).split(/\$\{(?:[^{}]|\{[^}]*\})*\}/));
    else found.push(text.slice(1, -1));
  }
  return found;
}

describe('no raw prose in the moved areas', () => {
  it.each(MOVED)('%s', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8').replace(/^import .*$/gm, '');
    const prose = literals(source).filter((l) => PROSE.test(l) && !(ALLOWED[file] ?? []).includes(l));
    expect(prose, 'move these into src/i18n (or allow a non-prose literal in ALLOWED)').toEqual([]);
  });

  it('finds prose when there is some', () => {
    const source = "const a = 'ok'; // a comment with many words\nconst b = `Quitting: ${n} things are removed`;";
    expect(literals(source).filter((l) => PROSE.test(l))).toEqual([' things are removed']);
  });
});
