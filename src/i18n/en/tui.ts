/** English messages: the TUI's chrome: home, help, footers, lesson screen, quit and too-small screens (src/tui/). */
export const tui = {
  // Home screen
  'tui.home.tagline': 'learn how containers work, one kernel primitive at a time',
  'tui.home.continue': 'Continue: {lesson}, step {step} of {steps}',
  'tui.home.next': 'Next: {lesson}, step {step} of {steps}',
  'tui.home.blocked': 'cannot run here: {why}',
  'tui.home.skipped':
    '{count, plural, one {1 step will be skipped on this host (`{fix}` lets it run)} other {# steps will be skipped on this host (`{fix}` lets them run)}}',
  'tui.home.skipped-why':
    '{count, plural, one {1 step will be skipped on this host (`container-lab doctor` says why)} other {# steps will be skipped on this host (`container-lab doctor` says why)}}',
  'tui.home.no-lessons': 'No lessons were found. Give a lessons folder with --lessons DIR.',

  // Footer words after a key (`Enter open`, `q quit`)
  'tui.key.open': 'open',
  'tui.key.choose': 'choose',
  'tui.key.help': 'help',
  'tui.key.quit': 'quit',
  'tui.key.language': 'language: {name}',
  'tui.key.cancel': 'cancel',
  'tui.key.type': 'type',
  'tui.key.check': 'check',
  'tui.key.hint': 'hint',
  'tui.key.close': 'close',
  'tui.key.run': 'run',
  'tui.key.steps': 'steps',
  'tui.key.shell': 'shell',
  'tui.key.what-ran': 'what ran',
  'tui.key.reset': 'reset',
  'tui.key.lessons': 'lessons',
  'tui.key.solution': 'solution',
  'tui.key.undo': 'undo',

  // Help screen
  'tui.help.keys': 'Keys',
  'tui.help.enter': 'run the step, then go to the next (your-turn step: type your answer)',
  'tui.help.steps': 'previous / next step',
  'tui.help.predict': 'answer a predict question; the step then runs',
  'tui.help.hint': 'hints on a your-turn step: a nudge, a pointer, then the answer',
  'tui.help.scroll': "scroll the step's text when it is longer than its rows",
  'tui.help.shell': "a real shell inside the lesson's container; `exit` brings you back",
  'tui.help.events': 'show every primitive the step ran (again: back)',
  'tui.help.escape': 'cancel a running step; otherwise back to the lessons',
  'tui.help.language': 'on the lessons screen: next language (English, 简体中文, 繁體中文)',
  'tui.help.quit': 'quit: everything the lab made is removed first',
  'tui.help.panes': 'Reading the panes',
  'tui.help.sides':
    'Host shows what the host sees, Container what the container sees, of the same thing. Each pane is titled with the exact file or command it read.',
  'tui.help.differs': 'marks a row that differs from the other pane; the differing values are highlighted (between * * without colour).',
  'tui.help.only': 'marks a row only this side has.',
  'tui.help.what-ran':
    '"What ran" lists the primitives: each syscall with its flags, each write to a kernel file, each program started, and how long it took. "by hand" is the shell command a person would type for the same thing.',
  'tui.help.back': 'Press ? or Esc to go back.',
  'tui.help.solution': "show a your-turn step's solution; x again runs it and checks it",
  'tui.help.undo-reset': 'undo this step (where it can be) / reset the lesson (fresh containers)',

  // Screens of their own
  'tui.too-small':
    'The terminal is {columns}×{rows}; the lab needs at least 80×24. Make the window larger, or run `container-lab lesson <id> --plain` for the same lesson as plain text.',
  'tui.needs-terminal': 'the lab needs an interactive terminal. In a script or CI, run `container-lab lesson <id> --plain` instead.',
  'tui.quit.nothing': 'Quitting: the lab made nothing that needs removing.',
  'tui.quit.removing': 'Quitting: removing what the lab made ({done} of {total} done)',
  'tui.quit.removed':
    'Quitting: {count, plural, one {the one thing the lab made is removed.} other {all # things the lab made are removed.}}',
  'tui.quit.more': '  … and {count} more',

  // The lesson screen
  'tui.lesson.skipped-here': '{count} skipped on this host · ',
  'tui.lesson.what-ran': '── What ran',
  'tui.lesson.by-hand': '  · by hand: {command}',
  'tui.lesson.events-scroll': 'lines {from}-{to} of {total} · ↑↓ scroll · e or Esc: back',
  'tui.lesson.events-back': 'e or Esc: back',
  'tui.lesson.host': 'Host',
  'tui.lesson.container': 'Container',
  'tui.lesson.side-unused': ' · this step shows nothing from this side.',
  'tui.lesson.not-read-skipped': 'Not read: this step was skipped on this host.',
  'tui.lesson.not-read-yet': 'Not read yet: the step fills this pane when it runs.',
  'tui.lesson.more-events': '… {count} more lines: press e to see them all',
  'tui.lesson.more-lines': '… {count, plural, one {1 more line} other {# more lines}}',
  'tui.lesson.notes': 'Notes: {notes}',
  'tui.lesson.text-scroll': '↑↓ scroll the text · lines {from}-{to} of {total}',
  'tui.lesson.answer': 'answer',
  'tui.pane.container-named': 'Container {name}',
  'tui.pane.from-host': 'Container {name}, from the host',
  'tui.pane.live': ' · live, every {ms} ms · {title}',
  'tui.pane.reading': 'Reading…',
  'tui.pane.nothing': '(nothing to show for this step)',
  'tui.pane.rows-hidden': ' · {count, plural, one {1 row} other {# rows}}: a taller terminal shows them',
  'tui.pane.more-rows': '… {count, plural, one {1 more row} other {# more rows}} (a wider or taller terminal shows them)',

  // A step's state, below its text
  'tui.step.running': 'Running… {elapsed}   (Esc cancels)',
  'tui.step.answer-above': 'Answer the question above (1-{count}); the step runs when you do.',
  'tui.step.enter-your-turn': 'Press Enter to look at the panes and type your answer.',
  'tui.step.enter-run': 'Press Enter to run this step.',
  'tui.step.reverted': 'The lab put things back:',
  'tui.step.nothing-skipped': 'Nothing ran: this host cannot run this step (why, and the fix, below).',
  'tui.step.nothing-looks': 'Nothing ran: this step only looks. The panes show the state as it is.',
  'tui.step.predict': 'Predict: ',
  'tui.step.right': 'Right: you chose {number}, “{choice}”{ends, select, sentence {} other {.}}',
  'tui.step.wrong':
    'You chose {number}, “{choice}”{ends, select, sentence {} other {.}} The answer is {answer}, “{answerChoice}”{answerEnds, select, sentence {} other {.}}',
  'tui.step.your-turn': 'Your turn: ',
  'tui.step.hint': 'Hint {number}: ',
  'tui.step.answer-keys': '   Enter checks · Esc closes',
  'tui.step.skipped': 'Skipped: {message}',

  // Messages at the bottom of the screen
  'tui.with-hint': '{message} Hint: {hint}',
  'tui.msg.busy': 'This step is still running: its panes fill when it ends (Esc cancels it).',
  'tui.msg.lesson-broken': "This lesson's files have a problem, so it cannot open: {problem}",
  'tui.msg.lesson-broken-more':
    "This lesson's files have a problem, so it cannot open: {problem} (and {count} more: run `container-lab lint-lessons`)",
  'tui.msg.lesson-missing': 'it was not found',
  'tui.msg.answer-first': 'Answer the question first: press 1 to {count}.',
  'tui.msg.last-step': 'That was the last step of this lesson: Esc goes back to the lessons.',
  'tui.msg.no-hints': 'This step has no hints: its text and panes show everything it teaches.',
  'tui.msg.last-hint': 'That was the last hint: it gives the answer, read from the machine just now.',
  'tui.msg.done': 'Done: on to the next step (→).',
  'tui.msg.reset': "Reset: the lesson's containers are gone. Press Enter: each step starts what it needs again.",
  'tui.msg.shell-back': "Back from the container's shell.",
  'tui.msg.shell-in': "You are in a shell inside the lesson's container. Type `exit` to go back to the lab.",
  'tui.msg.no-runtime': 'The lab cannot start containers: {error}',
} as const;
