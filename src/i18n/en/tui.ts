/** English messages: the TUI's chrome: home, help, footers, quit and too-small screens (src/tui/). */
export const tui = {
  'tui.home.tagline': 'learn how containers work, one kernel primitive at a time',
  'tui.home.continue': 'Continue: {lesson}, step {step} of {steps}',
  'tui.home.next': 'Next: {lesson}, step {step} of {steps}',
  'tui.home.blocked': 'cannot run here: {why}',
  'tui.home.skipped':
    '{count, plural, one {1 step will be skipped on this host (`{fix}` lets it run)} other {# steps will be skipped on this host (`{fix}` lets them run)}}',
  'tui.home.skipped-why':
    '{count, plural, one {1 step will be skipped on this host (`container-lab doctor` says why)} other {# steps will be skipped on this host (`container-lab doctor` says why)}}',
  'tui.home.no-lessons': 'No lessons were found. Give a lessons folder with --lessons DIR.',
} as const;
