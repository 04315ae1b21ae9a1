/** English messages: runtime messages: containers, ledger, cleanup (src/runtime/). Keys start with `runtime.`; see src/i18n/README.md. */
export const runtime = {} as const;
