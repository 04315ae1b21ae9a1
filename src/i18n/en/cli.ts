/** English messages: CLI usage, help and messages (src/cli.ts, src/cli/). Keys start with `cli.`; see src/i18n/README.md. */
export const cli = {
  'cli.lang.unknown': '--lang "{lang}" is not a language the lab speaks: give en, zh-CN or zh-TW.',
} as const;
