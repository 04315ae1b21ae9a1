/**
 * English messages: workshop mode (issue 13) outside the TUI's own messages: what a fast-forward
 * says, what `u` (undo one step) says, a your-turn solution in words, `container-lab reset` and
 * `--step`, and `doctor --workshop`, the attendees' pre-flight. Keys start with `workshop.`; see src/i18n/README.md.
 */
export const workshop = {
  'workshop.needs-root': 'doctor --workshop needs root (it starts and removes one container per lesson): run it again with sudo.',
  'workshop.lab-running':
    'A container-lab is running (PID {pid}): quit it first (press q in its window), then run doctor --workshop again; the pre-flight never starts containers next to a running lab.',
  'workshop.heading': 'Pre-flight: one container per lesson, started and removed the way the lesson does it',
  'workshop.ready': 'ready',
  'workshop.will-skip': '{count, plural, one {will skip # step} other {will skip # steps}}',
  'workshop.cannot-run': 'cannot run',
  'workshop.ran-step': '({step} ran in {seconds} s)',
  'workshop.why': 'why: {reason}',
  'workshop.fix': 'fix: {fix}',
  'workshop.step-failed': 'its step {step} failed: {message}',
  'workshop.failed-fix':
    'Run `sudo container-lab lesson {lesson} --plain` to see where it fails; if a crashed lab left something behind, `sudo container-lab cleanup` removes it first.',
  'workshop.left-behind': 'The pre-flight could not remove {what}; `sudo container-lab cleanup` removes what it can.',
  'workshop.still-mounted': '{dir} ({mounts} still mounted there)',
  'workshop.summary':
    'container-lab {version} · kernel {kernel} · cgroup {cgroup} · {ready} ready{willSkip, plural, =0 {} other {, {willSkip} will skip {steps, plural, one {# step} other {# steps}}}}{cannotRun, plural, =0 {} other {, {cannotRun} cannot run}}',
  // Between the parts of a list the lab builds (`1–3, 6`; the lines an undo printed).
  'workshop.list-separator': ', ',
  'workshop.sentence-separator': '; ',

  'workshop.ff.done': 'Fast-forwarded {count, plural, one {step {steps}} other {steps {steps}}} in {duration}.',
  'workshop.ff.stopped': 'Fast-forward stopped at step {step} ({id}): {reason}',
  'workshop.ff.running': 'Fast-forwarding to step {target}: running step {step} ({id})… (Esc cancels)',
  'workshop.ff.not-started': 'Cancelled before this step ran: press Enter to run it.',

  'workshop.undo.not-run': 'This step has not run, so there is nothing to undo.',
  'workshop.undo.nothing': 'This step only looks: it changed nothing, so there is nothing to undo.',
  'workshop.undo.put-back': 'The lab already put back what this step broke, right after it ran.',
  'workshop.undo.cannot': 'This step cannot be undone alone ({why}): r resets the lesson.',
  'workshop.undo.unknown-action': 'the lab does not know how to take back what `{action}` did',
  'workshop.undo.done': 'Undone: {what}. Enter runs the step again.',
  'workshop.undo.done-quietly': 'Undone: what this step changed is back as it was. Enter runs the step again.',
  'workshop.undo.failed': 'The undo failed: {why}. r resets the lesson.',
  'workshop.undo.failed-unsaid': 'The undo failed: see what ran. r resets the lesson.',

  'workshop.solution.exec': "`{command}` in {where, select, named {container {container}} other {the container}}'s shell",
  'workshop.solution.action': '`{action}`{args, select, none {} other { ({args})}}',
  'workshop.solution.action-does': '`{action}`{args, select, none {} other { ({args})}}: {summary}',

  'workshop.reset.ask-all': 'Reset progress of all {count} lessons? [y/N]',
  'workshop.reset.ask-one': 'Reset progress of lesson {lesson}? [y/N]',
  'workshop.reset.no-terminal':
    'reset asks before it forgets progress, and there is no terminal to ask on: pass --yes to reset without asking.',
  'workshop.reset.lab-running': 'A lab is running (PID {pid}) and holds your progress: quit it first (q), then reset. Nothing was changed.',
  'workshop.reset.lock-unreadable':
    "Cannot tell whether a lab is running ({dir} is root's): run `sudo container-lab reset`. Nothing was changed.",
  'workshop.reset.kept': 'Nothing was reset.',
  'workshop.reset.done-all': 'Progress of all {count} lessons reset ({file}): each starts again at step 1.',
  'workshop.reset.done-one': 'Progress of lesson {lesson} reset ({file}): it starts again at step 1.',
  'workshop.reset.one-lesson': 'reset takes at most one lesson: container-lab reset [<lesson>] [--yes].',

  'workshop.step.bad': '--step "{ref}" is not a step of {lesson}: give a number from 1 to {count}, or a step id ({ids}).',
} as const;
