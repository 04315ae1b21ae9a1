/**
 * The arguments an ICU message takes, read from the message's text by the type checker, so that
 * `t('doctor.summary', { count })` fails to compile when a placeholder is missing, misspelt or of
 * the wrong kind. Only the English catalogue is read this way (it defines each message's
 * arguments); the translations are held to the same names by test/i18n/catalogue.test.ts.
 *
 * The walk goes brace to brace, keeping a stack of what each open brace began: a message's text
 * (`{` opens an argument there) or a plural/select's cases (`{` opens a case's text there).
 *   `{name}`                          → name: string | number
 *   `{count, number}`                 → count: number
 *   `{count, plural, one {…} other {…}}` (and selectordinal) → count: number
 *   `{kind, select, a {…} other {…}}` → kind: string
 * Quoting braces with apostrophes ('{') is not used in the catalogues, and not read here.
 */

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** One argument: its name and the type of value it takes. */
type Arg = [name: string, value: unknown];

/** Where the walk is: inside a message's text, or inside a plural/select's list of cases. */
type Frame = 'text' | 'cases';

/** The first brace in S and what follows it. */
type NextBrace<S extends string> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer AfterClose}`
    ? ['}', `${AfterClose}{${After}`]
    : ['{', After]
  : S extends `${string}}${infer After}`
    ? ['}', After]
    : ['end', ''];

/** An argument that starts right after `{`: its name, value type, and whether cases follow. */
type OpenArg<S extends string> = S extends `${infer Head}}${infer Tail}`
  ? Head extends `${infer Name},${infer Kind}`
    ? Trim<Kind> extends `${infer Word},${infer Cases}`
      ? Trim<Word> extends 'plural' | 'selectordinal'
        ? [[Trim<Name>, number], 'cases', `${Cases}}${Tail}`]
        : [[Trim<Name>, string], 'cases', `${Cases}}${Tail}`]
      : [[Trim<Name>, Trim<Kind> extends 'number' ? number : string | number], 'simple', Tail]
    : [[Trim<Head>, string | number], 'simple', Tail]
  : never;

type Walk<S extends string, Stack extends Frame[], Found extends Arg> =
  NextBrace<S> extends [infer Brace, infer Rest extends string]
    ? Brace extends 'end'
      ? Found
      : Stack extends [...infer Outer extends Frame[], infer Top extends Frame]
        ? Brace extends '}'
          ? Walk<Rest, Outer, Found>
          : Top extends 'cases'
            ? Walk<Rest, [...Stack, 'text'], Found>
            : OpenArg<Rest> extends [infer A extends Arg, infer Shape, infer After extends string]
              ? Walk<After, Shape extends 'cases' ? [...Stack, 'cases'] : Stack, Found | A>
              : Found
        : Found
    : Found;

/** A name used both as a plural's count and as a plain `{count}` takes what the plural takes. */
type ArgObject<Found extends Arg> = {
  [Name in Found[0]]: [Extract<Found, [Name, number]>] extends [never] ? Extract<Found, [Name, unknown]>[1] : number;
};

/** The values a message needs, as an object type (`{}` for a message without arguments). */
export type MessageArgs<Message extends string> = ArgObject<Walk<Message, ['text'], never>>;
