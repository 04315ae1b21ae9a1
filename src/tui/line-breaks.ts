/**
 * Where a line of mixed Chinese and Latin text may break: the units `wrap` lays out whole.
 *
 * Latin text breaks only at spaces: a word is one unit. Chinese has no spaces, and a line may break
 * between any two of its characters, so each character is a unit of its own; a line may also break
 * where Chinese meets Latin (`容器的PID`). A `code` span is one unit: a command or path is never
 * split unless it is longer than a whole line. And the rule of Chinese (and Japanese) typesetting
 * called kinsoku: closing punctuation (`，。、；：！？）」`) never starts a line and opening
 * punctuation (`（「`) never ends one, so each is glued to the character beside it, and the pair
 * moves to the next line together rather than letting the line run past its width.
 */
import type { Line, Seg } from './line.js';
import { splitGraphemes, textWidth } from '../i18n/text-width.js';

/** A run that is laid out whole: its styled pieces and its width; spaces are units of their own. */
export interface Unit {
  pieces: Seg[];
  width: number;
  space: boolean;
}

/** Punctuation that may not start a line, fullwidth and ASCII. */
const CLOSING = new Set([...'，。、；：！？）」』】〕〉》’”…‥・〜%,.;:!?)]}']);
/** Punctuation that may not end a line. */
const OPENING = new Set([...'（「『【〔〈《‘“([{']);

const isSpace = (g: string) => /^\s+$/.test(g);

/** Whether a line may break between the characters `before` and `after` (`''`: the line's start). */
function breakBetween(before: string, after: string): boolean {
  if (before === '' || isSpace(before) || isSpace(after)) return true;
  if (CLOSING.has(after) || OPENING.has(before)) return false;
  // Two narrow characters are one Latin word (`PID`, `foo,bar`); beside a wide one a line may break.
  return textWidth(before) >= 2 || textWidth(after) >= 2;
}

/** The units of a line of styled segments, in order. */
export function breakUnits(segs: Line): Unit[] {
  const units: Unit[] = [];
  let last = '';
  const add = (seg: Seg, text: string, joins: boolean) => {
    const unit = units[units.length - 1];
    if (joins && unit) {
      const piece = unit.pieces[unit.pieces.length - 1]!;
      if (piece.tone === seg.tone) piece.text += text;
      else unit.pieces.push({ ...seg, text });
      unit.width += textWidth(text);
    } else units.push({ pieces: [{ ...seg, text }], width: textWidth(text), space: isSpace(text) });
  };
  for (const seg of segs) {
    if (!seg.text) continue;
    const gs = splitGraphemes(seg.text);
    if (seg.tone === 'code') {
      add(seg, seg.text, !breakBetween(last, gs[0]!));
      last = gs[gs.length - 1]!;
      continue;
    }
    for (const g of gs) {
      // Spaces in a row are one unit, so a line that ends with them drops them all.
      add(seg, g, isSpace(g) ? isSpace(last) : !breakBetween(last, g));
      last = g;
    }
  }
  return units;
}
