/**
 * How many terminal columns text takes, as a terminal draws it: by grapheme cluster (an emoji with
 * its modifiers, a letter with its accents, is one), two columns for the wide and fullwidth
 * characters of Unicode's East Asian Width (Chinese characters, fullwidth punctuation such as
 * `，。（）`), none for combining marks. The table is `string-width`'s (bundled, as Ink's own).
 * Characters of ambiguous width (`…`, `·`, `→`) count one column, as tmux and most terminals draw them.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII: one column a character, the common case, counted without segmenting. */
const ASCII = /^[\x20-\x7e]*$/;

export function textWidth(text: string): number {
  return ASCII.test(text) ? text.length : stringWidth(text);
}

/** `text` as the clusters a terminal draws as one character each. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** `text` followed by spaces to `width` columns (`padEnd` counts UTF-16 units, not columns). */
export function padText(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** The longest prefix of `text` that fits in `width` columns, never splitting a cluster. */
export function fitWidth(text: string, width: number): string {
  if (ASCII.test(text)) return text.slice(0, Math.max(0, width));
  let used = 0;
  let out = '';
  for (const g of splitGraphemes(text)) {
    const w = stringWidth(g);
    if (used + w > width) break;
    used += w;
    out += g;
  }
  return out;
}
