/** English messages: action results and errors (src/lessons/actions/). Keys start with `actions.`; see src/i18n/README.md. */
export const actions = {} as const;
