/**
 * The small part of Markdown lesson text uses: paragraphs, `- ` bullet lists, fenced code blocks,
 * and inline `code`, **strong** and *emphasis*. Parsed into plain data so the TUI can style it and the
 * plain runner can print it without markup. Anything else is kept as text.
 */

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
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: parseInline(paragraph.join(' ')) });
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
