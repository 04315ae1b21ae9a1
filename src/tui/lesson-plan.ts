/**
 * The lesson screen, planned as lines before anything is drawn: which parts get how many rows at
 * this terminal size, and whether the Host and Container panes stand side by side (wide) or one
 * above the other (narrow). Pure; the components only draw the plan.
 *
 * What must stay on screen, whatever the size: the input and feedback (the predict question or its
 * verdict and reveal, the your-turn task, hints and the answer being typed, the message), and the
 * facts the step teaches (its `teaches:` columns, rows, notes, output lines and calls). The step's
 * prose scrolls (↑↓) when it does not fit; the other rows and lines give way first.
 */
import type { Lesson } from '../lessons/types.js';
import { CHECKS } from '../lessons/checks/index.js';
import { comparable } from '../lessons/pane-pair.js';
import { presentTemplate } from '../lessons/templates.js';
import { t } from '../i18n/index.js';
import type { MessageId } from '../i18n/index.js';
import { allocate } from './allocate.js';
import { cut, lineWidth, plain } from './line.js';
import type { Line } from './line.js';
import { canMerge, mergedLines } from './merged-lines.js';
import { markdownLines } from './text-lines.js';
import { TAUGHT, messageLines, pickLines, predictLines, primitiveLines, yourTurnLines } from './step-lines.js';
import type { LabState, LessonState } from './state.js';
import { afterRunPane, runningPane } from './live-pane.js';
import { paneBlock, paneMin, sameHeight } from './pane-block.js';
import { paneLines } from './view-lines.js';
import type { PaneLines } from './view-lines.js';

/** At this width and above the two panes stand side by side. */
export const SIDE_BY_SIDE = 100;

/** Prose wider than about 100 columns is hard to read, however wide the terminal. */
const PROSE = 100;

export interface LessonPlan {
  header: Line;
  text: Line[];
  /** `--presenter`: the step's facilitator notes, muted, under its text (the first part to give way). */
  notes: Line[];
  extra: Line[];
  events: Line[];
  /** Side by side: `host` and `container` are columns of equal height; else stacked. */
  sideBySide: boolean;
  paneWidth: number;
  host: Line[];
  container: Line[];
  message: Line[];
  footer: Line;
}

/** The lines of a part in `height` rows: the first ones, and a last line saying how many more. */
function fitLines(lines: Line[], height: number): Line[] {
  if (lines.length <= height) return lines;
  if (height <= 0) return [];
  return [...lines.slice(0, height - 1), plain(t('tui.lesson.more-lines', { count: lines.length - height + 1 }), 'muted')];
}

/** The words after a key in the footer (`Enter run`); the language key has a value of its own. */
type FooterWord = Exclude<Extract<MessageId, `tui.key.${string}`>, 'tui.key.language'>;

/**
 * Key hints for the footer, most useful first: all of them when they fit; else `u`, `Esc` and `g`
 * give way (all are under `?`), and only then do the keys close up.
 */
