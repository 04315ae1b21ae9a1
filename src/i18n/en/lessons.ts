/** English messages: lesson engine, runner and plain/JSON output (src/lessons/engine/, runner/, event-lines.ts). Keys start with `lessons.`; see src/i18n/README.md. */
export const lessons = {} as const;
