/**
 * Lines of styled segments: what every part of the screen is built from before Ink draws it. Pure
 * helpers here wrap and cut lines to a width, so each part's height is known before it is drawn.
 */
import { breakUnits } from './line-breaks.js';
import { fitWidth, splitGraphemes, textWidth } from '../i18n/text-width.js';
import type { Tone } from './theme.js';

export interface Seg {
  text: string;
  tone?: Tone;
}

export type Line = Seg[];

export function lineWidth(line: Line): number {
  return line.reduce((w, s) => w + textWidth(s.text), 0);
}

/** Cuts a line to `width` columns, ending in `…` when something was cut. */
export function cut(line: Line, width: number): Line {
  if (lineWidth(line) <= width) return line;
  const out: Line = [];
  let room = Math.max(0, width - 1);
  for (const seg of line) {
    if (room <= 0) break;
    const text = fitWidth(seg.text, room);
    if (text) out.push({ ...seg, text });
    room -= textWidth(text);
  }
  out.push({ text: '…', tone: 'muted' });
  return out;
}

/** Pads a line with spaces to exactly `width` columns (cutting it first if needed). */
export function pad(line: Line, width: number): Line {
  const cutLine = cut(line, width);
  const rest = width - lineWidth(cutLine);
  return rest > 0 ? [...cutLine, { text: ' '.repeat(rest) }] : cutLine;
}

/**
 * Wraps styled segments to `width`, continuing lines with `indent`: at spaces, between Chinese
 * characters, never inside a Latin word or a code span, and never before closing punctuation (see
 * line-breaks.ts). Spaces that end a line are dropped.
 */
export function wrap(segs: Line, width: number, indent = ''): Line[] {
  const lines: Line[] = [];
  let current: Line = [];
  let used = 0;
  // Where the text of the current line starts: 0 on the first line, after the indent on the others.
  let start = 0;
  const push = () => {
    while (current.length && /^\s+$/.test(current[current.length - 1]!.text) && used > start) used -= textWidth(current.pop()!.text);
    lines.push(current);
    current = indent ? [{ text: indent }] : [];
    used = start = textWidth(indent);
  };
  const put = (seg: Seg) => {
    current.push(seg);
    used += textWidth(seg.text);
  };
  for (const unit of breakUnits(segs)) {
    if (unit.space) {
      if (used > start && used + unit.width <= width) unit.pieces.forEach(put);
      continue;
    }
    if (used + unit.width > width && used > start) push();
    // A unit longer than a whole line (a long path) is broken across lines, never cut.
    for (const piece of unit.pieces) {
      let rest = piece.text;
      while (textWidth(rest) > width - used) {
        let part = fitWidth(rest, width - used);
        if (!part && used > start) {
          push();
          continue;
        }
        // A line narrower than one wide character still shows it.
        part ||= splitGraphemes(rest)[0]!;
        put({ ...piece, text: part });
        rest = rest.slice(part.length);
        push();
      }
      if (rest) put({ ...piece, text: rest });
    }
  }
  if (current.length) lines.push(current);
  return lines;
}

/** Wraps `segs` beside a hanging `prefix`: the first line starts with it, the others are indented as wide. */
export function hang(prefix: Line, segs: Line, width: number): Line[] {
  const room = Math.max(10, width - lineWidth(prefix));
  const blank = { text: ' '.repeat(lineWidth(prefix)) };
  return wrap(segs, room).map((line, i) => [...(i === 0 ? prefix : [blank]), ...line]);
}

/**
 * `prefix` and the text after it: with a hanging indent when that takes no more lines than running
 * the text on at the full width, which a narrow screen cannot always afford.
 */
export function lead(prefix: Line, segs: Line, width: number): Line[] {
  const hung = hang(prefix, segs, width);
  const flush = wrap([...prefix, ...segs], width);
  return hung.length <= flush.length ? hung : flush;
}

/** A plain line of one tone. */
export function plain(text: string, tone?: Tone): Line {
  return [{ text, tone }];
}
