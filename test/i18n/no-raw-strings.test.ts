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
  ...['runner', 'engine', 'checks'].flatMap((dir) =>
    readdirSync(path.join(root, 'src/lessons', dir)).map((f) => `src/lessons/${dir}/${f}`),
  ),
  'src/lessons/event-lines.ts',
  'src/lessons/host-check.ts',
  'src/lessons/templates.ts',
  'src/lessons/transcript.ts',
  'src/doctor/workshop.ts',
  'src/doctor/workshop-run.ts',
];

/**
 * Literals that read like words but are not the learner's: commands, paths, escape sequences, and
 * a check's `summary` and argument docs, written for lesson authors (lessons/README.md is English).
 */
const ALLOWED: Record<string, string[]> = {
  'src/lessons/checks/host-pid-of-container-process.ts': [
    'The answer is the host PID of a process running inside the container, other than its PID 1.',
    'which container (default: the first)',
  ],
  'src/lessons/checks/raised-memory-limit.ts': [
    "The container's memory limit (read from its cgroup file) is the one typed, and the allocator of `mib` MiB now runs to the end without an OOM kill.",
    'how many MiB the allocator holds',
    'which container (default: the first)',
  ],
  'src/lessons/checks/whiteout-in-upper.ts': [
    "The answer is the inode number of the whiteout that deleting a given file through merged left in the overlay's upper directory.",
    'the lab overlay, as named by mount-overlay',
    'the file to delete, inside the overlay (e.g. app/data/notes.txt)',
  ],
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
    const source = "const a = 'ok'; // a comment with many words\nconst b = `Quitting: ${n} things are removed`;";
    expect(literals(source).filter((l) => PROSE.test(l))).toEqual([' things are removed']);
  });
});
