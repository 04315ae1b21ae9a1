/**
 * Gives the steps lesson.yaml describes their prose from one text file (`text.md`, or a translation
 * such as `text.zh-CN.md`), and reports what the file lacks or has too much of, as `file:line`.
 */
import { t } from '../i18n/index.js';
import { joinLines, trailingList } from './markdown.js';
import { templateProblem } from './templates.js';
import type { LessonText, TextSection } from './text-sections.js';
import type { Problem, Step, StepShape } from './types.js';
import { textColumnProblems } from './validate-teaches.js';

export interface LessonProse {
  title: string;
  summary: string;
  intro: string;
  readMore: string[];
}

export interface ProseResult {
  /** Undefined when the lesson's own parts (title, summary) are missing. */
  prose?: LessonProse;
  steps: Step[];
  problems: Problem[];
  /** Steps whose prose came from English because this file has no section for them (a dev check). */
  untranslated: string[];
}

/**
 * `english`, given for a translation when the caller asked for it (a dev check), stands in for a
 * step the translation lacks; otherwise a missing step is a problem, as it is in English.
 */
export function attachProse(
  text: LessonText,
  file: string,
  shapes: readonly StepShape[],
  ids: ReadonlySet<string>,
  english?: LessonText,
): ProseResult {
  const problems: Problem[] = text.problems.map((p) => ({ file, line: p.line, column: 1, message: p.message }));
  const report = (line: number, message: string) => problems.push({ file, line, column: 1, message });

  const byId = new Map<string, TextSection>();
  for (const section of text.sections) {
    if (!ids.has(section.id)) report(section.line, t('lint.prose.no-step', { id: section.id, ids: [...ids].join(', ') }));
    else if (byId.has(section.id)) report(section.line, t('lint.prose.step-twice', { id: section.id, line: byId.get(section.id)!.line }));
    else byId.set(section.id, section);
  }
  const untranslated: string[] = [];
  const fallback = new Map(english?.sections.map((s) => [s.id, s]));
  const steps: Step[] = [];
  for (const shape of shapes) {
    let section = byId.get(shape.id);
    if (!section && fallback.has(shape.id)) {
      untranslated.push(shape.id);
      section = fallback.get(shape.id)!;
    } else if (!section) {
      report(1, t('lint.prose.no-section', { id: shape.id, line: shape.at.line }));
      continue;
    }
    const step = stepProse(shape, section, (line, message) => report(line, t('lint.prose.in-step', { id: shape.id, message })));
    problems.push(...textColumnProblems(step, file, section.line));
    steps.push(step);
  }
  return { prose: lessonProse(text, english, report), steps, problems, untranslated };
}

function lessonProse(
  text: LessonText,
  english: LessonText | undefined,
  report: (line: number, message: string) => void,
): LessonProse | undefined {
  const title = text.title || english?.title;
  if (!title) report(1, t('lint.prose.no-title'));
  const summaryPart = text.parts.Summary ?? english?.parts.Summary;
  const summary = summaryPart ? joinLines(summaryPart.text.split('\n')) : '';
  if (!summaryPart) report(1, t('lint.prose.no-summary'));
  else if (!summary) report(summaryPart.line, t('lint.prose.empty-part', { keyword: 'Summary' }));
  let readMore: string[] = [];
  const more = text.parts['Read more'];
  if (more) {
    const list = trailingList(more.text, false);
    if (list.before || list.after || list.items.length === 0) report(more.line, t('lint.prose.read-more'));
    readMore = list.items;
  }
  if (!title || !summary) return undefined;
  return { title, summary, intro: text.intro, readMore };
}

/**
 * One step's prose, checked against what lesson.yaml says it has. A step with problems is still
 * returned, with what could be read, so the checks between steps see every step.
 */
function stepProse(shape: StepShape, section: TextSection, report: (line: number, message: string) => void): Step {
  const { parts } = section;
  const oneLine = (keyword: string): string | undefined => {
    const part = parts[keyword];
    if (!part) return undefined;
    if (part.text === '') report(part.line, t('lint.prose.empty-part', { keyword }));
    return joinLines(part.text.split('\n'));
  };
  const need = (good: boolean, line: number, message: string) => {
    if (!good) report(line, message);
  };
  need(section.title !== '', section.line, t('lint.prose.step-title', { id: section.id }));
  need(section.text !== '', section.line, t('lint.prose.no-text'));
  const ranText = parts['Once it has run']?.text;
  if (ranText === '') need(false, parts['Once it has run']!.line, t('lint.prose.empty-ran'));
  const notes = parts.Notes?.text;
  if (notes === '') need(false, parts.Notes!.line, t('lint.prose.empty-notes'));
  // The code spans of `### By hand` are shown as one line without their backticks.
  const shell = oneLine('By hand')?.replaceAll('`', '');
  need(shell !== undefined, section.line, t('lint.prose.no-by-hand'));
  const docker = oneLine('Docker');
  for (const [keyword, part] of Object.entries(parts)) {
    const problem = templateProblem(part.text);
    if (problem) need(false, part.line, t('lint.prose.in-part', { keyword, message: problem }));
  }
  const textProblem = templateProblem(section.text);
  if (textProblem) need(false, section.line, textProblem);

  let predict: Step['predict'];
  if (shape.predict) {
    const ask = parts.Predict;
    const { before, items, after } = trailingList(ask?.text ?? '', true);
    const reveal = oneLine('Reveal');
    need(Boolean(ask), section.line, t('lint.prose.needs-predict'));
    need(reveal !== undefined, section.line, t('lint.prose.needs-reveal'));
    if (ask) {
      need(before !== '' && after === '', ask.line, t('lint.prose.predict-shape'));
      need(items.length >= 2 && items.length <= 5, ask.line, t('lint.prose.choices', { count: items.length }));
      need(shape.predict.answer < items.length, ask.line, t('lint.prose.answer', { answer: shape.predict.answer + 1 }));
    }
    predict = { question: joinLines(before.split('\n')), choices: items, answer: shape.predict.answer, reveal: reveal ?? '' };
  } else
    for (const keyword of ['Predict', 'Reveal'])
      if (parts[keyword]) need(false, parts[keyword].line, t('lint.prose.no-predict', { keyword }));

  let yourTurn: Step['yourTurn'];
  if (shape.yourTurn) {
    const task = oneLine('Your turn');
    const list = trailingList(parts.Hints?.text ?? '', true);
    need(task !== undefined, section.line, t('lint.prose.needs-task'));
    need(
      list.items.length === 3 && !list.before && !list.after,
      parts.Hints?.line ?? section.line,
      t('lint.prose.hints', { placeholder: '{answer}' }),
    );
    const [a = '', b = '', c = ''] = list.items;
    yourTurn = { ...shape.yourTurn, task: task ?? '', hints: [a, b, c] };
  } else
    for (const keyword of ['Your turn', 'Hints'])
      if (parts[keyword]) need(false, parts[keyword].line, t('lint.prose.no-your-turn', { keyword }));

  const { predict: _answer, yourTurn: _check, ...structure } = shape;
  return {
    ...structure,
    title: section.title,
    text: section.text,
    ...(ranText ? { ranText } : {}),
    ...(notes ? { notes } : {}),
    shell: shell ?? '',
    ...(docker ? { docker } : {}),
    ...(predict ? { predict } : {}),
    ...(yourTurn ? { yourTurn } : {}),
  };
}
