/** Where the lessons shipped with the package are: `lessons/` next to `dist/` (or the repo root). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `lessons/` folder shipped with the package (next to `dist/` or, from the sources, the repo root). */
export function defaultLessonsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'lessons');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('lessons');
}
