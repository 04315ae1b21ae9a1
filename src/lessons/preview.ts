/**
 * A quick look at the lessons for the lab's first frame: each folder's title and summary (from its
 * text file in the learner's language, else text.md), `requires:`, its steps and what each runs (to count the steps this host will skip), read with a few regular
 * expressions instead of the YAML parser and the full validator (which together take about 100 ms).
 * The full load follows when a lesson is opened; a lesson with problems is then listed as the
 * validator says. A test holds the preview to the full load on every shipped lesson.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HOST_PROGRAMS, type HostProgram } from '../doctor/host-programs.js';
import type { StepNeeds } from './host-check.js';
import { textFile, titleAndSummary } from './text-sections.js';

export interface LessonPreview {
  id: string;
  order: number;
  title: string;
  summary: string;
  steps: number;
  /** The steps' ids, in order (progress records steps done by id). */
  stepIds: string[];
  requires: string[];
  /** Per step: what it requires, needs and runs. */
  stepNeeds: StepNeeds[];
}

const FOLDER = /^(\d{1,3})-([a-z][a-z0-9-]*)$/;

/** A top-level `key: value` line's value, without quotes. */
function topLevel(text: string, key: string): string | undefined {
  const value = text.match(new RegExp(`^${key}:[ \\t]*(.+)$`, 'm'))?.[1]?.trim();
  if (!value) return undefined;
  const quoted = value.match(/^(["'])(.*)\1$/);
  return quoted ? quoted[2] : value;
}

/** A `[a, b]` flow list's entries. */
function flowList(value: string | undefined): string[] {
  return (value?.match(/^\[(.*)\]$/)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The `key: scalar` pairs of a one-line flow map or of the more-indented lines below a key (lists are skipped). */
function scalarPairs(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const m of text.replace(/\[[^\]]*\]/g, '[]').matchAll(/([A-Za-z]+):[ \t]*("[^"]*"|'[^']*'|[^,{}\s][^,{}\n]*?)[ \t]*(?=[,}\n]|$)/g)) {
    pairs[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return pairs;
}

/** The `{ … }` that starts `text`, braces balanced. */
function flowMap(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(0, i + 1);
  }
  return text;
}

/**
 * What one step's text says it requires, needs and runs: each `run:`, `solution:` and `revert:`,
 * written as a name (`revert: start-container`), a flow map (`{ action: exec, … }`) or a block of
 * more-indented `key: value` lines.
 */
function previewStep(text: string): StepNeeds {
  const runs: StepNeeds['runs'][number][] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\b(?:run|solution|revert):[ \t]*/g)) {
      const rest = line.slice(m.index + m[0].length);
      let pairs: Record<string, string>;
      if (rest.startsWith('{')) pairs = scalarPairs(flowMap(rest));
      else if (rest.trim() === '') {
        const indent = line.search(/\S/);
        const below = lines.slice(i + 1);
        const end = below.findIndex((l) => l.trim() !== '' && l.search(/\S/) <= indent);
        pairs = scalarPairs(below.slice(0, end === -1 ? undefined : end).join('\n'));
      } else pairs = { action: rest.match(/^[a-z][a-z0-9-]*/)?.[0] ?? '' };
      const { action, ...args } = pairs;
      if (action) runs.push({ action, args });
    }
  });
  const known = (p: string): p is HostProgram => p in HOST_PROGRAMS;
  return {
    requires: flowList(text.match(/^\s+requires:[ \t]*(\[.*\])/m)?.[1]),
    needs: flowList(text.match(/^\s+needs:[ \t]*(\[.*\])/m)?.[1]).filter(known),
    runs,
  };
}

export function previewLessons(dir: string, lang = 'en'): LessonPreview[] {
  let folders: string[];
  try {
    // A directory that is itself one lesson folder is previewed as that lesson, as loadLessons does.
    folders = existsSync(path.join(dir, 'lesson.yaml'))
      ? ['']
      : readdirSync(dir)
          .filter((name) => FOLDER.test(name))
          .sort();
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
    const prose = [textFile(lang), textFile('en')].map((f) => path.join(dir, entry, f)).find((f) => existsSync(f));
    const { title, summary } = prose ? titleAndSummary(readFileSync(prose, 'utf8')) : {};
    previews.push({
      id,
      order: Number(order),
      title: title ?? id,
      summary: summary ?? '',
      steps: (text.match(/^\s*- id:/gm) ?? []).length,
      stepIds: [...text.matchAll(/^\s*- id:[ \t]*["']?([a-z0-9-]+)/gm)].map((m) => m[1]!),
      requires: flowList(topLevel(text, 'requires')),
      stepNeeds: text
        .split(/^\s*- id:.*$/m)
        .slice(1)
        .map(previewStep),
    });
  }
  return previews.sort((a, b) => a.order - b.order);
}
