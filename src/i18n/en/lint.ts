/** English messages: lesson lint messages (src/lessons/validate-*.ts, lint-command.ts). Keys start with `lint.`; see src/i18n/README.md. */
export const lint = {} as const;
