/**
 * `container-lab lint-lessons [DIR]`: validates every lesson folder, in every language it has a text
 * file for, and prints each problem as `file:line:column: message`. Exit status 1 when any problem
 * is found (CI runs it).
 */
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
  for (const l of lessons) out.write(`ok  ${l.id}${l.lang === 'en' ? '' : ` (${l.lang})`}: ${l.steps.length} steps\n`);
  if (problems.length) {
    err.write(`${problems.length} problem${problems.length > 1 ? 's' : ''} found; fix them and run lint-lessons again.\n`);
    return 1;
  }
  out.write(`${lessons.length} lesson${lessons.length === 1 ? '' : 's'} checked, no problems.\n`);
  return 0;
}
