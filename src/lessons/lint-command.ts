/**
 * `container-lab lint-lessons [DIR]`: validates every lesson folder, in every language it has a text
 * file for, and prints each problem as `file:line:column: message`. Exit status 1 when any problem
 * is found (CI runs it).
 */
import { t } from '../i18n/index.js';
import { defaultLessonsDir, formatProblem, lessonLanguages, loadLessons } from './load-lessons.js';

export function lintCommand(
  dir: string | undefined,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): number {
  const lessonsDir = dir ?? defaultLessonsDir();
  const { lessons, problems } = loadLessons(lessonsDir);
  // Each language again: what lesson.yaml or text.md gets wrong is said once, with English.
  const seen = new Set(problems.map(formatProblem));
  for (const lang of lessonLanguages(lessonsDir).slice(1)) {
    const translated = loadLessons(lessonsDir, lang, { lint: true });
    problems.push(...translated.problems.filter((p) => !seen.has(formatProblem(p))));
    for (const p of translated.problems) seen.add(formatProblem(p));
    lessons.push(...translated.lessons.filter((l) => l.lang === lang));
  }
  for (const p of problems) err.write(`${formatProblem(p)}\n`);
  for (const l of lessons) out.write(`${t('lint.ok', { id: l.id, lang: l.lang, steps: l.steps.length })}\n`);
  if (problems.length) {
    err.write(`${t('lint.problems', { count: problems.length })}\n`);
    return 1;
  }
  // A translation is the same lesson in another language: count lessons by id, and the languages apart.
  const checked = { lessons: new Set(lessons.map((l) => l.id)).size, languages: new Set(lessons.map((l) => l.lang)).size };
  out.write(`${t('lint.checked', checked)}\n`);
  return 0;
}
