/**
 * Sharing the screen's rows between the parts of the lesson screen. Each part says how many rows it
 * wants and the fewest it can live with; when they do not all fit, parts give rows back in a fixed
 * order: the primitives list first (it can be opened full screen with `e`), then the panes down to
 * what they teach (or a few rows), then the text (it scrolls), then the primitives list and the
 * panes down to their floors (their titles and what they must keep), last the text down to one
 * line and its scroll cue. The predict / your-turn block never gives any back: it is the input.
 * Should the floors still not fit, the primitives list and the panes give up what they keep.
 * The facilitator's notes (`--presenter`) give way before all of these: they take only rows that
 * nothing else wants.
 */

export interface Want {
  want: number;
  min: number;
  /** The last resort, below `min`, when nothing else is left to give. */
  floor?: number;
}

export type Part = 'text' | 'notes' | 'extra' | 'events' | 'panes';

/** Ordered give-back passes: which part shrinks, and down to how many rows in that pass. */
const PASSES: [Part, (w: Want) => number][] = [
  ['notes', () => 0],
  ['events', (w) => w.min],
  ['extra', (w) => w.min],
  ['panes', (w) => w.min],
  ['text', (w) => w.min],
  ['events', (w) => w.floor ?? w.min],
  ['panes', (w) => w.floor ?? w.min],
  ['text', (w) => Math.min(w.min, 2)],
  // Last resort, when even the floors do not fit (a tall verdict and long wrapped paths at 80×24):
  // the screen must never be taller than the terminal, or the header scrolls away. The primitives
  // list keeps its title and the line that says `e` shows it all; a pane keeps its title.
  ['events', () => 2],
  ['panes', () => 2],
];

export function allocate(rows: number, wants: Record<Part, Want>): Record<Part, number> {
  const got: Record<Part, number> = {
    text: wants.text.want,
    notes: wants.notes.want,
    extra: wants.extra.want,
    events: wants.events.want,
    panes: wants.panes.want,
  };
  let over = Object.values(got).reduce((a, b) => a + b, 0) - rows;
  for (const [part, floor] of PASSES) {
    if (over <= 0) break;
    const give = Math.min(over, Math.max(0, got[part] - floor(wants[part])));
    got[part] -= give;
    over -= give;
  }
  return got;
}
