/** English messages: check verdicts of your-turn steps (src/lessons/checks/). Keys start with `checks.`; see src/i18n/README.md. */
export const checks = {} as const;
