/**
 * No string from a lesson or a learner ever reaches a shell on the host. Checked over the source:
 * no `shell: true`, no child_process `exec`/`execSync` (which take a command line), no execa
 * command strings, no `eval`; and every `sh -c` is one of the documented, fixed scripts below.
 *
 * The documented `sh -c` uses, and why each is safe:
 *   Host side — the script is a constant, and the words that follow arrive in it as "$@", so they
 *   are arguments, never parsed as shell code:
 *     src/runtime/shim/exec-in.ts  GATE: `/bin/sh` spawned after setns into the container's mount
 *                                  namespace (so it is the container's own sh); it waits for the
 *                                  cgroup join, then `exec "$@"`. Every exec goes through it,
 *                                  the learner's shell (`s`, shim/exec-stage.ts) included.
 *   Container side — run through `runtime.exec`, so the shell itself is inside the container:
 *     src/probes/container-reader.ts        the pane reader's constant script; words as "$@"
 *     src/lessons/actions/orphan.ts         starts a lesson's argv in the background; each word quoted
 *     src/lessons/actions/cgroup-workload-run.ts  the loops of cgroup-workloads.ts; only validated numbers
 *     src/lessons/actions/cap-try.ts        `su learner -c` with fixed commands
 *   Lesson data for the `exec` action — the file only builds an argv, which the `exec` action hands
 *   to `runtime.exec` (the last test below), so the shell is the container's:
 *     src/lessons/validate-solution.ts      a your-turn solution's `exec:` command, as `/bin/sh -c`
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Source text without comments, so a doc comment that mentions `sh -c` is not a use of it. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FILES = sources('src');
const SH = `['"\`](?:/bin/)?(?:ba|da)?sh['"\`]`;
const SHELL_C = new RegExp(
  [
    `${SH}\\s*,\\s*\\[?\\s*['"\`]-c['"\`]`, // spawn('/bin/sh', ['-c', …]) and ['sh', '-c', …]
    `file:\\s*${SH}\\s*,\\s*args:\\s*\\[\\s*['"\`]-c['"\`]`, // { file: '/bin/sh', args: ['-c', …] }
    `['"\`]su['"\`]\\s*,\\s*['"\`][^'"\`]+['"\`]\\s*,\\s*['"\`]-c['"\`]`, // ['su', user, '-c', …]
  ].join('|'),
  'g',
);

/** What a source text does that could hand a string to a shell. */
function forbidden(text: string): string[] {
  const checks: Array<[RegExp, string]> = [
    // (a lesson step's `shell:` field is display text; a spawn option would be true or a path)
    [/\bshell\s*:\s*(true|['"`]\/)/, 'a `shell:` option'],
    [/import\s*\{[^}]*\b(exec|execSync)\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/, 'child_process exec/execSync (a command line)'],
    [/\bchild_process\.(exec|execSync)\(|\bcp\.(exec|execSync)\(/, 'child_process exec/execSync (a command line)'],
    [/\bexeca(Sync)?`|\bexecaCommand(Sync)?\b|\bexecaNode\b/, 'an execa command string'],
    [/import\s*\{[^}]*\$[^}]*\}\s*from\s*['"]execa['"]/, "execa's `$` script API"],
    [/\bexeca(Sync)?\(\s*['"`](?:\/bin\/)?(?:ba|da)?sh['"`]/, 'execa of a shell'],
    [/\beval\(|\bnew Function\(/, 'eval'],
  ];
  return checks.filter(([re]) => re.test(text)).map(([, what]) => what);
}

const HOST_TRAMPOLINES: Record<string, string> = {
  'src/runtime/shim/exec-in.ts': 'GATE',
};
const INSIDE_CONTAINER = [
  'src/probes/container-reader.ts',
  'src/lessons/actions/orphan.ts',
  'src/lessons/actions/cgroup-workload-run.ts',
  'src/lessons/actions/cap-try.ts',
];
const EXEC_ACTION_ARGV = ['src/lessons/validate-solution.ts'];

describe('no lesson or learner string reaches a host shell', () => {
  it('finds the sources it checks', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES).toContain('src/runtime/shim/exec-in.ts');
  });

  it('the patterns catch what they look for (so a pass means something)', () => {
    const bad = [
      "spawn('ls', [dir], { shell: true })",
      "import { exec } from 'node:child_process';",
      'await execa`rm -rf ${dir}`;',
      "import { $ } from 'execa';",
      "execa('/bin/sh', ['-c', text]);",
      'eval(lessonText);',
    ];
    expect(bad.map((b) => forbidden(b).length)).toEqual(bad.map(() => 1));
    expect(
      [
        "spawn('/bin/sh', ['-c', GATE])",
        "['sh', '-c', script]",
        "{ file: '/bin/sh', args: ['-c', script] }",
        "['su', 'learner', '-c', 'id']",
      ].map((t) => [...t.matchAll(SHELL_C)].length),
    ).toEqual([1, 1, 1, 1]);
    expect(
      ["['ping', '-c', '1']", "shell: ''", 'PS1: `\\u@\\h:\\w\\$ `'].map((t) => forbidden(t).length + [...t.matchAll(SHELL_C)].length),
    ).toEqual([0, 0, 0]);
  });

  it('no shell option, no command-line exec, no execa command strings, no eval', () => {
    const found: string[] = [];
    for (const file of FILES) for (const what of forbidden(code(file))) found.push(`${file}: ${what}`);
    expect(found).toEqual([]);
  });

  it('every `sh -c` is a documented one: a constant script on the host, or a shell inside the container', () => {
    const uses: string[] = [];
    for (const file of FILES) {
      const text = code(file);
      if ([...text.matchAll(SHELL_C)].length > 0) uses.push(file);
    }
    expect([...new Set(uses)].sort()).toEqual([...Object.keys(HOST_TRAMPOLINES), ...INSIDE_CONTAINER, ...EXEC_ACTION_ARGV].sort());

    for (const [file, name] of Object.entries(HOST_TRAMPOLINES)) {
      const text = code(file);
      // the script is one plain string constant (no interpolation), and the command words come after it
      const decl = new RegExp(`const ${name} = '([^'\\\\]|\\\\.)*';`).exec(text);
      expect(decl, `${file}: ${name} must be a single-quoted constant`).not.toBeNull();
      expect(decl![0]).not.toContain('${');
      expect(decl![0]).toContain('exec "$@"');
      expect(text).toMatch(new RegExp(`\\['-c', ${name}, `));
    }
    for (const file of INSIDE_CONTAINER) {
      // each shell there is started through the runtime, i.e. inside a container, never spawned here
      const text = code(file);
      expect(text, file).not.toMatch(/from ['"](node:)?child_process['"]|from ['"]execa['"]/);
      expect(text, file).toMatch(/runtime\.exec\(/);
    }
    for (const file of EXEC_ACTION_ARGV) {
      // it starts nothing: the argv it builds is the `exec` action's, run by the runtime in a container
      const text = code(file);
      expect(text, file).not.toMatch(/from ['"](node:)?child_process['"]|from ['"]execa['"]|runtime\./);
      expect(text, file).toMatch(/action: 'exec'/);
    }
  });

  it('actions that take a command from a lesson hand it only to the runtime, which runs it in a container', async () => {
    const { ACTIONS } = await import('../../src/lessons/actions/index.js');
    const withArgv = Object.values(ACTIONS)
      .filter((a) => Object.values(a.args).some((d) => d.type.kind === 'argv'))
      .map((a) => a.name);
    expect(withArgv.length).toBeGreaterThan(0);
    const actionFiles = sources('src/lessons/actions');
    for (const name of withArgv) {
      const file = actionFiles.find((f) => new RegExp(`name: '${name}'`).test(fs.readFileSync(f, 'utf8')));
      expect(file, `the file of action ${name}`).toBeDefined();
      const text = code(file!);
      expect(text, file).not.toMatch(/from ['"](node:)?child_process['"]|from ['"]execa['"]/);
      expect(text, file).toMatch(/ctx\.runtime\.(exec|spawn)\(/);
    }
    // and the checks that judge a learner's answer never start a process at all
    for (const file of sources('src/lessons/checks'))
      expect(code(file), file).not.toMatch(/from ['"](node:)?child_process['"]|from ['"]execa['"]/);
  });
});