function footerFor(l: LessonState, hasTurn: boolean, width: number): Line {
  const hint: [string, FooterWord][] = hasTurn ? [['h', 'tui.key.hint']] : [];
  const all: [string, FooterWord][] =
    l.running !== undefined
      ? [
          ['Esc', 'tui.key.cancel'],
          ['q', 'tui.key.quit'],
        ]
      : l.jump !== undefined
        ? [
            ['0-9', 'tui.key.step-number'],
            ['Enter', 'tui.key.go'],
            ['Esc', 'tui.key.close'],
          ]
        : l.answering
          ? [['0-9', 'tui.key.type'], ['Enter', 'tui.key.check'], ...hint, ['Esc', 'tui.key.close']]
          : [
              ['Enter', 'tui.key.run'],
              ['←→', 'tui.key.steps'],
              ['g', 'tui.key.go-to'],
              ...hint,
              ...(hasTurn ? [['x', 'tui.key.solution'] as [string, FooterWord]] : []),
              ['s', 'tui.key.shell'],
              ['e', 'tui.key.what-ran'],
              ['u', 'tui.key.undo'],
              ['r', 'tui.key.reset'],
              ['Esc', 'tui.key.lessons'],
              ['?', 'tui.key.help'],
              ['q', 'tui.key.quit'],
            ];
  const line = (keys: [string, FooterWord][], gap: string): Line =>
    keys.flatMap(([k, id], i) => [{ text: k, tone: 'key' as const }, { text: ` ${t(id)}${i < keys.length - 1 ? gap : ''}` }]);
  // Keys that are also under `?` give way first, one by one, before the keys close up to one space
  // (pairs of key and word are hard to tell apart then): `? help` and `q quit` stay on screen.
  const spares = l.answering || l.jump !== undefined ? [] : ['u', 'Esc', 'g'];
  let keys = all;
  for (const spare of [undefined, ...spares]) {
    keys = spare ? keys.filter(([k]) => k !== spare) : keys;
    const wide = line(keys, '  ');
    if (lineWidth(wide) <= width) return wide;
  }
  return cut(line(keys, ' '), width);
}

/** After `g`: the step number being typed, and what happens on Enter. */
function jumpPrompt(typed: string, count: number): Line {
  return [
    { text: `${t('tui.jump.prompt', { count })} `, tone: 'key' },
    { text: typed },
    { text: '▌', tone: 'muted' },
    { text: `   ${t('tui.jump.what')}`, tone: 'muted' },
  ];
}

/** The step's text as the screen shows it: filled, in words where no PID is known, as Markdown lines. */
function stepText(state: LabState, lesson: Lesson): Line[] {
  const l = state.lesson!;
  const text = l.steps[l.index]?.result?.text ?? lesson.steps[l.index]!.text;
  return markdownLines(presentTemplate(text, l.pids ?? {}), Math.min(state.columns, PROSE));
}

/** The step's facilitator notes, in a muted tone, when the lab runs with `--presenter`. */
function notesLines(state: LabState, lesson: Lesson): Line[] {
  const notes = lesson.steps[state.lesson!.index]!.notes;
  if (!state.presenter || !notes) return [];
  const lines = markdownLines(presentTemplate(t('tui.lesson.notes', { notes }), state.lesson!.pids ?? {}), Math.min(state.columns, PROSE));
  return [[], ...lines.map((line) => line.map((seg) => ({ ...seg, tone: 'muted' as const })))];
}

/** How many lines the step's text takes on this screen (for the text's scroll offset). */
export function textLines(state: LabState, lesson: Lesson): number {
  return stepText(state, lesson).length;
}

