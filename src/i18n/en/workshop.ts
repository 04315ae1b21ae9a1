/** English messages: `doctor --workshop`, the attendees' pre-flight (src/doctor/workshop.ts, workshop-run.ts). Keys start with `workshop.`; see src/i18n/README.md. */
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
} as const;
