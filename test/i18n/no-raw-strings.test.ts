/**
 * The areas moved into the catalogue keep no learner-facing sentence in code: a scan of their string
 * literals for prose (three words in a row). What it finds that is not prose (a shell command, a
 * kernel path with words) is allowed below, by file, with the literal itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRNO, errnoText } from '../../src/kernel/errors.js';

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
  // Workshop mode: a solution in words, what a fast-forward and an undo say.
  ...['solution', 'engine/fast-forward-text', 'engine/undo', 'engine/made-outside'].map((f) => `src/lessons/${f}.ts`),
  ...readdirSync(path.join(root, 'src/probes')).map((f) => `src/probes/${f}`),
  ...readdirSync(path.join(root, 'src/kernel')).map((f) => `src/kernel/${f}`),
  ...filesUnder('src/runtime'),
  ...filesUnder('src/cgroups'),
  ...filesUnder('src/overlay'),
  ...filesUnder('src/capabilities'),
  ...readdirSync(path.join(root, 'src/lessons/actions')).map((f) => `src/lessons/actions/${f}`),
  ...['runner', 'engine', 'checks'].flatMap((dir) =>
    readdirSync(path.join(root, 'src/lessons', dir)).map((f) => `src/lessons/${dir}/${f}`),
  ),
  'src/lessons/event-lines.ts',
  'src/lessons/host-check.ts',
  'src/lessons/templates.ts',
  'src/lessons/transcript.ts',
];

/** The source files under `dir`, subdirectories included. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${dir}/${f}`);
}

/**
 * What a probe, action or check says to lesson authors (its `summary:`, an argument's `doc:`, what
 * `moreColumns:` are) is written once, in English, for lessons/README.md and the lesson linter.
 */
const AUTHOR_DOCS = /\b(?:summary|doc|moreColumns):\s*('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")/g;

/** strerror(3), the words libc gives each errno, printed beside it as every tool prints them (`No such file or directory`). */
const STRERROR = [...Object.keys(ERRNO).map(errnoText), 'No such file or directory (ENOENT)'];

/** The C prototypes koffi binds (`int mount(const char *source, …)`): code, not prose. */
const C_PROTOTYPE = /^(?:int|intptr_t|long|ssize_t|void) \w+\(.*\)$/;

/** Literals that read like words but are not prose: commands, paths, escape sequences. */
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
  'src/doctor/host-programs.ts': ['A host need names at least one program.'],
  // A text file's headings are keywords, kept in English in every language (lessons/README.md).
  'src/lessons/validate-prose.ts': ['Once it has run'],
  'src/lessons/text-sections.ts': ['Once it has run', '### Once it has run'],
  'src/probes/container-reader.ts': [...STRERROR, '  if [ "$k" = L ]; then echo "$B L $g"; ls -ld $g 2>/dev/null; continue; fi'],
  'src/probes/host-reader.ts': STRERROR,
  'src/probes/namespaces.ts': STRERROR,
  'src/probes/net-interfaces.ts': ['/net/{dev,route,fib_trie,igmp}, /sys/class/net/*'],
  // Column headings are what a step's `teaches:` names and the lesson text quotes: ids, as mountinfo and ps spell them.
  'src/probes/overlay-tree.ts': ['size or dev'],
  'src/kernel/errors.ts': STRERROR,
  // The test double's own complaint, to a test that calls execve on it: never shown to a learner.
  'src/kernel/recording.ts': ['RecordingKernel: execve recorded (a real execve would not return)'],
  // Kept in the ledger file as written, and read back to name the process (ledger.ts, processWhat).
  'src/runtime/ledger.ts': ['mount lab helper'],
  // nft's rule language and ip's batch commands.
  'src/runtime/network/publish.ts': ['    type nat hook output priority -100; policy accept;', ' dnat ip to '],
  'src/runtime/network/read.ts': ['route show table all\\naddr show\\n'],
  // Event lines, like the calls beside them, read as a trace: not translated.
  'src/runtime/runtime.ts': ['teardown of ledger entry '],
  'src/runtime/shim/exec-in.ts': [', held at the gate', 'gate (fd 3) of host pid '],
  // Broken promises between the lab's own processes (a bug, not a learner's situation).
  'src/runtime/shim/attempt-in.ts': ['execve is attempted through spawn: see spawnAs'],
  'src/runtime/shim/shim-core.ts': ['the init stage said '],
  // The workloads' busybox sh scripts, and what they print about themselves (the lab parses it).
  'src/lessons/actions/cgroup-workloads.ts': [
    'hog() { echo 1000 > /proc/self/oom_score_adj; read adj < /proc/self/oom_score_adj; [ -z "$1" ] || echo "$1: oom_score_adj $adj" >&2; }',
    '; echo "head: $i MiB written in $ms ms, last exit status $h" >&2; } | ( hog tail; exec tail ) > /dev/null; s=$?; echo "tail: exit status $s"; rm -f $p; exit $s',
    'while :; do :; done',
  ],
  // A command, shown as the learner would type it.
  'src/lessons/actions/net-publish.ts': ['nft list table inet '],
  // The bytes a step writes into a file: data the lesson reads back, the same in every language.
  'src/lessons/actions/overlay-op.ts': ['written through merged\\n'],
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
    const source = readFileSync(path.join(root, file), 'utf8')
      .replace(/^import .*$/gm, '')
      .replace(AUTHOR_DOCS, '');
    const prose = literals(source).filter((l) => PROSE.test(l) && !C_PROTOTYPE.test(l) && !(ALLOWED[file] ?? []).includes(l));
    expect(prose, 'move these into src/i18n (or allow a non-prose literal in ALLOWED)').toEqual([]);
  });

  it('finds prose when there is some', () => {
    // A template literal with a value in it, written as the scanned file would have it.
    const source = "const a = 'ok'; // a comment with many words\nconst b = `Quitting: $" + '{n} things are removed`;';
    expect(literals(source).filter((l) => PROSE.test(l))).toEqual([' things are removed']);
  });
});
