/**
 * Holds a translated text file (`text.zh-CN.md`) to the English one, piece by piece (a title, a
 * step's text, each `### <Keyword>` part): the same code spans and placeholders, as many choices and
 * hints, every man page and source pointer kept, no English left outside code spans, and the
 * glossary's terms (lessons/README.md, "Translations").
 */
import { t } from '../i18n/index.js';
import type { Glossary, GlossaryEntry } from './glossary.js';
import { trailingList } from './markdown.js';
import type { LessonText } from './text-sections.js';
import type { Problem } from './types.js';

/** One piece of prose, found by the same key in both files. */
interface Piece {
  /** How a message names it: `# title`, `## nspid ### Reveal`. */
  name: string;
  line: number;
  text: string;
  /** A heading's title: its first use of a term needs no English in parentheses. */
  heading: boolean;
}

function pieces(text: LessonText): Map<string, Piece> {
  const out = new Map<string, Piece>();
  const add = (key: string, name: string, line: number, text: string, heading = false) => {
    if (text !== '') out.set(key, { name, line, text, heading });
  };
  add('title', '`# <title>`', text.titleLine || 1, text.title, true);
  add('intro', t('lint.label.intro'), text.titleLine + 1, text.intro);
  for (const part of Object.values(text.parts)) add(part.keyword, `\`### ${part.keyword}\``, part.line, part.text);
  for (const s of text.sections) {
    add(`${s.id}:title`, t('lint.label.step-title', { id: s.id }), s.line, s.title, true);
    add(s.id, `\`## ${s.id}\``, s.line, s.text);
    for (const part of Object.values(s.parts))
      add(`${s.id}/${part.keyword}`, `\`## ${s.id}\` \`### ${part.keyword}\``, part.line, part.text);
  }
  return out;
}

