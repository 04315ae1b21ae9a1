/** English messages: doctor findings and fixes (src/doctor/). Keys start with `doctor.`; see src/i18n/README.md. */
export const doctor = {} as const;
