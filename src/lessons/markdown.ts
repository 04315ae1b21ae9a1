/**
 * The small part of Markdown lesson text uses: paragraphs, `- ` bullet lists, fenced code blocks,
 * and inline `code`, **strong** and *emphasis*. Parsed into plain data so the TUI can style it and the
 * plain runner can print it without markup. Anything else is kept as text.
 */

/** A Chinese, Japanese or Korean character, or full-width punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Full-width punctuation (，。：；「」（）…), which never takes a space on either side. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/**
 * Joins the wrapped lines of one paragraph: with a space, as English is written, but with nothing
 * where a line break falls between two Chinese characters or next to full-width punctuation:
 * Chinese puts no spaces between words, so a space there would be a stray one on screen.
 */
export function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((joined, line) => {
      if (joined === '') return line;
      const end = joined.at(-1)!;
      const start = line[0]!;
      const tight = (CJK.test(end) && CJK.test(start)) || CJK_PUNCTUATION.test(end) || CJK_PUNCTUATION.test(start);
      return tight ? joined + line : `${joined} ${line}`;
    }, '');
}

/**
 * A Markdown list at the end of a text: the paragraphs before it, and its items, each joined onto
 * one line (an item may wrap onto indented lines). `numbered` lists are `1. `, `2. `…; others `- `.
 * `after` is any text that follows the list, which a list-ending part should not have.
 */
export function trailingList(markdown: string, numbered: boolean): { before: string; items: string[]; after: string } {
  const marker = numbered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/;
  const before: string[] = [];
  const items: string[][] = [];
  const after: string[] = [];
  for (const line of markdown.split('\n')) {
    if (after.length || (items.length && line.trim() !== '' && !/^\s/.test(line) && !marker.test(line))) after.push(line);
    else if (marker.test(line)) items.push([line.replace(marker, '')]);
    else if (items.length) items.at(-1)!.push(line);
    else before.push(line);
  }
  return { before: before.join('\n').trim(), items: items.map(joinLines), after: after.join('\n').trim() };
}

export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string };

export type Block = { kind: 'paragraph'; spans: Inline[] } | { kind: 'bullet'; spans: Inline[] } | { kind: 'code'; lines: string[] };

/** Splits one line of text into styled spans. */
export function parseInline(text: string): Inline[] {
  const spans: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) spans.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) spans.push({ kind: 'strong', text: m[2] });
    else spans.push({ kind: 'em', text: m[3] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let code: string[] | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: parseInline(joinLines(paragraph)) });
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      if (code) {
        blocks.push({ kind: 'code', lines: code });
        code = undefined;
      } else {
        flush();
        code = [];
      }
    } else if (code) code.push(line);
    else if (/^\s*[-*]\s+/.test(line)) {
      flush();
      blocks.push({ kind: 'bullet', spans: parseInline(line.replace(/^\s*[-*]\s+/, '')) });
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  if (code) blocks.push({ kind: 'code', lines: code });
  flush();
  return blocks;
}

/** The text without markup: for the plain runner and for screen readers. */
export function plainText(markdown: string): string[] {
  return parseMarkdown(markdown).flatMap((block) => {
    if (block.kind === 'code') return block.lines.map((l) => `    ${l}`);
    const text = block.spans.map((s) => s.text).join('');
    return [block.kind === 'bullet' ? `  - ${text}` : text];
  });
}
