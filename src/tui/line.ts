/**
 * Lines of styled segments: what every part of the screen is built from before Ink draws it. Pure
 * helpers here wrap and cut lines to a width, so each part's height is known before it is drawn.
 */
import { fitWidth, textWidth } from './text-width.js';
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

/** Word-wraps styled segments to `width`, continuing lines with `indent`. */
export function wrap(segs: Line, width: number, indent = ''): Line[] {
  const lines: Line[] = [];
  let current: Line = [];
  let used = 0;
  // Where the text of the current line starts: 0 on the first line, after the indent on the others.
  let start = 0;
  const push = () => {
    lines.push(current);
    current = indent ? [{ text: indent }] : [];
    used = start = textWidth(indent);
  };
  for (const seg of segs) {
    for (const word of seg.text.split(/(\s+)/)) {
      if (word === '') continue;
      const w = textWidth(word);
      if (/^\s+$/.test(word)) {
        if (used > start && used + w <= width) {
          current.push({ ...seg, text: word });
          used += w;
        }
        continue;
      }
      if (used + w > width && used > start) {
        // Drop the space that ended the previous line.
        const last = current[current.length - 1];
        if (last && /^\s+$/.test(last.text)) current.pop();
        push();
      }
      // A word longer than a whole line (a long path) is broken across lines, never cut.
      let rest = word;
      while (textWidth(rest) > width - used) {
        const part = fitWidth(rest, Math.max(1, width - used));
        current.push({ ...seg, text: part });
        rest = rest.slice(part.length);
        push();
      }
      if (rest) {
        current.push({ ...seg, text: rest });
        used += textWidth(rest);
      }
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
