/**
 * Lesson Markdown as styled, wrapped lines: `code` and **strong** keep their tone, bullets get a
 * hanging indent, paragraphs are separated by one blank line.
 */
import { parseMarkdown } from '../lessons/markdown.js';
import type { Inline } from '../lessons/markdown.js';
import { cut, hang, wrap } from './line.js';
import type { Line, Seg } from './line.js';

const TONE: Record<Inline['kind'], Seg['tone']> = { text: undefined, code: 'code', strong: 'strong', em: 'strong' };

export function markdownLines(markdown: string, width: number): Line[] {
  const lines: Line[] = [];
  let previous: string | undefined;
  for (const block of parseMarkdown(markdown)) {
    // A blank line between blocks, except between the items of one list.
    if (lines.length && !(block.kind === 'bullet' && previous === 'bullet')) lines.push([]);
    previous = block.kind;
    if (block.kind === 'code') lines.push(...block.lines.map((l) => cut([{ text: `  ${l}`, tone: 'code' }], width)));
    else {
      const segs = block.spans.map((s) => ({ text: s.text, tone: TONE[s.kind] }));
      lines.push(...(block.kind === 'bullet' ? hang([{ text: '• ' }], segs, width) : wrap(segs, width)));
    }
  }
  return lines;
}
