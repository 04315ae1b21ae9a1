/**
 * What a lesson screen must show, checked on the frame Ink drew: nothing wider or taller than the
 * terminal (in cells: a Chinese character takes two), no `{host:…}` placeholder, the facts the step
 * declares in `teaches:` visible and whole (no `…` inside a declared column), and the input and
 * feedback of predict and your-turn steps. In Chinese, also the prose: no line starting with
 * closing punctuation, and no English sentence left in it.
 */
import type { Pane, StepResult } from '../../src/lessons/engine/results.js';
import { eventLines } from '../../src/lessons/event-lines.js';
import type { PaneFacts, Step } from '../../src/lessons/types.js';
import { englishRuns } from '../../src/lessons/validate-translation.js';
import type { LessonPlan } from '../../src/tui/lesson-plan.js';
import type { Line } from '../../src/tui/line.js';
import { shortenPaths } from '../../src/tui/step-lines.js';
import { splitGraphemes, textWidth } from '../../src/i18n/text-width.js';

/** Where each part of the plan lies in the frame. */
export interface Regions {
  text: string[];
  notes: string[];
  extra: string[];
  events: string[];
  host: string[];
  container: string[];
  message: string[];
  all: string[];
}

export function regions(frame: string, plan: LessonPlan): Regions {
  const lines = frame.split('\n');
  let at = 1;
  const take = (n: number) => {
    const part = lines.slice(at, at + n);
    at += n;
    return part;
  };
  const text = take(plan.text.length);
  const notes = take(plan.notes.length);
  const extra = take(plan.extra.length);
  const events = take(plan.events.length);
  let host: string[];
  let container: string[];
  if (plan.sideBySide) {
    const rows = take(plan.host.length);
    host = rows.map((l) => cells(l, 0, plan.paneWidth));
    container = rows.map((l) => cells(l, plan.paneWidth + 3));
  } else {
    host = take(plan.host.length);
    container = take(plan.container.length);
    // Two key/value panes share one table on a narrow screen: both are read there.
    if (plan.container.length === 0) container = host;
  }
  return { text, notes, extra, events, host, container, message: take(plan.message.length), all: lines };
}

/** The characters of `line` in terminal cells [from, to): a Chinese character takes two. */
function cells(line: string, from: number, to = Infinity): string {
  let at = 0;
  let out = '';
  for (const g of splitGraphemes(line)) {
    if (at >= from && at < to) out += g;
    at += textWidth(g);
  }
  return out;
}

/** The words of `text`, split where the layout may wrap it (spaces, after `/` and `,`). */
function pieces(text: string): string[] {
  return (
    text
      .split(/\s+|(?<=[/,])/)
      // Markup goes (a Chinese sentence holds its code spans without spaces around them: 用`ps`看).
      .map((p) => p.replace(/[*`]/g, ''))
      .filter((p) => p.length > 0)
  );
}

/** The pieces of `text` that `lines` do not show. */
export function missing(text: string, lines: readonly string[]): string[] {
  // A word can also continue on the next line, where the layout wrapped styled text.
  // Markup is compared without its marks: some parts draw code spans with their backticks.
  const bare = lines.map((l) => l.replace(/[*`]/g, ''));
  const shown = `${bare.join('\n')}\n${bare.map((l) => l.trim()).join('')}`;
  return pieces(text).filter((p) => !shown.includes(p));
}

/** Problems with the frame as a whole. */
export function frameProblems(frame: string, columns: number, rows: number): string[] {
  const lines = frame.split('\n');
  const problems: string[] = [];
  if (lines.length > rows) problems.push(`${lines.length} lines on a ${rows}-row terminal`);
  const wide = lines.find((l) => textWidth(l) > columns);
  if (wide) problems.push(`a line ${textWidth(wide)} columns wide: ${wide}`);
  const placeholder = frame.match(/\{(host|inside):[^}]*\}/);
  if (placeholder) problems.push(`a placeholder is shown: ${placeholder[0]}`);
  return problems;
}

/** The columns [from, to) of a column's values, from the header line of a pane. */
function columnSpan(header: string, name: string, others: readonly string[]): [number, number] | undefined {
  const find = (n: string) => {
    const m = new RegExp(`(?<=^|\\s)${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`).exec(header);
    return m ? m.index : -1;
  };
  const from = find(name);
  if (from < 0) return undefined;
  const next = others
    .map(find)
    .filter((i) => i > from)
    .sort((a, b) => a - b)[0];
  return [from, next ?? Infinity];
}

/** True when the line's first cell (after the 2-column gutter) is `name`, or `name` shortened with `…`. */
function namesRow(line: string, name: string): boolean {
  const first = line.slice(2).split(/ {2,}/)[0]!.trim();
  if (first === name) return true;
  const at = first.indexOf('…');
  return at >= 0 && name.startsWith(first.slice(0, at)) && name.endsWith(first.slice(at + 1));
}

