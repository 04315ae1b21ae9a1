/**
 * Validates one lesson folder: `lesson.yaml` against the format, the text file of the chosen language
 * (`text.md`, or a translation such as `text.zh-CN.md`) against the steps, and the references between
 * steps. Returns the lesson when there are no problems, and every problem found either way, each
 * with its `file:line:column`.
 */
import { isMap } from 'yaml';
import { t } from '../i18n/index.js';
import type { ContainerSpec } from '../runtime/spec.js';
import { checkReferences } from './check-references.js';
import type { Glossary } from './glossary.js';
import { splitText } from './text-sections.js';
import type { Lesson, Problem, StepShape } from './types.js';
import { validateContainers, validateSpec } from './validate-container.js';
import { attachProse } from './validate-prose.js';
import { checkTranslation } from './validate-translation.js';
import { FEATURES, validateStep } from './validate-step.js';
import { YamlFile } from './yaml-file.js';

const TOP_KEYS = ['requires', 'container', 'containers', 'steps'];

export interface LessonSource {
  id: string;
  order: number;
  dir: string;
  yamlPath: string;
  yamlText: string;
  textPath: string;
  /** undefined when text.md is missing. */
  markdown: string | undefined;
  /** The learner's language, when it is not English and the lesson has a file for it. */
  translation?: { lang: string; textPath: string; markdown: string };
  /** A dev check: a step the translation lacks is shown in English (listed in `untranslated`), not refused. */
  fallback?: boolean;
  /** `lint-lessons`: also hold the translation to text.md and to the glossary (validate-translation.ts). */
  lint?: { glossary?: Glossary };
}

export function validateLesson(src: LessonSource): { lesson?: Lesson; problems: Problem[] } {
  const yaml = new YamlFile(src.yamlPath, src.yamlText);
  if (!yaml.root) {
    if (yaml.problems.length === 0) yaml.report(undefined, t('lint.lesson.empty'));
    return { problems: yaml.problems };
  }
  const top = yaml.map(yaml.root, 'lesson.yaml');
  if (!top) return { problems: yaml.problems };
  yaml.movedToText(top, 'lesson.yaml', { title: '`# <title>`', summary: '`### Summary`', readMore: '`### Read more`' });
  const keys = yaml.entries(top, 'lesson.yaml', TOP_KEYS, ['steps']);
  let requires: string[] | undefined = [];
  if (keys.has('requires')) {
    requires = yaml.textList(keys.get('requires'), '`requires`');
    const bad = requires?.filter((f) => !FEATURES.includes(f)) ?? [];
    if (bad.length)
      yaml.report(keys.get('requires'), t('lint.lesson.unknown-feature', { features: bad.join(', '), known: FEATURES.join(', ') }));
  }

  let containers: Record<string, ContainerSpec> | undefined = {};
  if (keys.has('container') && keys.has('containers')) yaml.report(keys.get('containers'), t('lint.lesson.container-and-containers'));
  else if (keys.has('containers')) containers = validateContainers(yaml, keys.get('containers')!);
  else if (keys.has('container')) {
    // `container:` is shorthand for one container named `main`.
    const spec = validateSpec(yaml, keys.get('container')!, '`container`');
    containers = spec && { main: spec };
  }
  const names = Object.keys(containers ?? {});

  const steps: StepShape[] = [];
  const stepsNode = keys.get('steps');
  const seq = stepsNode ? yaml.seq(stepsNode, '`steps`') : undefined;
  if (seq && seq.items.length === 0) yaml.report(stepsNode, t('lint.lesson.no-steps'));
  const seen = new Map<string, number>();
  // Ids as written, also of steps that have other problems, so text.md is matched against them all.
  const writtenIds = new Set<string>();
  seq?.items.forEach((node, i) => {
    const id = isMap(node) ? node.get('id') : undefined;
    if (typeof id === 'string') writtenIds.add(id);
    const step = validateStep(yaml, node, i, names);
    if (!step) return;
    const first = seen.get(step.id);
    if (first !== undefined) {
      yaml.report(node, t('lint.lesson.step-twice', { id: step.id, line: first }));
      return;
    }
    seen.set(step.id, step.at.line);
    steps.push(step);
  });

  const problems = [...yaml.problems];
  if (src.markdown === undefined) {
    problems.push({
      file: src.textPath,
      line: 1,
      column: 1,
      message: t('lint.lesson.no-text'),
    });
    return { problems };
  }
  const english = splitText(src.markdown);
  const own = attachProse(english, src.textPath, steps, writtenIds);
  problems.push(...own.problems);
  let { prose, steps: withText } = own;
  let untranslated: string[] = [];
  if (src.translation) {
    const text = splitText(src.translation.markdown);
    const translated = attachProse(text, src.translation.textPath, steps, writtenIds, src.fallback ? english : undefined);
    problems.push(...translated.problems);
    if (src.lint) problems.push(...checkTranslation(english, text, src.translation.lang, src.translation.textPath, src.lint.glossary));
    ({ prose, steps: withText, untranslated } = translated);
  }
  problems.push(...checkReferences(own.steps, names));
  if (problems.length > 0 || !prose || !containers || !requires) return { problems };
  return {
    problems,
    lesson: {
      id: src.id,
      order: src.order,
      dir: src.dir,
      lang: src.translation?.lang ?? 'en',
      ...prose,
      containers,
      requires,
      steps: withText,
      ...(untranslated.length ? { untranslated } : {}),
    },
  };
}