export function planLesson(state: LabState, lesson: Lesson, now: number, mono: boolean): LessonPlan {
  const l = state.lesson!;
  const step = lesson.steps[l.index]!;
  const s = l.steps[l.index];
  const width = state.columns;
  const prose = Math.min(width, PROSE);
  const pids = l.pids ?? {};
  const doneIds = new Set(state.progress.lessons[lesson.id]?.done ?? []);
  const marks = lesson.steps.map((st, i) => (i === l.index ? '◆' : doneIds.has(st.id) ? '●' : '○')).join('');
  // Said before the step title, which is what a narrow terminal cuts.
  const skipped = state.lessons.find((e) => e.id === lesson.id)?.skipped?.count ?? 0;
  const header = cut(
    [
      { text: `${lesson.title}`, tone: 'title' },
      { text: `  ${marks}  `, tone: 'muted' },
      ...(skipped ? [{ text: t('tui.lesson.skipped-here', { count: skipped }), tone: 'muted' as const }] : []),
      { text: `${l.index + 1}/${lesson.steps.length} · ${step.title}`, tone: 'heading' },
    ],
    width,
  );
  const running = l.running === l.index ? { elapsedMs: now - (l.runningSince ?? now) } : undefined;
  const prompt = (step.yourTurn && CHECKS[step.yourTurn.check]?.prompt) || t('tui.lesson.answer');
  const text = stepText(state, lesson);
  const notes = notesLines(state, lesson);
  const extra = [...predictLines(step, s, prose), ...yourTurnLines(step, s, l.answering, prompt, prose)];
  const shell = presentTemplate(s?.result?.shell ?? step.shell, pids, true);
  const eventsBody = primitiveLines(step, s, running, width, l.eventsExpanded);
  const eventsTitle = cut(
    [
      { text: t('tui.lesson.what-ran'), tone: 'heading' },
      { text: t('tui.lesson.by-hand', { command: shell }), tone: 'muted' },
    ],
    width,
  );
  const message = l.jump === undefined ? messageLines(s, state.message, width) : [jumpPrompt(l.jump, lesson.steps.length)];
  const footer = footerFor(l, Boolean(step.yourTurn), width);

  // Rows to share: the whole height but one (Ink redraws the whole screen when output fills it).
  const rest = state.rows - 1 - 2 - message.length;
  if (l.eventsExpanded) {
    const all = eventsBody.map((e) => e.line);
    const room = Math.max(1, rest - 2);
    const from = Math.min(l.eventsOffset ?? 0, Math.max(0, all.length - room));
    const where = plain(
      all.length > room
        ? t('tui.lesson.events-scroll', { from: from + 1, to: Math.min(all.length, from + room), total: all.length })
        : t('tui.lesson.events-back'),
      'muted',
    );
    return {
      header,
      text: [],
      notes: [],
      extra: [],
      events: [eventsTitle, ...all.slice(from, from + room), where],
      sideBySide: false,
      paneWidth: width,
      host: [],
      container: [],
      message,
      footer,
    };
  }

  const hostPane = s?.check?.host ?? s?.result?.host;
  const containerPane = s?.check?.container ?? s?.result?.container;
  const teaches = step.teaches;
  const labels = { host: step.host?.label ?? t('tui.lesson.host'), container: step.container?.label ?? t('tui.lesson.container') };
  const pane = (
    label: string,
    wanted: boolean,
    got: Parameters<typeof paneLines>[1],
    paneWidth: number,
    facts: Parameters<typeof paneLines>[4],
  ): PaneLines => {
    if (!wanted)
      return {
        title: cut(
          [
            { text: label, tone: 'heading' },
            { text: t('tui.lesson.side-unused'), tone: 'muted' },
          ],
          paneWidth,
        ),
        body: [],
      };
    if (!got)
      return {
        title: plain(label, 'heading'),
        body: [plain(s?.result?.status === 'skipped' ? t('tui.lesson.not-read-skipped') : t('tui.lesson.not-read-yet'), 'muted')],
      };
    return paneLines(label, got, paneWidth, mono, facts);
  };
  const build = (paneWidth: number) => {
    const host =
      running && step.live && l.live?.index === l.index
        ? runningPane(l.live.samples, l.live.title, step.live.everyMs, paneWidth)
        : afterRunPane(
            s?.check ? undefined : s?.result,
            pane(labels.host, Boolean(step.host), hostPane, paneWidth, teaches?.host),
            paneWidth,
          );
    const container = pane(labels.container, Boolean(step.container), containerPane, paneWidth, teaches?.container);
    return { host, container };
  };
  // Side by side when the terminal is wide and both panes have something to show; then each gets
  // half the width. A value the step teaches that would have to wrap there, but fits the whole
  // width, puts the panes one above the other instead.
  const half = Math.floor((width - 3) / 2);
  const halves = width >= SIDE_BY_SIDE && step.host && step.container ? build(half) : undefined;
  const wrapsInHalf = Boolean(halves && (halves.host.wrapped || halves.container.wrapped));
  const whole = !halves || wrapsInHalf ? build(width) : undefined;
  const sideBySide = Boolean(halves) && !(wrapsInHalf && !whole!.host.wrapped && !whole!.container.wrapped);
  const paneWidth = sideBySide ? half : width;
  const { host, container } = sideBySide ? halves! : whole!;

  const merged =
    !sideBySide &&
    !step.live &&
    comparable(step.host, step.container) &&
    canMerge(hostPane, containerPane) &&
    hostPane?.ok &&
    containerPane?.ok
      ? mergedLines(hostPane, containerPane, labels, width, mono, { host: teaches?.host, container: teaches?.container })
      : undefined;
  const mergedPane: PaneLines | undefined = merged && { title: merged.lines[0]!, body: merged.lines.slice(1), keep: merged.keep.slice(1) };
  // Stacked, a step with no container view gives that row to the host pane: a line saying
  // "nothing here" is worth a row only beside the host pane, not under it.
  const noContainer = !sideBySide && !step.container;
  const hostWant = mergedPane ? 1 + mergedPane.body.length : 1 + host.body.length;
  const containerWant = mergedPane || noContainer ? 0 : 1 + container.body.length;
  const hostMin = paneMin(mergedPane ?? host);
  const containerMin = mergedPane || noContainer ? { min: 0, floor: 0 } : paneMin(container);
  const panesWant = sideBySide ? Math.max(hostWant, containerWant) : hostWant + containerWant;
  const taughtEvents = eventsBody.filter((e) => e.weight >= TAUGHT).length;
  const taughtRows = taughtEvents + (taughtEvents && taughtEvents < eventsBody.length ? 1 : 0);
  const both = (pick: 'min' | 'floor') => (sideBySide ? Math.max(hostMin[pick], containerMin[pick]) : hostMin[pick] + containerMin[pick]);
  const rows = allocate(rest, {
    // The prose scrolls: three lines and the line saying how to scroll.
    text: { want: text.length, min: Math.min(text.length, 4) },
    // The notes take only the rows nothing else wants: they are the first to give way.
    notes: { want: notes.length, min: 0 },
    extra: { want: extra.length, min: extra.length },
    events: { want: 1 + eventsBody.length, min: 1 + Math.min(eventsBody.length, Math.max(taughtRows, 3)), floor: 1 + taughtRows },
    panes: { want: panesWant, min: both('min'), floor: both('floor') },
  });
  // Stacked panes share their rows in proportion to what each wants, each keeping its minimum.
  const share = Math.round((rows.panes * hostWant) / Math.max(1, panesWant));
  const enough = rows.panes >= both('min');
  const hostLeast = enough ? hostMin.min : hostMin.floor;
  const containerLeast = enough ? containerMin.min : containerMin.floor;
  const hostRows = sideBySide || mergedPane ? rows.panes : Math.max(hostLeast, Math.min(share, rows.panes - containerLeast));
  const containerRows = sideBySide ? rows.panes : rows.panes - hostRows;
  const panes = mergedPane
    ? { host: paneBlock(mergedPane, rows.panes, width), container: [] }
    : sameHeight(paneBlock(host, hostRows, paneWidth), noContainer ? [] : paneBlock(container, containerRows, paneWidth), sideBySide);
  return {
    header,
    text: scrolled(text, rows.text, l.textOffset ?? 0),
    // Cut short, the notes drop the blank line above them before any of their words.
    notes: fitLines(rows.notes < notes.length ? notes.slice(1) : notes, rows.notes),
    extra,
    events: [
      eventsTitle,
      ...pickLines(
        eventsBody.map((e) => ({ ...e, line: cut(e.line, width) })),
        rows.events - 1,
        (count) => t('tui.lesson.more-events', { count }),
      ),
    ],
    sideBySide,
    paneWidth,
    ...panes,
    message,
    footer,
  };
}

/** The prose in `height` rows: from `offset`, with a last line saying where and how to scroll. */
function scrolled(lines: Line[], height: number, offset: number): Line[] {
  if (lines.length <= height) return lines;
  if (height <= 1) return fitLines(lines, height);
  const room = height - 1;
  const from = Math.max(0, Math.min(offset, lines.length - room));
  const cue = plain(t('tui.lesson.text-scroll', { from: from + 1, to: from + room, total: lines.length }), 'muted');
  return [...lines.slice(from, from + room), cue];
}
