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
  ...readdirSync(path.join(root, 'src/doctor')).map((f) => `src/doctor/${f}`),
  // lint-lessons: what the validator says about lesson.yaml, text files and glossary.yaml.
  ...readdirSync(path.join(root, 'src/lessons'))
    .filter((f) => f.startsWith('validate-'))
    .map((f) => `src/lessons/${f}`),
  ...['lint-command', 'check-references', 'yaml-file', 'glossary', 'arg-spec', 'load-lessons', 'text-sections'].map(
    (f) => `src/lessons/${f}.ts`,
  ),
];

/** Literals that read like words but are not prose for a learner: program names, a programmer's error, keywords. */
const ALLOWED: Record<string, string[]> = {
  'src/doctor/checks.ts': ['nsenter, unshare, mount'],
  'src/doctor/host-programs.ts': ['A host need names at least one program.'],
  // A text file's headings are keywords, kept in English in every language (lessons/README.md).
  'src/lessons/validate-prose.ts': ['Once it has run'],
  'src/lessons/text-sections.ts': ['Once it has run', '### Once it has run'],
};

const PROSE = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/;

/** The string literals of a source file, without its comments (template literals: their text parts). */
function literals(source: string): string[] {
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
    // A template literal with a value in it, written as the scanned file would have it.
    const source = "const a = 'ok'; // a comment with many words\nconst b = `Quitting: $" + '{n} things are removed`;';
    expect(literals(source).filter((l) => PROSE.test(l))).toEqual([' things are removed']);
  });
});
