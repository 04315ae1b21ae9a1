/**
 * Checked by `tsc`, not run: the placeholders a message's text names are the values `t()` takes.
 * Each `@ts-expect-error` line must stay an error, or tsc fails on the unused directive.
 */
import type { MessageArgs } from '../../src/i18n/args.js';
import { t } from '../../src/i18n/index.js';

type Mixed = MessageArgs<'{count, plural, one {# check on {host}} other {# checks}} {kind, select, a {A {n, number}} other {O}} {name}'>;
export const mixed: Mixed = { count: 1, host: 'h', kind: 'a', n: 2, name: 'x' };
// @ts-expect-error a placeholder inside a plural case is still required
export const missingNested: Mixed = { count: 1, kind: 'a', n: 2, name: 'x' };
// @ts-expect-error a plural's value is a number
export const wrongKind: Mixed = { count: '1', host: 'h', kind: 'a', n: 2, name: 'x' };
export const none: MessageArgs<'no values here'> = {};

export const ok = t('tui.home.blocked', { why: 'no overlayfs' });
// @ts-expect-error a misspelt placeholder
export const misspelt = t('tui.home.blocked', { reason: 'no overlayfs' });
// @ts-expect-error an id no catalogue has
export const unknownId = t('tui.home.nothing');
// @ts-expect-error a message with placeholders needs its values
export const noValues = t('tui.home.blocked');
// @ts-expect-error a value the message does not name
export const extra = t('tui.home.no-lessons', { dir: '/tmp' });
