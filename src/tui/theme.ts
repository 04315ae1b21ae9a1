/**
 * Semantic colour tokens: components say what a piece of text is (a difference, a key, an error),
 * and the theme says how that looks. With NO_COLOR set, no colour is used at all; differences still
 * read through their gutter marks (≠ changed, + only on this side) and `*…*` around changed cells.
 */

export type Tone = 'plain' | 'muted' | 'title' | 'heading' | 'code' | 'strong' | 'key' | 'changed' | 'only' | 'ok' | 'bad' | 'selected';

export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

const COLOUR: Record<Tone, Style> = {
  plain: {},
  muted: { dimColor: true },
  title: { bold: true, color: 'cyan' },
  heading: { bold: true },
  code: { color: 'green' },
  strong: { bold: true },
  key: { bold: true, color: 'cyan' },
  changed: { bold: true, color: 'yellow' },
  only: { color: 'magenta' },
  ok: { color: 'green' },
  bad: { bold: true, color: 'red' },
  selected: { inverse: true },
};

const MONO: Record<Tone, Style> = {
  plain: {},
  muted: {},
  title: { bold: true },
  heading: { bold: true },
  code: {},
  strong: { bold: true },
  key: { bold: true },
  changed: { bold: true },
  only: {},
  ok: {},
  bad: { bold: true },
  selected: { inverse: true },
};

export interface Theme {
  /** True when NO_COLOR is set: marks carry the meaning alone. */
  mono: boolean;
  style(tone: Tone | undefined): Style;
}

/** The theme for this environment (https://no-color.org: any non-empty NO_COLOR disables colour). */
export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
  const mono = Boolean(env.NO_COLOR);
  return { mono, style: (tone) => (mono ? MONO : COLOUR)[tone ?? 'plain'] };
}
