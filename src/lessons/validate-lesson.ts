/**
 * Validates one lesson folder: `lesson.yaml` against the format, `text.md` against the steps, and
 * the references between steps. Returns the lesson when there are no problems, and every problem
 * found either way, each with its `file:line:column`.
 */
import { isMap } from 'yaml';
import type { ContainerSpec } from '../runtime/spec.js';
import { checkReferences } from './check-references.js';
import { templateProblem } from './templates.js';
import { NOTES, ONCE_RUN, splitText } from './text-sections.js';
import type { Lesson, Problem, Step } from './types.js';
import { validateContainers, validateSpec } from './validate-container.js';
import { FEATURES, validateStep } from './validate-step.js';
import { textColumnProblems } from './validate-teaches.js';
import { YamlFile } from './yaml-file.js';

const TOP_KEYS = ['title', 'summary', 'requires', 'readMore', 'container', 'containers', 'steps'];

export interface LessonSource {
  id: string;
  order: number;
  dir: string;
  yamlPath: string;
  yamlText: string;
  textPath: string;
  /** undefined when text.md is missing. */
  markdown: string | undefined;
}

export function validateLesson(src: LessonSource): { lesson?: Lesson; problems: Problem[] } {
  const yaml = new YamlFile(src.yamlPath, src.yamlText);
  if (!yaml.root) {
    if (yaml.problems.length === 0) yaml.report(undefined, 'lesson.yaml is empty: it needs at least `title:`, `summary:` and `steps:`.');
    return { problems: yaml.problems };
  }
  const top = yaml.map(yaml.root, 'lesson.yaml');
  if (!top) return { problems: yaml.problems };
  const keys = yaml.entries(top, 'lesson.yaml', TOP_KEYS, ['title', 'summary', 'steps']);
  const title = keys.has('title') ? yaml.text(keys.get('title'), '`title`') : undefined;
  const summary = keys.has('summary') ? yaml.text(keys.get('summary'), '`summary`') : undefined;
  const readMore = keys.has('readMore') ? yaml.textList(keys.get('readMore'), '`readMore`') : [];
  let requires: string[] | undefined = [];
  if (keys.has('requires')) {
    requires = yaml.textList(keys.get('requires'), '`requires`');
    const bad = requires?.filter((f) => !FEATURES.includes(f)) ?? [];
    if (bad.length)
      yaml.report(keys.get('requires'), `\`requires\`: unknown host feature ${bad.join(', ')}; known: ${FEATURES.join(', ')}.`);
  }

  let containers: Record<string, ContainerSpec> | undefined = {};
  if (keys.has('container') && keys.has('containers'))
    yaml.report(keys.get('containers'), 'Use `container:` (one container) or `containers:` (several, by name), not both.');
  else if (keys.has('containers')) containers = validateContainers(yaml, keys.get('containers')!);
  else if (keys.has('container')) {
    // `container:` is shorthand for one container named `main`.
    const spec = validateSpec(yaml, keys.get('container')!, '`container`');
    containers = spec && { main: spec };
  }
  const names = Object.keys(containers ?? {});

  const steps: Omit<Step, 'text'>[] = [];
  const stepsNode = keys.get('steps');
  const seq = stepsNode ? yaml.seq(stepsNode, '`steps`') : undefined;
  if (seq && seq.items.length === 0) yaml.report(stepsNode, '`steps` is empty: a lesson needs at least one step.');
  const seen = new Map<string, number>();
  // Ids as written, also of steps that have other problems, so text.md is matched against them all.
  const writtenIds = new Set<string>();
  seq?.items.forEach((node, i) => {
    const id = isMap(node) ? node.get('id') : undefined;
    if (typeof id === 'string') writtenIds.add(id);
    const step = validateStep(yaml, node, i, names);
    if (!step) return;
    const first = seen.get(step.id);
    if (first !== undefined) yaml.report(node, `step "${step.id}" appears twice (first at line ${first}); step ids must be unique.`);
    seen.set(step.id, step.at.line);
    steps.push(step);
  });

  const problems = [...yaml.problems];
  const withText = attachText(src, steps, writtenIds, problems);
  problems.push(...checkReferences(withText, names));
  if (problems.length > 0 || !title || !summary || !containers || !requires || !readMore) return { problems };
  const intro = src.markdown === undefined ? '' : splitText(src.markdown).intro;
  return {
    problems,
    lesson: { id: src.id, order: src.order, dir: src.dir, title, summary, intro, containers, requires, readMore, steps: withText },
  };
}

function attachText(src: LessonSource, steps: Omit<Step, 'text'>[], ids: ReadonlySet<string>, problems: Problem[]): Step[] {
  if (src.markdown === undefined) {
    problems.push({
      file: src.textPath,
      line: 1,
      column: 1,
      message: `text.md is missing: write the prose of each step under a \`## <step-id>\` heading.`,
    });
    return steps.map((s) => ({ ...s, text: '' }));
  }
  const { sections } = splitText(src.markdown);
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (const section of sections) {
    if (!ids.has(section.id))
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\` matches no step in lesson.yaml (step ids: ${[...ids].join(', ')}).`,
      });
    else if (templateProblem(section.text))
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\`: ${templateProblem(section.text)}`,
      });
    else if (section.text === '')
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\` has no text: say what the step shows before the learner presses Enter.`,
      });
    else if (section.ranText === '')
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\`: \`${ONCE_RUN}\` has no text under it: say what the step showed, or remove the line.`,
      });
    else if (section.ranText && templateProblem(section.ranText))
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\`: ${templateProblem(section.ranText)}`,
      });
    if (section.notes === '')
      problems.push({
        file: src.textPath,
        line: section.line,
        column: 1,
        message: `\`## ${section.id}\`: \`${NOTES}\` has no text under it: write the facilitator's notes, or remove the line.`,
      });
    for (const line of section.strayHeadings)
      problems.push({
        file: src.textPath,
        line,
        column: 1,
        message: `\`## ${section.id}\`: the only headings a step's text may hold are \`${ONCE_RUN}\` (what replaces the text once the step has run) and, last, \`${NOTES}\` (for facilitators).`,
      });
  }
  for (const step of steps) {
    if (!byId.has(step.id))
      problems.push({
        file: src.textPath,
        line: 1,
        column: 1,
        message: `step "${step.id}" (lesson.yaml line ${step.at.line}) has no \`## ${step.id}\` section in text.md.`,
      });
  }
  return steps.map((s) => {
    const section = byId.get(s.id);
    const step = {
      ...s,
      text: section?.text ?? '',
      ...(section?.ranText ? { ranText: section.ranText } : {}),
      ...(section?.notes ? { notes: section.notes } : {}),
    };
    if (section) problems.push(...textColumnProblems(step, src.textPath, section.line));
    return step;
  });
}
