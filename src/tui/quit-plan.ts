/**
 * The screen while the lab quits: everything it made, newest first (the order it is removed in),
 * each ticked off as the ledger crosses it off, so the learner sees what is being removed.
 */
import { t } from '../i18n/index.js';
import { cut, plain } from './line.js';
import type { Line } from './line.js';
import type { LabState } from './state.js';

export function quitLines(state: LabState): Line[] {
  const items = state.teardown ?? [];
  const left = items.filter((i) => !i.done).length;
  const head =
    items.length === 0
      ? plain(t('tui.quit.nothing'), 'heading')
      : plain(
          left
            ? t('tui.quit.removing', { done: items.length - left, total: items.length })
            : t('tui.quit.removed', { count: items.length }),
          'heading',
        );
  const room = Math.max(1, state.rows - 3);
  const shown = items.length > room ? [...items.filter((i) => !i.done), ...items.filter((i) => i.done)].slice(0, room - 1) : items;
  const lines = shown.map((i) =>
    cut(
      [
        { text: i.done ? '  ✓ ' : '  · ', tone: i.done ? 'ok' : 'muted' },
        { text: i.what, tone: i.done ? 'muted' : undefined },
      ],
      state.columns,
    ),
  );
  if (shown.length < items.length) lines.push(plain(t('tui.quit.more', { count: items.length - shown.length }), 'muted'));
  return [head, ...lines];
}
