/**
 * Planned lines as a string of text with ANSI styles, for the first frame, which the lab writes
 * before Ink (and React, and the layout engine) have loaded. Ink then draws the same lines in place.
 */
import type { Line } from './line.js';
import type { Style, Theme } from './theme.js';

const COLOURS: Record<string, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37 };

function sgr(style: Style, text: string): string {
  const on: number[] = [];
  const off: number[] = [];
  if (style.bold) on.push(1), off.push(22);
  if (style.dimColor) on.push(2), off.push(22);
  if (style.inverse) on.push(7), off.push(27);
  const colour = style.color ? COLOURS[style.color] : undefined;
  if (colour) on.push(colour), off.push(39);
  return on.length ? `\x1b[${on.join(';')}m${text}\x1b[${off.join(';')}m` : text;
}

/** The lines, each ended by "erase to the end of the line", joined with CR LF (the terminal is raw). */
export function ansiFrame(lines: readonly Line[], theme: Theme): string {
  return lines.map((line) => `${line.map((seg) => sgr(theme.style(seg.tone), seg.text)).join('')}\x1b[K`).join('\r\n');
}
