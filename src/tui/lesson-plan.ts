/**
 * The lesson screen, planned as lines before anything is drawn: which parts get how many rows at
 * this terminal size, and whether the Host and Container panes stand side by side (wide) or one
 * above the other (narrow). Pure; the components only draw the plan.
 */
import type { Lesson } from '../lessons/types.js';
import { CHECKS } from '../lessons/checks/index.js';
import { comparable } from '../lessons/pane-pair.js';
import { allocate } from './allocate.js';
import { cut, plain } from './line.js';
import type { Line } from './line.js';
import { canMerge, mergedLines } from './merged-lines.js';
import { markdownLines } from './text-lines.js';
import { messageLines, pickLines, predictLines, primitiveLines, yourTurnLines } from './step-lines.js';
import type { LabState, LessonState } from './state.js';
import { afterRunPane, runningPane } from './live-pane.js';
import { paneLines } from './view-lines.js';
import type { PaneLines } from './view-lines.js';

/** At this width and above the two panes stand side by side. */
export const SIDE_BY_SIDE = 100;

export interface LessonPlan {
  header: Line;
  text: Line[];
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

function fit(lines: Line[], height: number, what: string): Line[] {
  if (lines.length <= height) return lines;
  if (height <= 0) return [];
  return [...lines.slice(0, height - 1), plain(`… ${lines.length - height + 1} more ${what}`, 'muted')];
}

function paneBlock(p: PaneLines, height: number): Line[] {
  return [p.title, ...fit(p.body, height - 1, 'rows (a wider or taller terminal shows them)')];
}

/** Key hints for the footer, most useful first; the ones that do not fit are left out (? lists all). */
/** Side by side, both columns get the same number of lines, so the separator runs the full height. */
function sameHeight(host: Line[], container: Line[], sideBySide: boolean): { host: Line[]; container: Line[] } {
  if (!sideBySide) return { host, container };
  const rows = Math.max(host.length, container.length);
  const padTo = (lines: Line[]) => [...lines, ...Array.from({ length: rows - lines.length }, (): Line => [])];
  return { host: padTo(host), container: padTo(container) };
}

function footerFor(l: LessonState, hasTurn: boolean, width: number): Line {
  const keys: [string, string][] = l.running !== undefined
    ? [['Esc', 'cancel'], ['q', 'quit']]
    : l.answering
      ? [['0-9', 'type'], ['Enter', 'check'], ['Esc', 'close']]
      : [['Enter', 'run'], ['←→', 'steps'], ...(hasTurn ? [['h', 'hint'] as [string, string]] : []), ['s', 'shell'], ['?', 'help'], ['q', 'quit'], ['r', 'reset'], ['Esc', 'lessons'], ['e', 'primitives']];
  const line: Line = [];
  let used = 0;
  for (const [k, what] of keys) {
    const w = k.length + what.length + 3;
    if (used + w > width) break;
    line.push({ text: k, tone: 'key' }, { text: ` ${what}  ` });
    used += w;
  }
  return line;
}

export function planLesson(state: LabState, lesson: Lesson, now: number, mono: boolean): LessonPlan {
  const l = state.lesson!;
  const step = lesson.steps[l.index]!;
  const s = l.steps[l.index];
  const width = state.columns;
  const doneIds = new Set(state.progress.lessons[lesson.id]?.done ?? []);
  const marks = lesson.steps.map((st, i) => (i === l.index ? '◆' : doneIds.has(st.id) ? '●' : '○')).join('');
  // Said before the step title, which is what a narrow terminal cuts.
  const skipped = state.lessons.find((e) => e.id === lesson.id)?.skipped?.count ?? 0;
  const header = cut([
    { text: `${lesson.title}`, tone: 'title' }, { text: `  ${marks}  ` , tone: 'muted' },
    ...(skipped ? [{ text: `${skipped} skipped on this host · `, tone: 'muted' as const }] : []),
    { text: `${l.index + 1}/${lesson.steps.length} · ${step.title}`, tone: 'heading' },
  ], width);
  const running = l.running === l.index ? { elapsedMs: now - (l.runningSince ?? now) } : undefined;
  const prompt = step.yourTurn ? CHECKS[step.yourTurn.check]?.prompt ?? 'answer' : 'answer';
  // Text wider than about 100 columns is hard to read, however wide the terminal.
  const text = markdownLines(s?.result?.text ?? step.text, Math.min(width, 100));
  const extra = [...predictLines(step, s, width), ...yourTurnLines(step, s, l.answering, prompt, width)];
  const shell = s?.result?.shell ?? step.shell;
  const eventsBody = primitiveLines(step, s, running, width, l.eventsExpanded);
  const eventsTitle = cut([{ text: '── What ran', tone: 'heading' }, { text: `  · by hand: ${shell}`, tone: 'muted' }], width);
  const message = messageLines(s, state.message, width);
  const footer = footerFor(l, Boolean(step.yourTurn), width);

  // Rows to share: the whole height but one (Ink redraws the whole screen when output fills it).
  const rest = state.rows - 1 - 2 - message.length;
  const sideBySide = width >= SIDE_BY_SIDE;
  const paneWidth = sideBySide ? Math.floor((width - 3) / 2) : width;
  const pane = (label: string, wanted: boolean, got: Parameters<typeof paneLines>[1]): PaneLines => {
    if (!wanted) return { title: plain(label, 'heading'), body: [plain(`This step shows nothing from the ${label.toLowerCase()} side.`, 'muted')] };
    if (!got) return { title: plain(label, 'heading'), body: [plain(s?.result?.status === 'skipped' ? 'Not read: this step was skipped on this host.' : 'Not read yet: the step fills this pane when it runs.', 'muted')] };
    return paneLines(label, got, paneWidth, mono);
  };
  const host = running && step.live && l.live?.index === l.index
    ? runningPane(l.live.samples, l.live.title, step.live.everyMs, paneWidth)
    : afterRunPane(s?.check ? undefined : s?.result, pane(step.host?.label ?? 'Host', Boolean(step.host), s?.check?.host ?? s?.result?.host), paneWidth);
  const container = pane(step.container?.label ?? 'Container', Boolean(step.container), s?.check?.container ?? s?.result?.container);
  const eventLinesCut = eventsBody.map((e) => ({ ...e, line: cut(e.line, width) }));
  if (l.eventsExpanded) {
    const all = eventsBody.map((e) => e.line);
    const room = Math.max(1, rest - 2);
    const from = Math.min(l.eventsOffset ?? 0, Math.max(0, all.length - room));
    const where = plain(all.length > room ? `lines ${from + 1}-${Math.min(all.length, from + room)} of ${all.length} · ↑↓ scroll · e or Esc: back` : 'e or Esc: back', 'muted');
    return { header, text: [], extra: [], events: [eventsTitle, ...all.slice(from, from + room), where], sideBySide, paneWidth, host: [], container: [], message, footer };
  }
  const hostPane = s?.check?.host ?? s?.result?.host;
  const containerPane = s?.check?.container ?? s?.result?.container;
  const labels = { host: step.host?.label ?? 'Host', container: step.container?.label ?? 'Container' };
  const merged = !sideBySide && !step.live && comparable(step.host, step.container) && canMerge(hostPane, containerPane) && hostPane?.ok && containerPane?.ok ? mergedLines(hostPane, containerPane, labels, width, mono) : undefined;
  const hostWant = merged ? merged.length : 1 + host.body.length;
  const containerWant = merged ? 0 : 1 + container.body.length;
  const panesWant = sideBySide ? Math.max(hostWant, containerWant) : hostWant + containerWant;
  const rows = allocate(rest, {
    text: { want: text.length, min: Math.min(text.length, 4) },
    extra: { want: extra.length, min: Math.min(extra.length, 3) },
    events: { want: 1 + eventsBody.length, min: 1 + Math.min(eventsBody.length, 3) },
    panes: { want: panesWant, min: sideBySide ? Math.min(panesWant, 4) : Math.min(hostWant, 3) + Math.min(containerWant, 3) },
  });
  // Stacked panes share their rows in proportion to what each wants.
  const share = Math.round((rows.panes * hostWant) / Math.max(1, panesWant));
  const hostRows = sideBySide || merged ? rows.panes : Math.max(Math.min(hostWant, 3), Math.min(share, rows.panes - Math.min(containerWant, 3)));
  const containerRows = sideBySide ? rows.panes : rows.panes - hostRows;
  const panes = merged
    ? { host: fit(merged, rows.panes, 'rows (a taller terminal shows them)'), container: [] }
    : sameHeight(paneBlock(host, hostRows), paneBlock(container, containerRows), sideBySide);
  return {
    header,
    text: fit(text, rows.text, 'lines: make the terminal taller to read them'),
    extra: fit(extra, rows.extra, 'lines'),
    events: [eventsTitle, ...pickLines(eventLinesCut, rows.events - 1, 'lines: press e to see them all')],
    sideBySide,
    paneWidth,
    ...panes,
    message,
    footer,
  };
}
