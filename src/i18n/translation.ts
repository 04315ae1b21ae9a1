/**
 * The shape of a translated catalogue area: the English area's keys, each optional (a key not yet
 * translated falls back to English, and test/i18n/catalogue.test.ts lists it), and no key English
 * lacks (`satisfies` rejects an unknown or misspelt key at compile time).
 */
export type Translation<English> = { readonly [Id in keyof English]?: string };