const CODE = /`([^`]+)`/g;
const PLACEHOLDER = /\{(?:host|inside):[^}]*\}|\{answer\}/g;
/** `pid_namespaces(7)`, `capsh(1)`. */
const MAN_PAGE = /[A-Za-z_][\w.-]*\(\d[a-z]*\)/g;
/** A run of path characters (ASCII only, so it ends where Chinese text begins); kept when it holds a `/`. */
const PATH_RUN = /(?:\{[^}\s]*\}|[\w.<>/-])+/g;
const SOURCE_FILE = /^[\w.-]+\.(?:rst|go|md|c|h|json|conf|txt|csv|tar)$/;

const outsideCode = (text: string) => text.replace(CODE, ' ');
/**
 * The code spans of a text, as Markdown reads them: a span the translator wrapped across two lines
 * (`sleep` at a line's end, `600 &` on the next) is one span with a space where the line broke.
 */
const codeSpans = (text: string) => (text.match(CODE) ?? []).map((span) => span.replace(/\s*\n\s*/g, ' '));
const count = (items: string[]) => items.reduce((m, i) => m.set(i, (m.get(i) ?? 0) + 1), new Map<string, number>());

/** Man pages, source paths and file names, outside code spans. */
export function pointers(text: string): string[] {
  const prose = outsideCode(text);
  const paths = [...prose.matchAll(PATH_RUN)]
    .map((m) => m[0].replace(/[.-]+$/, ''))
    .filter((p) => /[A-Za-z]/.test(p) && (p.includes('/') || SOURCE_FILE.test(p)));
  return [...(prose.match(MAN_PAGE) ?? []), ...paths];
}

/** English words: lowercase after the first letter, so `PID`, `NSpid` and `SigCgt` are names, not words. */
const WORD = /^(?:[A-Za-z][a-z]+(?:['’][a-z]+)?|a|I)$/;

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * Runs of three or more English words outside code spans, after taking out what may stay English:
 * the `keep` phrases anywhere, and glossary terms in the parentheses that follow their translation.
 */
export function englishRuns(text: string, keep: readonly string[], terms: readonly string[] = []): string[] {
  let prose = outsideCode(text).replace(PLACEHOLDER, ' ');
  for (const p of pointers(text)) prose = prose.replaceAll(p, ' ');
  const longestFirst = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);
  prose = prose.replace(/[（(]([^（）()]*)[）)]/g, (whole, inside: string) => {
    const rest = longestFirst(terms).reduce((t, term) => t.replace(englishForms(term, 'g'), ' '), inside);
    return /^[\s,，、]*$/.test(rest) ? ' ' : whole;
  });
  for (const phrase of longestFirst(keep)) prose = prose.replace(new RegExp(`\\b${literal(phrase)}s?\\b`, 'gi'), ' ');
  const runs: string[] = [];
  for (const m of prose.matchAll(/[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*)*/g)) {
    let run: string[] = [];
    for (const word of [...m[0].split(/[ \t]+/), '']) {
      if (WORD.test(word)) run.push(word);
      else {
        if (run.length >= 3) runs.push(run.join(' '));
        run = [];
      }
    }
  }
  return runs;
}

export function checkTranslation(english: LessonText, translated: LessonText, lang: string, file: string, glossary?: Glossary): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, column: 1, message });
  const en = pieces(english);
  const tr = pieces(translated);
  const present = new Set(translated.sections.map((s) => s.id));
  for (const [key, piece] of en) {
    const step = key.split(/[:/]/)[0]!;
    if (!tr.has(key) && (present.has(step) || !english.sections.some((s) => s.id === step)))
      report(
        translated.sections.find((s) => s.id === step)?.line ?? 1,
        t('lint.translation.missing', { piece: piece.name, line: piece.line }),
      );
  }
  for (const [key, piece] of tr) {
    const original = en.get(key);
    if (!original) {
      report(piece.line, t('lint.translation.no-such-part', { piece: piece.name }));
      continue;
    }
    const at = (message: string) => report(piece.line, message);
    compareCounts(codeSpans(original.text), codeSpans(piece.text), piece.name, 'code', true, at);
    compareCounts(original.text.match(PLACEHOLDER) ?? [], piece.text.match(PLACEHOLDER) ?? [], piece.name, 'placeholder', true, at);
    compareCounts(pointers(original.text), pointers(piece.text), piece.name, 'pointer', false, at);
    if (/\/(Predict|Hints)$/.test(key) || key === 'Read more') {
      const n = (text: string) => trailingList(text, key !== 'Read more').items.length;
      if (n(piece.text) !== n(original.text))
        at(t('lint.translation.items', { piece: piece.name, count: n(piece.text), english: n(original.text) }));
    }
    const terms = (glossary?.terms ?? []).map((t) => t.en);
    for (const run of englishRuns(piece.text, glossary?.keep ?? [], terms)) at(t('lint.translation.english', { piece: piece.name, run }));
  }
  if (glossary) problems.push(...glossaryProblems(en, tr, lang, glossary, file));
  return problems;
}

function compareCounts(
  want: string[],
  have: string[],
  piece: string,
  kind: 'code' | 'placeholder' | 'pointer',
  exact: boolean,
  at: (message: string) => void,
): void {
  const wanted = count(want);
  const had = count(have);
  for (const [item, n] of wanted) if ((had.get(item) ?? 0) < n) at(t('lint.translation.kept-missing', { piece, kind, item, count: n }));
  if (exact) for (const [item, n] of had) if (n > (wanted.get(item) ?? 0)) at(t('lint.translation.kept-extra', { piece, kind, item }));
}

/** `namespace` also as `namespaces`; `capability` as `capabilities`. */
function englishForms(term: string, flags = ''): RegExp {
  const stem = literal(term);
  const plural = term.endsWith('y') ? `${stem.slice(0, -1)}ies` : `${stem}s`;
  return new RegExp(`\\b(?:${plural}|${stem})\\b`, `i${flags}`);
}

function glossaryProblems(en: Map<string, Piece>, tr: Map<string, Piece>, lang: string, glossary: Glossary, file: string): Problem[] {
  const problems: Problem[] = [];
  const prose = (p: Piece) => outsideCode(p.text);
  for (const entry of [...glossary.terms, ...glossary.words])
    for (const piece of tr.values())
      for (const wrong of entry.not[lang] ?? [])
        if (prose(piece).includes(wrong))
          problems.push({
            file,
            line: piece.line,
            column: 1,
            message: t('lint.translation.not-the-term', { piece: piece.name, wrong, term: entry.en, lang, right: entry.to[lang] ?? '' }),
          });

  // Longest terms first, so 能力集 is not also counted as a use of 能力.
  const terms = glossary.terms.filter((t) => t.to[lang]).sort((a, b) => b.to[lang]!.length - a.to[lang]!.length);
  const taken = new Map<Piece, boolean[]>([...tr.values()].map((p) => [p, Array.from(prose(p), () => false)]));
  const uses = new Map<GlossaryEntry, { piece: Piece; index: number }[]>();
  for (const term of terms) {
    const word = term.to[lang]!;
    const found: { piece: Piece; index: number }[] = [];
    for (const [piece, mask] of taken) {
      const text = prose(piece);
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (mask.slice(i, i + word.length).some(Boolean)) continue;
        mask.fill(true, i, i + word.length);
        found.push({ piece, index: i });
      }
    }
    uses.set(term, found);
  }
  const englishUses = (term: GlossaryEntry) => [...en.values()].some((p) => englishForms(term.en).test(prose(p)));
  for (const term of terms) {
    const found = uses.get(term)!;
    const word = term.to[lang]!;
    if (found.length === 0) {
      if (englishUses(term))
        problems.push({
          file,
          line: 1,
          column: 1,
          message: t('lint.translation.term-unused', { term: term.en, word }),
        });
      continue;
    }
    // The English in parentheses, right after the term or after the word it starts (挂载命名空间（mount namespace）).
    if (word.includes(term.en)) continue;
    const first = found.find((f) => !f.piece.heading);
    if (!first) continue;
    const after = prose(first.piece).slice(first.index + word.length);
    const gloss = after.match(/^[^\s，。；：、,.;:!?！？（(）)]{0,8}\s*[（(]([^）)]*)[）)]/)?.[1] ?? '';
    if (!englishForms(term.en).test(gloss))
      problems.push({
        file,
        line: first.piece.line,
        column: 1,
        message: t('lint.translation.term-gloss', { piece: first.piece.name, word, term: term.en }),
      });
  }
  return problems;
}