/** Problems with one pane's declared facts, shown in `lines` (the pane's part of the frame). */
export function paneProblems(side: string, pane: Pane | undefined, facts: PaneFacts | undefined, lines: readonly string[]): string[] {
  if (!facts || !pane?.ok) return [];
  const { view } = pane;
  const problems: string[] = [];
  const declaredRows =
    facts.rows === 'all' ? view.rows : view.rows.filter((r) => facts.rows.includes(r.key) || facts.rows.includes(r.cells[0] ?? ''));
  if (view.columns) {
    const headerAt = lines.findIndex((l) => facts.columns.every((c) => columnSpan(l, c, view.columns!) !== undefined) && /\S/.test(l));
    if (facts.columns.length && headerAt < 0) problems.push(`${side}: no header line shows the columns ${facts.columns.join(', ')}`);
    for (const name of headerAt < 0 ? [] : facts.columns) {
      const [from, to] = columnSpan(lines[headerAt]!, name, view.columns)!;
      for (const line of lines.slice(headerAt + 1)) {
        if (line.trimStart().startsWith('…')) continue;
        const cell = [...line].slice(from, to === Infinity ? undefined : to).join('');
        if (cell.includes('…')) problems.push(`${side}: "…" inside the declared column ${name}: ${line}`);
      }
      const c = view.columns.indexOf(name);
      for (const row of declaredRows) {
        const lost = missing(row.cells[c] ?? '', lines);
        if (lost.length) problems.push(`${side}: row ${row.key}, column ${name}: ${lost.join(' ')} not shown`);
      }
    }
    for (const row of declaredRows) {
      if (!lines.some((l) => namesRow(l, row.cells[0] ?? ''))) problems.push(`${side}: declared row ${row.key} not shown`);
    }
  } else {
    for (const row of declaredRows) {
      const lost = missing(row.cells.join(' '), lines);
      if (lost.length) problems.push(`${side}: row ${row.key}: ${lost.join(' ')} not shown`);
    }
  }
  if (facts.note && view.note) {
    const lost = missing(view.note, lines);
    if (lost.length) problems.push(`${side}: the note (${lost.join(' ')}) not shown`);
  }
  if (facts.title) {
    const lost = missing(view.title, lines);
    if (lost.length) problems.push(`${side}: the title (${lost.join(' ')}) not shown`);
  }
  return problems;
}

/** Problems with the output lines and calls a step declares, in the "What ran" part. */
export function ranProblems(step: Step, result: StepResult, lines: readonly string[]): string[] {
  const t = step.teaches;
  if (!t) return [];
  const problems: string[] = [];
  const out = result.output;
  const taught = t.output === 'all' ? out : t.output === 'first' ? out.slice(0, 1) : t.output === 'last' ? out.slice(-1) : [];
  for (const line of taught) {
    const lost = missing(line, lines);
    if (lost.length) problems.push(`output line "${line}": ${lost.join(' ')} not shown`);
  }
  for (const e of eventLines(result.events)) {
    if (!t.ran.some((name) => e.text.startsWith(`${name}(`))) continue;
    // Long paths in a call are shortened by design (the full list, `e`, has them whole).
    const lost = missing(shortenPaths(e.text), lines);
    if (lost.length) problems.push(`call "${e.text}": ${lost.join(' ')} not shown`);
  }
  return problems;
}

/** Closing punctuation, which Chinese typesetting never puts at the start of a line. */
const CLOSING = /^[，。、；：！？）」』】》〉]/;

/**
 * The prose of a plan, line by line: the header, the text, the notes, the prompts (predict,
 * your-turn, answer line), the message and the footer; what a learner reads as sentences. Code
 * keeps its backticks: it stays English.
 */
function proseLines(plan: LessonPlan): string[] {
  const lines: Line[] = [plan.header, ...plan.text, ...plan.notes, ...plan.extra, ...plan.message, plan.footer];
  return lines.map((line) => line.map((seg) => (seg.tone === 'code' ? `\`${seg.text}\`` : seg.text)).join(''));
}

/**
 * Problems with a Chinese screen's prose: a line that starts with closing punctuation, a `{name}`
 * no value filled, and a run of three or more English words outside code (lint-lessons' test of a
 * translated text file, with the glossary's `keep` phrases and terms): a sentence the catalogue or
 * the lesson's text file has not translated yet. Panes and "What ran" are kernel output and stay
 * English, so they are not read here.
 */
export function chineseProseProblems(plan: LessonPlan, keep: readonly string[], terms: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of proseLines(plan)) {
    const visible = line.replace(/`/g, '');
    if (CLOSING.test(visible.trimStart())) problems.push(`a line starts with closing punctuation: ${visible}`);
    const unfilled = line.replace(/`[^`]*`/g, ' ').match(/\{[A-Za-z][\w:-]*\}/);
    if (unfilled) problems.push(`a placeholder is shown: ${unfilled[0]} in ${visible}`);
    for (const run of englishRuns(line, keep, terms)) problems.push(`English left in the prose: "${run}" in ${visible}`);
  }
  return problems;
}
