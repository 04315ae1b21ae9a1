/** English messages: syscall-error hints (src/kernel/). Keys start with `kernel.`; see src/i18n/README.md. */
export const kernel = {} as const;
