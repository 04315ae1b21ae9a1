/**
 * `container-lab lint-lessons [DIR]`: validates every lesson folder and prints each problem as
 * `file:line:column: message`. Exit status 1 when any problem is found (CI runs it).
 */
import { defaultLessonsDir, formatProblem, loadLessons } from './load-lessons.js';

export function lintCommand(
  dir: string | undefined,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): number {
  const { lessons, problems } = loadLessons(dir ?? defaultLessonsDir());
  for (const p of problems) err.write(`${formatProblem(p)}\n`);
  for (const l of lessons) out.write(`ok  ${l.id}: ${l.steps.length} steps\n`);
  if (problems.length) {
    err.write(`${problems.length} problem${problems.length > 1 ? 's' : ''} found; fix them and run lint-lessons again.\n`);
    return 1;
  }
  out.write(`${lessons.length} lesson${lessons.length === 1 ? '' : 's'} checked, no problems.\n`);
  return 0;
}
