/** English messages: probe pane titles, notes and errors (src/probes/). Keys start with `probes.`; see src/i18n/README.md. */
export const probes = {} as const;
