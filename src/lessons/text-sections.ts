/**
 * Splits a lesson's text file (`text.md`, or a translation such as `text.zh-CN.md`) into its parts.
 *
 *   # <lesson title>            the intro under it, then `### Summary` and `### Read more`
 *   ## <step-id>: <step title>  the step's text under it, then its `### <Keyword>` parts
 *
 * Headings are structure: the step id and every `### <Keyword>` stay in English in a translation;
 * everything else is prose. Each part keeps the line it starts on, for `file:line` messages.
 *
 * Text is read before the step runs and after, and must be true both times. When what it says
 * changes once the step has run ("the lab will remove…" becomes "the lab has removed…"), the part
 * under `### Once it has run` replaces the text above it as soon as the step has run.
 */
import { t } from '../i18n/index.js';
import { joinLines } from './markdown.js';

/** The `### ` keywords of the lesson (before the first step), in the order they are written. */
export const LESSON_KEYWORDS = ['Summary', 'Read more'] as const;

/** The `### ` keywords of a step's section, in the order they are written. */
/** `Notes` is for whoever leads a workshop (`container-lab notes`, `--presenter`), never shown to learners by default. */
export const STEP_KEYWORDS = ['Once it has run', 'Predict', 'Reveal', 'Your turn', 'Hints', 'By hand', 'Docker', 'Notes'] as const;

export const ONCE_RUN = '### Once it has run';

/** The text file of a language: `text.md` for English, `text.zh-CN.md` for Simplified Chinese. */
export function textFile(lang: string): string {
  return lang === 'en' ? 'text.md' : `text.${lang}.md`;
}

/**
 * The lesson's title and summary alone, for the first frame: the `# ` line and the paragraph under
 * `### Summary`, without splitting the whole file.
 */
export function titleAndSummary(markdown: string): { title?: string; summary?: string } {
  const title = markdown.match(/^# +(.+?)\s*$/m)?.[1];
  const summary = markdown.match(/^### Summary[ \t]*\n(?:[ \t]*\n)*((?:(?!#)[^\n]*\S[^\n]*(?:\n|$))+)/m)?.[1];
  return { ...(title ? { title } : {}), ...(summary ? { summary: joinLines(summary.split('\n')) } : {}) };
}

/** The body under one `### <Keyword>` heading. */
export interface TextPart {
  keyword: string;
  /** The Markdown under the heading, trimmed. */
  text: string;
  /** Line of the `### ` heading (1-based). */
  line: number;
}

export interface TextSection {
  id: string;
  /** After `## <id>: `; empty when the heading has none. */
  title: string;
  /** The Markdown under the heading, up to its first `### `, trimmed: what the step shows. */
  text: string;
  /** Its `### <Keyword>` parts, by keyword. */
  parts: Readonly<Record<string, TextPart>>;
  /** Line of the `## ` heading (1-based). */
  line: number;
}

export interface LessonText {
  /** After `# `; empty when the file has no such line. */
  title: string;
  titleLine: number;
  /** The Markdown between `# <title>` and the first heading below it. */
  intro: string;
  /** `### Summary`, `### Read more`. */
  parts: Readonly<Record<string, TextPart>>;
  sections: TextSection[];
  /** Headings that break the format, by line. */
  problems: { line: number; message: string }[];
}

const STEP_HEADING = /^##\s+([a-z][a-z0-9-]*)\s*(?:[:：]\s*(.*?))?\s*$/;

interface Open {
  text: string[];
  parts: Record<string, TextPart & { lines: string[] }>;
  current: string[];
}

export function splitText(markdown: string): LessonText {
  const problems: LessonText['problems'] = [];
  let title = '';
  let titleLine = 0;
  const lesson: Open = { text: [], parts: {}, current: [] };
  lesson.current = lesson.text;
  const sections: (Omit<TextSection, 'text' | 'parts'> & Open)[] = [];
  let open = lesson;
  let fence = false;
  markdown.split('\n').forEach((line, index) => {
    const at = index + 1;
    if (line.trimStart().startsWith('```')) fence = !fence;
    if (fence || !/^#{1,6}\s/.test(line)) {
      open.current.push(line);
      return;
    }
    const text = line.replace(/^#+\s+/, '').trim();
    if (line.startsWith('# ')) {
      if (titleLine || sections.length) problems.push({ line: at, message: t('lint.text.title-twice') });
      else [title, titleLine] = [text, at];
    } else if (line.startsWith('## ')) {
      const m = line.match(STEP_HEADING);
      if (!m) {
        problems.push({ line: at, message: t('lint.text.step-heading', { line: line.trim() }) });
        open = { text: [], parts: {}, current: [] };
        return;
      }
      const section = { id: m[1]!, title: m[2] ?? '', line: at, text: [] as string[], parts: {}, current: [] as string[] };
      section.current = section.text;
      sections.push(section);
      open = section;
    } else if (line.startsWith('### ')) {
      const known: readonly string[] = open === lesson ? LESSON_KEYWORDS : STEP_KEYWORDS;
      if (!known.includes(text)) {
        const where = open === lesson ? 'lesson' : 'step';
        const headings = known.map((k) => `\`### ${k}\``).join(', ');
        problems.push({ line: at, message: t('lint.text.unknown-heading', { heading: text, where, known: headings }) });
        open.current = [];
      } else if (open.parts[text]) {
        problems.push({ line: at, message: t('lint.text.part-twice', { heading: text, line: open.parts[text].line }) });
        open.current = [];
      } else {
        const part = { keyword: text, text: '', line: at, lines: [] as string[] };
        open.parts[text] = part;
        open.current = part.lines;
      }
    } else {
      problems.push({ line: at, message: t('lint.text.heading-level', { line: line.trim() }) });
      open.current = [];
    }
  });
  return {
    title,
    titleLine,
    intro: lesson.text.join('\n').trim(),
    parts: closeParts(lesson.parts),
    sections: sections.map((s) => ({ id: s.id, title: s.title, line: s.line, text: s.text.join('\n').trim(), parts: closeParts(s.parts) })),
    problems,
  };
}

function closeParts(parts: Open['parts']): Record<string, TextPart> {
  return Object.fromEntries(
    Object.entries(parts).map(([k, p]) => [k, { keyword: p.keyword, line: p.line, text: p.lines.join('\n').trim() }]),
  );
}
