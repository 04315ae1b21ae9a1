/** English messages: CLI usage, help and messages (src/cli.ts, src/cli/). Keys start with `cli.`; see src/i18n/README.md. */
export const cli = {
  'cli.help': `container-lab — learn how containers work by running the real Linux primitives.

Usage:
  sudo container-lab [--presenter] [--transcript FILE] [--lessons DIR]
      open the lab (an interactive terminal app); --presenter shows each step's
      facilitator notes under its text; --transcript writes the session to FILE
      as Markdown
  sudo container-lab lesson <id> --step <n|step-id> [--lessons DIR]
      open the lab at that step (its number, or its id); the steps before it are
      fast-forwarded, so the machine is as a walk to that step leaves it
  sudo container-lab lesson <id> [--plain | --json] [--step <n|step-id>]
                     [--solve] [--transcript FILE] [--lessons DIR]
      run a lesson's steps without the UI, from the first or from --step, up to
      its first your-turn step; with --solve, every step, each your-turn step
      solved by its solution and checked
  sudo container-lab run [--hostname H] [--memory 32m] [--pids 20] [--cpus 0.5]
                         [--cap-drop CAP]... [--verbose] [-- CMD...]
      a sandbox container; an interactive shell by default
  container-lab doctor [--json]
      check this host can run every lesson
  sudo container-lab doctor --workshop [--json]
      the pre-flight before a workshop: also starts and removes one container
      per lesson, and says per lesson whether it will run
  container-lab notes <id> [--lessons DIR]
      a lesson's facilitator sheet, in Markdown
  container-lab reset [<lesson>] [--yes] [--lessons DIR]
      forget your progress (every lesson, or one), after asking; --yes skips
      the question
  sudo container-lab cleanup
      remove what a crashed lab left behind
  container-lab lint-lessons [DIR]
      check lesson files
  container-lab --version | --help

Every command takes --lang en|zh-CN|zh-TW; without it the lab speaks the
language you chose last on its home screen (l), else your locale's (LC_ALL,
LC_MESSAGES, LANG), else English.

Lessons: pid-namespace, mount-namespace, cgroups, overlay, whiteouts,
veth-bridge, capabilities.
`,
  'cli.see-help': 'See `container-lab --help`.',
  'cli.hint': 'hint: {hint}',
  'cli.lang.unknown': '--lang "{lang}" is not a language the lab speaks: give en, zh-CN or zh-TW.',
  'cli.unknown-command': '"{command}" is not a container-lab command.',
  'cli.no-shim': 'dist/shim.js is missing: run `npm run build` first.',
  'cli.needs-root':
    '{what, select, run {run} cleanup {cleanup} lesson {Running a lesson} other {The lab}} needs root: run it again with sudo.',
  'cli.needs-root-why':
    '{what, select, run {run} cleanup {cleanup} lesson {Running a lesson} other {The lab}} needs root ({why, select, namespaces {namespaces, mounts and cgroups} other {{why}}}): run it again with sudo.',
  'cli.bad-memory': '--memory "{value}" is not a size the lab accepts: give at least 4m, like --memory 32m (units k, m, g).',
  'cli.bad-pids': '--pids "{value}" must be a whole number of processes, 1 or more, like --pids 20.',
  'cli.bad-cpus': '--cpus "{value}" must be a number of CPUs such as 0.5 or 2.',
  'cli.bad-cap':
    '--cap-drop "{value}" is not a capability this kernel knows; try names like NET_RAW or CAP_SYS_ADMIN (see `man 7 capabilities`).',
  'cli.bad-hostname': '--hostname "{value}" must be 1-63 letters, digits or dashes, starting with a letter or digit.',
  'cli.lint-one-dir': 'lint-lessons takes at most one directory.',
  'cli.name-one-lesson': 'Name one lesson: container-lab lesson <id> --plain (ids: see `container-lab --help`).',
  'cli.one-output': 'Choose one output: --plain or --json.',
  'cli.lesson-broken': 'Lesson "{id}" has problems (above); fix them, or run `container-lab lint-lessons`.',
  'cli.no-such-lesson': 'There is no lesson "{id}". Lessons here: {ids}.',
  'cli.no-lessons-here': 'There is no lesson "{id}", and no lessons here.',
  'cli.cleanup.removed': 'removed {what}',
  'cli.cleanup.gone': 'already gone: {what}',
  'cli.cleanup.failed': 'could not remove {what}: {error}',
  'cli.cleanup.nothing': 'Nothing to clean up: the ledger is empty.',
  'cli.cleanup.busy': 'cleanup only removes what a stopped lab left behind.',
  'cli.doctor.line': '{title}: {detail}',
  'cli.doctor.ok': 'ok',
  'cli.doctor.warn': 'warn',
  'cli.doctor.fail': 'FAIL',
  'cli.run.oom':
    "the kernel's OOM killer killed {count, plural, one {# process} other {# processes}} in the container (its memory limit{limit, select, none {} other { of {limit}}}{peak, select, none {} other {, at most {peak} in use}}){signal, select, none {} other {; PID 1 ended by {signal}}}.",
} as const;
