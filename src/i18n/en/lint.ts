/**
 * English messages: lesson lint messages, what `container-lab lint-lessons` (and a lesson that does
 * not load) says about lesson.yaml, text.md, a translation and glossary.yaml (src/lessons/validate-*.ts,
 * lint-command.ts, yaml-file.ts, …). Keys start with `lint.`; see src/i18n/README.md.
 *
 * A message names where it is with `{what}`: a label built from the `lint.label.*` messages, such as
 * `step "nspid": \`run\`: action "exec"`, so a translation words the path as well as the message.
 */
export const lint = {
  'lint.ok': 'ok  {id}{lang, select, en {} other { ({lang})}}: {steps, plural, one {# step} other {# steps}}',
  'lint.problems': '{count, plural, one {# problem found} other {# problems found}}; fix them and run lint-lessons again.',
  'lint.checked':
    '{lessons, plural, one {# lesson} other {# lessons}} checked{languages, plural, =1 {} other { in # languages}}, no problems.',

  'lint.label.at': '{what}: {message}',
  'lint.label.key': '{what}: `{key}`',
  'lint.label.step': 'step "{id}"',
  'lint.label.step-index': 'step {index}',
  'lint.label.step-subject': 'Step {index}',
  'lint.label.call': '{what}: {kind, select, action {action} probe {probe} other {check}} "{name}"',
  'lint.label.container': 'container "{name}"',
  'lint.label.each-entry': 'Each entry of {what}',
  'lint.label.glossary-entry': 'an entry of `{list}`',
  'lint.label.rows': '{what}: `rows` (a list of row keys, or `all`)',
  'lint.label.intro': 'the intro',
  'lint.label.step-title': "`## {id}`'s title",

  'lint.yaml.syntax': 'YAML syntax: {message}.',
  'lint.yaml.mapping': '{what} must be a mapping of `key: value` lines.',
  'lint.yaml.list': '{what} must be a list (lines starting with `- `).',
  'lint.yaml.text': '{what} must be non-empty text.',
  'lint.yaml.prose-key': '{what}: `{key}` is prose: write it in text.md, under {heading}.',
  'lint.yaml.unknown-key': '{what}: unknown key "{key}"; expected one of {known}.',
  'lint.yaml.missing-key': '{what}: missing `{key}:`.',

  'lint.type.string': 'text',
  'lint.type.argv': 'a list of strings (a command and its arguments)',
  'lint.type.integer': 'a whole number from {min} to {max}',
  'lint.type.enum': 'one of {values}',
  'lint.type.list': 'a list of any of {values}',
  'lint.type.name': 'a name of lowercase letters, digits and dashes',
  'lint.type.inner-path': 'a relative path inside the overlay, like app/config.json (no leading / and no ..)',
  'lint.type.pid-ref': 'a process: {help}',
  'lint.type.pid-ref-help':
    "`lab` (the lab itself), `container` or `container.NAME` (a container's PID 1), `process.NAME` (a process a step started), or a number",
  'lint.template.no-process': '"{placeholder}" names no process; after `{side}:` write {help}.',

  'lint.args.unknown': '{what}: unknown argument "{name}"; {count, plural, =0 {it takes no arguments} other {it takes {known}}}.',
  'lint.args.missing': '{what}: missing argument `{name}:` ({doc}).',
  'lint.args.must-be': '{what} must be {type}.',

  'lint.call.unknown':
    '{what}: unknown {kind, select, action {action} probe {probe} other {check}} "{name}"; known {kind, select, action {actions} probe {probes} other {checks}}: {known}.',
  'lint.call.shape':
    '{what} must be a {kind, select, action {action} probe {probe} other {check}} name, or a mapping with `{kind}:` and its arguments.',
  'lint.call.missing': '{what}: missing `{kind}:` (one of {known}).',

  'lint.lesson.empty': 'lesson.yaml is empty: it needs at least `steps:`.',
  'lint.lesson.unknown-feature': '`requires`: unknown host feature {features}; known: {known}.',
  'lint.lesson.container-and-containers': 'Use `container:` (one container) or `containers:` (several, by name), not both.',
  'lint.lesson.no-steps': '`steps` is empty: a lesson needs at least one step.',
  'lint.lesson.step-twice': 'step "{id}" appears twice (first at line {line}); step ids must be unique.',
  'lint.lesson.no-text': "text.md is missing: write the lesson's prose there (lessons/README.md).",

  'lint.step.id': '{what}: id must be lowercase letters, digits and dashes (it is also the `## {id}` heading in text.md).',
  'lint.step.both-forms': '{what}: use `both:` alone, or `host:` and `container:`, not both forms.',
  'lint.step.in-unknown': "{what}: `in: {name}` is not one of this lesson's containers ({names}).",
  'lint.step.milliseconds': '{what}: `{key}` must be a whole number of milliseconds from {min} to {max}.',
  'lint.step.answer': "{what}: `answer` must be the number of the right choice in text.md's `### Predict`, 1 to 5.",
  'lint.step.unknown-feature': '{what}: unknown host feature {features}; known: {known} (the ids of `container-lab doctor`).',
  'lint.step.unknown-program':
    '{what}: `needs`: unknown host program {programs}; known: {known} (a program run inside a container ships with the lab and is never a host need).',
  'lint.step.program-declared': '{what}: `needs`: action `{action}` already declares {program}; remove it here.',

  'lint.container.bad-name': 'Container name "{name}" must be lowercase letters, digits and dashes.',
  'lint.container.none': '`containers:` must name at least one container.',
  'lint.container.hostname': '{what}: hostname "{hostname}" must be lowercase letters, digits and dashes.',
  'lint.container.unknown-capability': '{what}: unknown capability {capabilities} (see capabilities(7) for the names).',
  'lint.container.no-new-privs': '{what}: `noNewPrivs` must be true or false.',
  'lint.container.unknown-namespace': '{what}: unknown namespace kind {kinds}; known: {known}.',
  'lint.container.unmade-namespace':
    "{what}: the lab's runtime does not make {kind} namespaces yet (it makes {known}); a container that asked for one would run without it.",
  'lint.container.needs-mnt':
    "{what}: `namespaces` must include mnt (a lab container's root is an overlay mount in its own mount namespace).",
  'lint.container.limit': '{what}: `limits.{key}` must be a positive {key, select, cpus {number} other {whole number}}.',

  'lint.refs.not-started':
    'step "{step}": {ref} is not started by this step or an earlier one (start it with a {starters} action that has `name: {name}`).',
  'lint.refs.no-container': 'step "{step}": {ref} names no container of this lesson ({names}).',
  'lint.refs.not-a-container': 'step "{step}": container "{name}" is not one of this lesson\'s containers ({names}).',
  'lint.refs.by-hand': 'step "{step}": `### By hand` uses {ref}, which no step up to here starts.',

  'lint.text.title-twice': 'a text file has one `# <lesson title>` line, at the top.',
  'lint.text.step-heading': "`{line}`: a step's heading is `## <step-id>: <title>`, its id as in lesson.yaml.",
  'lint.text.unknown-heading':
    '`### {heading}`: unknown heading {where, select, lesson {before the first step} other {in a step}}; the ones there are {known} (keep them in English).',
  'lint.text.part-twice': '`### {heading}` appears twice (first at line {line}).',
  'lint.text.heading-level': '`{line}`: headings are `#` (the lesson), `##` (a step) and `###` (a part of either).',

  'lint.prose.in-step': '`## {id}`: {message}',
  'lint.prose.in-part': '`### {keyword}`: {message}',
  'lint.prose.no-step': '`## {id}` matches no step in lesson.yaml (step ids: {ids}).',
  'lint.prose.step-twice': '`## {id}` appears twice (first at line {line}).',
  'lint.prose.no-section': 'step "{id}" (lesson.yaml line {line}) has no `## {id}: <title>` section.',
  'lint.prose.no-title': 'the text file starts with `# <lesson title>`.',
  'lint.prose.no-summary': 'the lesson needs `### Summary` (one line for the home screen) before its first step.',
  'lint.prose.empty-part': '`### {keyword}` has no text under it.',
  'lint.prose.read-more': '`### Read more` is a `- ` list (man pages, and where in which source to look), and nothing else.',
  'lint.prose.step-title': "the heading names the step's title: `## {id}: <title>`.",
  'lint.prose.no-text': 'has no text: say what the step shows before the learner presses Enter.',
  'lint.prose.empty-ran': '`### Once it has run` has no text under it: say what the step showed, or remove the heading.',
  'lint.prose.empty-notes': "`### Notes` has no text under it: write the facilitator's notes, or remove the heading.",
  'lint.prose.no-by-hand': 'has no `### By hand`: the command a person would type for the same thing, in `code`.',
  'lint.prose.needs-predict':
    'lesson.yaml has `predict:`, so this section needs `### Predict`: the question, then its choices (`1. `, `2. `…).',
  'lint.prose.needs-reveal': 'lesson.yaml has `predict:`, so this section needs `### Reveal`: why the right answer is right.',
  'lint.prose.predict-shape': '`### Predict` is the question, then its choices as a numbered list, and nothing after them.',
  'lint.prose.choices': '`### Predict`: give 2 to 5 choices (the learner picks one with keys 1-5); it has {count}.',
  'lint.prose.answer': "`### Predict`: lesson.yaml's `answer: {answer}` names no choice here.",
  'lint.prose.no-predict': '`### {keyword}`: lesson.yaml gives this step no `predict:` (its answer).',
  'lint.prose.needs-task': 'lesson.yaml has `yourTurn:`, so this section needs `### Your turn`: the task.',
  'lint.prose.hints':
    '`### Hints`: give exactly 3, numbered: a nudge, a pointer (which file or command), then the answer (it may use {placeholder}).',
  'lint.prose.no-your-turn': '`### {keyword}`: lesson.yaml gives this step no `yourTurn:` (its check and solution).',

  'lint.teaches.output': '{what}: `output` is `all` (every line the action printed), `first` or `last` (one line), not "{value}".',
  'lint.teaches.no-pane':
    '{what}: this step has no {side, select, host {host} other {container}} pane (give it `{side}:` with a probe first).',
  'lint.teaches.no-columns':
    '{what}: the {probe} pane is a list of key/value rows without columns; name the rows the text reads with `rows:` instead of column "{name}".',
  'lint.teaches.no-column': '{what}: the {probe} pane has no column "{name}"; its columns: {columns}.',
  'lint.teaches.flag': '{what}: `{key}` is true or false.',
  'lint.teaches.pane-columns':
    '{side, select, host {host} other {container}} {probe}: {columns, select, none {no columns} other {{columns}}}',
  'lint.teaches.pane-separator': '; ',
  'lint.teaches.unknown-column':
    'the text names a column "{name}", but no pane of this step has one ({panes, select, none {it has no panes} other {{panes}}}).',
  'lint.teaches.declare-column': 'the text points at the "{name}" column: declare it, e.g. `{example}`, so the layout keeps it on screen.',

  'lint.translation.missing': '{piece} is missing: text.md has it (line {line}).',
  'lint.translation.no-such-part': '{piece}: text.md has no such part; a translation has the same headings as text.md.',
  'lint.translation.kept-missing':
    '{piece}: the {kind, select, code {code span} placeholder {placeholder} other {pointer}} {item} is missing (text.md has it{count, plural, =1 {} other { # times}}); keep it as it is.',
  'lint.translation.kept-extra':
    '{piece}: the {kind, select, code {code span} placeholder {placeholder} other {pointer}} {item} is not in text.md; {kind, select, code {code spans} placeholder {placeholders} other {pointers}} are kept exactly as in English.',
  'lint.translation.items': '{piece}: has {count} items; text.md has {english}, in the same order.',
  'lint.translation.english': '{piece}: "{run}" is English: translate it, or write a kernel name in `code`.',
  'lint.translation.not-the-term': '{piece}: "{wrong}" for "{term}": the glossary\'s {lang} term is {right}.',
  'lint.translation.term-unused': 'text.md speaks of "{term}", and this translation never uses the glossary\'s {word}.',
  'lint.translation.term-gloss': "{piece}: the lesson's first {word} gives the English in parentheses: {word}（{term}）.",

  'lint.glossary.unknown-key': '`{list}`: unknown key "{key}"; an entry has `en`, one key per language (`zh-CN`), and `not`.',
  'lint.glossary.no-en': '`{list}`: an entry needs `en:`, the English term.',

  'lint.load.no-dir': 'No lessons directory at {dir}: give a directory of lesson folders (e.g. --lessons ./lessons).',
  'lint.load.folder-name': 'Lesson folder "{name}" must be named <order>-<id>, e.g. 01-pid-namespace.',
  'lint.load.no-yaml': '{name} has no lesson.yaml: add one, or remove the folder.',
  'lint.load.id-twice': 'Lesson id "{id}" is used twice (also {folder}); ids must be unique.',
  'lint.load.no-lesson': 'There is no lesson "{id}" in {dir}.',
  'lint.load.unreadable': 'Cannot read lesson.yaml: {error}.',
  'lint.your-turn.no-solution':
    "{what}: missing `solution:`, what the lab does in the learner's place (`--solve`, a jump past this step, the instructor's key): an action, or `exec:` with a command run inside the container.",
  'lint.solution.background':
    '{what}: a background command keeps its output open, and the lab would wait for it to end: write `… >/dev/null 2>&1 &`.',
} as const;
