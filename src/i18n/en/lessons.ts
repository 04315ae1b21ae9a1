/** English messages: lesson engine, runner and plain/JSON output (src/lessons/engine/, runner/, event-lines.ts). Keys start with `lessons.`; see src/i18n/README.md. */
export const lessons = {
  // Where a row is, for the differences in words ("only on the host: …"; src/lessons/runner/print-plain.ts)
  'lessons.pane.on-host': 'on the host',
  'lessons.pane.in-container': 'in the container',
  'lessons.pane.in-named': 'in {label}',

  // `lesson <id> --plain` (src/lessons/runner/)
  'lessons.plain.lesson': 'Lesson {order}: {title}',
  'lessons.plain.step': 'Step {number} of {total}: {title}  [{id}]',
  'lessons.plain.predict': 'Predict: {question}',
  'lessons.plain.your-turn': 'Your turn: {task}',
  'lessons.plain.shell': 'Shell: {command}',
  'lessons.plain.docker': 'Docker: {command}',
  'lessons.plain.ran': 'Ran:',
  'lessons.plain.ran-skipped': 'Ran: nothing (this host cannot run this step: see the result below).',
  'lessons.plain.ran-looks': 'Ran: nothing (this step only looks).',
  'lessons.plain.call-failed': '{code}: {text}. {hint}',
  'lessons.plain.live': 'Live: {count, plural, one {# read} other {# reads}} of {title} while it ran:',
  'lessons.plain.pane': '{label}: {title}',
  'lessons.plain.differs': 'Differs ({host} ⟷ {container}):',
  'lessons.plain.same': '{host} and {container} show the same.',
  'lessons.plain.answer': 'Answer: {number}) {choice}{ends, select, sentence {} other {.}} {reveal}',
  'lessons.plain.checked':
    'Answer given by --solve: {answer}. Check: {ok, select, yes {passed} other {failed}}.{message, select, none {} other { {message}}}',
  'lessons.plain.put-back': 'Put back by the lab:',
  'lessons.plain.put-back-failed': 'failed: {message}',
  'lessons.plain.result':
    'Result: {status, select, done {done} failed {FAILED} skipped {skipped} other {cancelled}} in {time}.{message, select, none {} other { {message}}}{hint, select, none {} other { Hint: {hint}}}',
  'lessons.plain.awaiting':
    'Stopped at step {number} ({step}): it is your turn. Run `container-lab lesson {id} --plain --solve` to see it solved, or open the lab (`sudo container-lab`) to do it yourself.',
  'lessons.plain.failed-at': 'Step {number} ({step}) of "{title}" failed (see its FAILED result above): {why}',
  'lessons.plain.all-ran': 'Every step of "{title}" ran.',
  'lessons.plain.all-ran-except':
    'Every step of "{title}" ran, except {count, plural, one {one step} other {# steps}} this host cannot run (skipped: {steps}).',
  'lessons.plain.read-more': 'Read more:',

  // The engine's own sentences about a step (src/lessons/engine/)
  'lessons.step.cancelled': 'Cancelled (Esc): the lab stopped the step. Press Enter to run it again.',
  'lessons.step.needs-process': 'This step needs {ref}, which an earlier step starts: go back (←) and run that step first.',
  'lessons.step.no-answer': 'The solution ran, but the check finds no answer in the real state.',
  'lessons.step.cannot-run-here': 'This step cannot run on this host: {why}',
  'lessons.step.no-your-turn': 'Step {id} has no your-turn task.',
  'lessons.step.no-such-step': 'Lesson {lesson} has no step {number}.',
  'lessons.container.unknown': 'This lesson has no container named "{name}".',
  'lessons.container.ended':
    "The container's PID 1 has ended ({signal, select, none {exit status {code}} other {killed by {signal}}}), and its PID namespace ended with it: there is no inside left to look at.",
  'lessons.container.not-started': 'The container has not been started yet: run the step that starts it first (← to go back).',
  'lessons.container.not-running': 'The container is not running.',
  'lessons.ref.process-not-running': '{ref} is not running: run the step that starts it first (← to go back).',
  'lessons.ref.container-not-started': 'The container has not been started yet: run the step that starts it first.',
  'lessons.ref.unresolved': '{ref} cannot be resolved.',

  // A placeholder no PID stands for yet, in prose and in a command (src/lessons/templates.ts)
  'lessons.template.lab': "the lab's PID",
  'lessons.template.lab-command': '<lab PID>',
  'lessons.template.container': "the container's PID on the host",
  'lessons.template.container-command': '<container PID>',
  'lessons.template.named-container': 'the host PID of container {name}',
  'lessons.template.host-pid-command': '<host PID of {name}>',
  'lessons.template.process-host': 'the host PID of {name}',
  'lessons.template.process-inside': 'the PID of {name} inside the container',
  'lessons.template.process-inside-command': '<PID of {name} inside>',

  // Steps a host cannot run for want of a program: the doctor's finding (src/lessons/host-check.ts)
  'lessons.host.title': 'host programs for lesson steps',
  'lessons.host.all-there': 'every lesson step has the host programs it runs ({programs})',
  'lessons.host.none': 'none',
  'lessons.host.skipped':
    '{count, plural, one {# step will be skipped, {steps}: it runs {missing}} other {# steps will be skipped, {steps}: they run {missing}}}',
  'lessons.host.missing':
    '{how, select, several {{names}, which are not installed} one {{names}, which is not installed} two {{names}, and neither is installed} other {{names}, and none of them is installed}}',
  'lessons.host.either': '{first} or {second}',
  'lessons.host.fix': '`{command}`: then {count, plural, one {this step runs} other {these steps run}} instead of being skipped.',
  'lessons.host.fix-package':
    'Install the package that provides `{program}`: then {count, plural, one {this step runs} other {these steps run}} instead of being skipped.',

  // `--transcript FILE` (src/lessons/transcript.ts)
  'lessons.transcript.session': '# container-lab session, {at}',
  'lessons.transcript.lesson': '## Lesson {order}: {title}',
  'lessons.transcript.step': '### Step {number} of {total}: {title}',
  'lessons.transcript.predict': '**Predict:** {question}',
  'lessons.transcript.predicted': '**Your prediction:** {choice} ({right, select, yes {right} other {not this time}})',
  'lessons.transcript.answer': '**Answer:** {choice}{ends, select, sentence {} other {.}} {reveal}',
  'lessons.transcript.your-turn': '**Your turn:** {task}',
  'lessons.transcript.ran': '**What ran** (by hand: `{shell}`):',
  'lessons.transcript.ran-nothing': '**What ran:** nothing (this step only looks).',
  'lessons.transcript.pane': '**{label}:** {title}',
  'lessons.transcript.checked':
    '**Your answer:** {answer}. **Check:** {ok, select, yes {passed} other {not yet}}.{message, select, none {} other { {message}}}',
  'lessons.transcript.put-back': '**Put back by the lab:**',
  'lessons.transcript.put-back-failed': 'failed: {message}',
  'lessons.transcript.result':
    '_Result: {status, select, done {done} failed {failed} skipped {skipped} other {cancelled}} in {time}.{message, select, none {} other { {message}}}_',
  'lessons.transcript.looked-again': "**Read again after the container's shell** ({title}):",
  'lessons.transcript.reset': "_Reset: the lesson's containers were removed; each step starts what it needs again._",
  'lessons.transcript.no-dir': '--transcript {file}: the directory {dir} does not exist; create it, or name a file in one that does.',
  'lessons.transcript.is-dir': '--transcript {file} is a directory: name a file to write the transcript to.',

  // `container-lab notes <lesson>`: the facilitator sheet (src/cli/notes.ts)
  'lessons.notes.title': '# Facilitator sheet: {title} (`{id}`)',
  'lessons.notes.length':
    'Lesson {order} · {steps, plural, one {# step} other {# steps}} · about {minutes} min{untimed, plural, =0 {} one { (and # step without a timing)} other { (and # steps without a timing)}}',
  'lessons.notes.step': '## {number}. {title} (`{id}`){minutes, select, none {} other { · {minutes} min}}',
  'lessons.notes.predict': '**Predict:** {question}',
  'lessons.notes.right': '**{choice}** (right)',
  'lessons.notes.why': '**Why:** {reveal}',
  'lessons.notes.task': '**Your turn:** {task}',
  'lessons.notes.solution': '**Solution:** {how}',
  'lessons.notes.solution-action': '`{action}`{args, select, none {} other { with {args}}}{summary, select, none {} other {: {summary}}}',
  'lessons.notes.hints': '**Hints**, in the order the learner gets them:',
  'lessons.notes.answer-hint': '(the answer, read from the machine)',
  'lessons.notes.notes': '**Notes:**',
  'lessons.notes.no-notes': '_No notes for this step._',
  'lessons.notes.name-one': 'container-lab notes: Name one lesson; the lessons are {ids}.',
  'lessons.notes.no-such': 'container-lab notes: There is no lesson "{id}"; the lessons are {ids}.',
  'lessons.plain.check-not-passed': 'its check did not pass',
} as const;
