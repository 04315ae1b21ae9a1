/**
 * The home screen as lines: the lessons found (in order) with the learner's progress, a one-line
 * doctor summary, why a lesson cannot run here, and "continue where you left off".
 */
import { LANGUAGE_NAMES, language, t } from '../i18n/index.js';
import { cut, plain, wrap } from './line.js';
import type { Line } from './line.js';
import { homeRows } from './state.js';
import type { LabState } from './state.js';
import { padText, textWidth } from '../i18n/text-width.js';

export function planHome(state: LabState): { lines: Line[]; footer: Line } {
  const width = state.columns;
  const lines: Line[] = [
    cut(
      [
        { text: 'container-lab', tone: 'title' },
        { text: `  ${t('tui.home.tagline')}`, tone: 'muted' },
      ],
      width,
    ),
    cut(plain(state.doctorLine, state.findings?.some((f) => f.status === 'fail') ? 'bad' : 'muted'), width),
    [],
  ];
  const titleWidth = Math.max(...state.lessons.map((l) => textWidth(l.title)), 10);
  homeRows(state).forEach((row, i) => {
    const lesson = state.lessons.find((l) => l.id === row.id)!;
    const selected = i === state.selected;
    const pointer = { text: selected ? ' › ' : '   ', tone: 'key' as const };
    if (row.kind === 'continue') {
      const where = { lesson: lesson.title, step: row.step + 1, steps: lesson.steps };
      const label = row.next ? t('tui.home.next', where) : t('tui.home.continue', where);
      lines.push(cut([pointer, { text: label, tone: selected ? 'selected' : 'strong' }], width), []);
      return;
    }
    const done = state.progress.lessons[row.id]?.done.length ?? 0;
    const mark = done >= lesson.steps ? '✓' : `${done}/${lesson.steps}`;
    const n = state.lessons.indexOf(lesson) + 1;
    lines.push(
      cut(
        [
          pointer,
          { text: `${String(n).padStart(2)}  ${padText(lesson.title, titleWidth)}`, tone: selected ? 'selected' : 'heading' },
          { text: `  ${mark.padEnd(6)}`, tone: done >= lesson.steps ? 'ok' : 'muted' },
          { text: lesson.summary, tone: 'muted' },
        ],
        width,
      ),
    );
    if (lesson.blocked)
      lines.push(
        ...wrap(plain(t('tui.home.blocked', { why: lesson.blocked }), 'bad'), width - 8, '        ').map((l) => [
          { text: '        ' },
          ...l,
        ]),
      );
    else if (lesson.skipped?.count) lines.push(cut([{ text: '        ' }, { text: skippedLine(lesson.skipped), tone: 'muted' }], width));
  });
  if (state.lessons.length === 0) lines.push(plain(`   ${t('tui.home.no-lessons')}`, 'bad'));
  lines.push([]);
  if (state.message) lines.push(...wrap(plain(state.message.text, state.message.tone === 'bad' ? 'bad' : undefined), width));
  const footer = cut(
    [
      { text: 'Enter', tone: 'key' },
      { text: ` ${t('tui.key.open')}  ` },
      { text: '↑↓', tone: 'key' },
      { text: ` ${t('tui.key.choose')}  ` },
      { text: 'l', tone: 'key' },
      { text: ` ${t('tui.key.language', { name: LANGUAGE_NAMES[language()] })}  ` },
      { text: '?', tone: 'key' },
      { text: ` ${t('tui.key.help')}  ` },
      { text: 'q', tone: 'key' },
      { text: ` ${t('tui.key.quit')}` },
    ],
    width,
  );
  return { lines: lines.slice(0, Math.max(1, state.rows - 2)), footer };
}

/** "1 step will be skipped on this host (`apt install nftables` lets it run)". */
export function skippedLine(skipped: { count: number; fix?: string }): string {
  const { count, fix } = skipped;
  return fix ? t('tui.home.skipped', { count, fix }) : t('tui.home.skipped-why', { count });
}

/** The help screen: every key, and how to read the panes. */
export function helpLines(width: number): Line[] {
  const key = (k: string, what: string): Line[] => wrap([{ text: padText(k, 10), tone: 'key' }, { text: what }], width, ' '.repeat(10));
  return [
    plain(t('tui.help.keys'), 'title'),
    ...key('Enter', t('tui.help.enter')),
    ...key('← → p n', t('tui.help.steps')),
    ...key('g', t('tui.help.go-to')),
    ...key('1-5', t('tui.help.predict')),
    ...key('h', t('tui.help.hint')),
    ...key('↑ ↓', t('tui.help.scroll')),
    ...key('s', t('tui.help.shell')),
    ...key('x', t('tui.help.solution')),
    ...key('u / r', t('tui.help.undo-reset')),
    ...key('e', t('tui.help.events')),
    ...key('Esc', t('tui.help.escape')),
    ...key('l', t('tui.help.language')),
    ...key('q', t('tui.help.quit')),
    [],
    plain(t('tui.help.panes'), 'title'),
    ...wrap(plain(t('tui.help.sides')), width),
    ...wrap(
      [{ text: '≠ ', tone: 'changed' }, { text: `${t('tui.help.differs')} ` }, { text: '+ ', tone: 'only' }, { text: t('tui.help.only') }],
      width,
    ),
    ...wrap(plain(t('tui.help.what-ran')), width),
    plain(t('tui.help.back'), 'muted'),
  ];
}

/** Shown instead of the lab when the terminal is too small. */
export function tooSmallLines(columns: number, rows: number): Line[] {
  return wrap(plain(t('tui.too-small', { columns, rows }), 'bad'), Math.max(20, columns));
}
