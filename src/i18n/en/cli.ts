/** English messages: CLI usage, help and messages (src/cli.ts, src/cli/). Keys start with `cli.`; see src/i18n/README.md. */
export const cli = {} as const;
