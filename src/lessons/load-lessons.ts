/**
 * Finds and loads the lessons in a directory: every folder named `<order>-<id>` holding a
 * `lesson.yaml`, in order. A lesson whose folder is not there yet is simply not listed; a broken one
 * is reported with its problems and left out, so one bad file never stops the others.
 * A directory that is itself a lesson folder (it has a lesson.yaml) is loaded as that one lesson.
 *
 * `lang` picks the prose: `en` reads `text.md`; another language reads `text.<lang>.md` (e.g.
 * `text.zh-CN.md`) when the lesson has one, and English when it has none. A translation that lacks
 * a step is a problem, as it is in English; `fallback` (a dev check) shows that step in English
 * instead and lists it in the lesson's `untranslated`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';
import { type Glossary, loadGlossary } from './glossary.js';
import { textFile } from './text-sections.js';
import type { Lesson, Problem } from './types.js';
import { validateLesson } from './validate-lesson.js';

export { defaultLessonsDir } from './lessons-dir.js';
export { textFile } from './text-sections.js';

/** The lesson ids of the core path, in order. Other ids are allowed (an instructor's own lessons). */
export const CORE_LESSONS = ['pid-namespace', 'mount-namespace', 'cgroups', 'overlay', 'whiteouts', 'veth-bridge', 'capabilities'];

const FOLDER = /^(\d{1,3})-([a-z][a-z0-9-]*)$/;

export interface LoadResult {
  lessons: Lesson[];
  problems: Problem[];
}

export interface LoadOptions {
  /** Show a step a translation lacks in English instead of refusing the lesson (a dev check). */
  fallback?: boolean;
  /** `lint-lessons`: hold each translation to text.md and to the lessons' glossary.yaml. */
  lint?: boolean;
}

export function loadLessons(dir: string, lang = 'en', options: LoadOptions = {}): LoadResult {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      lessons: [],
      problems: [
        {
          file: dir,
          line: 1,
          column: 1,
          message: t('lint.load.no-dir', { dir }),
        },
      ],
    };
  }
  if (existsSync(path.join(dir, 'lesson.yaml'))) {
    const match = path.basename(dir).match(FOLDER);
    const glossary = lintGlossary(path.dirname(dir), lang, options);
    const one = loadOne(dir, match ? Number(match[1]) : 1, match ? match[2]! : path.basename(dir), lang, glossary.options);
    return { lessons: one.lessons, problems: [...glossary.problems, ...one.problems] };
  }
  const glossary = lintGlossary(dir, lang, options);
  const lessons: Lesson[] = [];
  const problems: Problem[] = [...glossary.problems];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const ids = new Map<string, string>();
  for (const name of folders) {
    const match = name.match(FOLDER);
    const folder = path.join(dir, name);
    if (!match) {
      if (existsSync(path.join(folder, 'lesson.yaml')))
        problems.push({
          file: folder,
          line: 1,
          column: 1,
          message: t('lint.load.folder-name', { name }),
        });
      continue;
    }
    if (!existsSync(path.join(folder, 'lesson.yaml'))) {
      problems.push({ file: folder, line: 1, column: 1, message: t('lint.load.no-yaml', { name }) });
      continue;
    }
    const id = match[2]!;
    if (ids.has(id)) {
      problems.push({
        file: folder,
        line: 1,
        column: 1,
        message: t('lint.load.id-twice', { id, folder: ids.get(id)! }),
      });
      continue;
    }
    ids.set(id, name);
    const one = loadOne(folder, Number(match[1]), id, lang, glossary.options);
    lessons.push(...one.lessons);
    problems.push(...one.problems);
  }
  lessons.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return { lessons, problems };
}

/** Loads one lesson by id from a lessons directory (the TUI validates a lesson when it is opened). */
export function loadLesson(dir: string, id: string, lang = 'en', options: LoadOptions = {}): LoadResult {
  if (existsSync(path.join(dir, 'lesson.yaml'))) return loadLessons(dir, lang, options);
  const name = existsSync(dir) ? readdirSync(dir).find((n) => n.match(FOLDER)?.[2] === id) : undefined;
  if (!name) return { lessons: [], problems: [{ file: dir, line: 1, column: 1, message: t('lint.load.no-lesson', { id, dir }) }] };
  return loadOne(path.join(dir, name), Number(name.match(FOLDER)![1]), id, lang, options);
}

/** The lessons' glossary, read when a translation is linted. */
function lintGlossary(dir: string, lang: string, options: LoadOptions): { options: LintOptions; problems: Problem[] } {
  if (!options.lint || lang === 'en') return { options, problems: [] };
  const { glossary, problems } = loadGlossary(dir);
  return { options: { ...options, ...(glossary ? { glossary } : {}) }, problems };
}

type LintOptions = LoadOptions & { glossary?: Glossary };

/** The languages some lesson in `dir` (or the lesson folder `dir`) has a text file for, English first. */
export function lessonLanguages(dir: string): string[] {
  const single = existsSync(path.join(dir, 'lesson.yaml'));
  const folders = single
    ? [dir]
    : existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => FOLDER.test(n))
          .map((n) => path.join(dir, n))
      : [];
  const langs = folders
    .filter((f) => statSync(f).isDirectory())
    .flatMap((f) => readdirSync(f).flatMap((n) => n.match(/^text\.([A-Za-z-]+)\.md$/)?.[1] ?? []));
  return ['en', ...[...new Set(langs)].sort()];
}

function loadOne(folder: string, order: number, id: string, lang: string, options: LintOptions): LoadResult {
  const yamlPath = path.join(folder, 'lesson.yaml');
  const textPath = path.join(folder, textFile('en'));
  const translationPath = path.join(folder, textFile(lang));
  let yamlText: string;
  try {
    yamlText = readFileSync(yamlPath, 'utf8');
  } catch (err) {
    return {
      lessons: [],
      problems: [{ file: yamlPath, line: 1, column: 1, message: t('lint.load.unreadable', { error: (err as Error).message }) }],
    };
  }
  const markdown = existsSync(textPath) ? readFileSync(textPath, 'utf8') : undefined;
  const translation =
    lang !== 'en' && existsSync(translationPath)
      ? { lang, textPath: translationPath, markdown: readFileSync(translationPath, 'utf8') }
      : undefined;
  const { lesson, problems } = validateLesson({
    id,
    order,
    dir: folder,
    yamlPath,
    yamlText,
    textPath,
    markdown,
    ...(translation ? { translation } : {}),
    ...(options.fallback ? { fallback: true } : {}),
    ...(options.lint ? { lint: options.glossary ? { glossary: options.glossary } : {} } : {}),
  });
  return { lessons: lesson ? [lesson] : [], problems };
}

/** `file:line:column: message`, with the path relative to the working directory when shorter. */
export function formatProblem(p: Problem): string {
  const rel = path.relative(process.cwd(), p.file);
  const file = rel && !rel.startsWith('..') ? rel : p.file;
  return `${file}:${p.line}:${p.column}: ${p.message}`;
}
