/**
 * A quick look at the lessons for the lab's first frame: each folder's title, summary, `requires:`
 * and number of steps, read with a few regular expressions instead of the YAML parser and the full
 * validator (which together take about 100 ms). The full load follows right after and replaces this
 * preview; a lesson with problems is then listed as the validator says.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface LessonPreview {
  id: string;
  order: number;
  title: string;
  summary: string;
  steps: number;
  /** The steps' ids, in order (progress records steps done by id). */
  stepIds: string[];
  requires: string[];
}

const FOLDER = /^(\d{1,3})-([a-z][a-z0-9-]*)$/;

/** A top-level `key: value` line's value, without quotes. */
function topLevel(text: string, key: string): string | undefined {
  const value = text.match(new RegExp(`^${key}:[ \\t]*(.+)$`, 'm'))?.[1]?.trim();
  if (!value) return undefined;
  const quoted = value.match(/^(["'])(.*)\1$/);
  return quoted ? quoted[2] : value;
}

export function previewLessons(dir: string): LessonPreview[] {
  let folders: string[];
  try {
    // A directory that is itself one lesson folder is previewed as that lesson, as loadLessons does.
    folders = existsSync(path.join(dir, 'lesson.yaml')) ? [''] : readdirSync(dir).filter((name) => FOLDER.test(name)).sort();
  } catch {
    return [];
  }
  const previews: LessonPreview[] = [];
  for (const entry of folders) {
    const name = entry || path.basename(dir);
    const file = path.join(dir, entry, 'lesson.yaml');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const [, order = '0', id = name] = name.match(FOLDER) ?? [];
    previews.push({
      id,
      order: Number(order),
      title: topLevel(text, 'title') ?? id,
      summary: topLevel(text, 'summary') ?? '',
      steps: (text.match(/^\s*- id:/gm) ?? []).length,
      stepIds: [...text.matchAll(/^\s*- id:[ \t]*["']?([a-z0-9-]+)/gm)].map((m) => m[1]!),
      requires: (topLevel(text, 'requires')?.match(/^\[(.*)\]$/)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    });
  }
  return previews.sort((a, b) => a.order - b.order);
}
