import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lessons/glossary.js';
import { lessonLanguages, loadLessons } from '../../src/lessons/load-lessons.js';
import { joinLines, parseMarkdown } from '../../src/lessons/markdown.js';
import { validateLesson } from '../../src/lessons/validate-lesson.js';

const DIR = path.resolve(__dirname, 'fixtures/translated');
const LESSON = path.join(DIR, '01-demo');
const read = (file: string) => readFileSync(path.join(LESSON, file), 'utf8');
const ZH = read('text.zh-CN.md');

/** The fixture loaded in zh-CN with `markdown` as its translation, as `lint-lessons` checks it. */
function lint(markdown: string): string[] {
  const { glossary } = loadGlossary(DIR);
  const { problems } = validateLesson({
    id: 'demo',
    order: 1,
    dir: LESSON,
    yamlPath: path.join(LESSON, 'lesson.yaml'),
    yamlText: read('lesson.yaml'),
    textPath: path.join(LESSON, 'text.md'),
    markdown: read('text.md'),
    translation: { lang: 'zh-CN', textPath: path.join(LESSON, 'text.zh-CN.md'), markdown },
    lint: glossary ? { glossary } : {},
  });
  return problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
}

/** The translation with one piece changed; fails the test when `from` is not there to change. */
function changed(from: string, to: string): string {
  expect(ZH).toContain(from);
  return ZH.replace(from, to);
}

describe("lesson text in the learner's language", () => {
  it('English is the default, and a lesson loads exactly as text.md says', () => {
    const { lessons, problems } = loadLessons(DIR);
    expect(problems).toEqual([]);
    const [demo] = lessons;
    expect([demo?.lang, demo?.title, demo?.summary, demo?.readMore]).toEqual([
      'en',
      'The PID namespace',
      'One process, two PIDs.',
      ['pid_namespaces(7): PID 1 and orphans', 'runc: libcontainer/nsenter'],
    ]);
    const [start, find] = demo!.steps;
    expect(start?.predict).toEqual({
      question: "Inside the new namespace, what PID does the container's first process have?",
      choices: ['The same number the host gives it', '1'],
      answer: 1,
      reveal: 'A new PID namespace numbers its processes from 1 again.',
    });
    expect(start?.ranText).toContain('{host:container} on the host');
    expect([start?.shell, find?.shell, find?.yourTurn?.hints[2]]).toEqual([
      'unshare --pid --fork --mount-proc /bin/sh',
      'pgrep -a sleep',
      'Read from the host just now: {answer}.',
    ]);
  });

  it('reads text.zh-CN.md for zh-CN: the same structure, its prose, Chinese lines joined without spaces', () => {
    const { lessons, problems } = loadLessons(DIR, 'zh-CN');
    expect(problems).toEqual([]);
    const demo = lessons[0]!;
    const english = loadLessons(DIR).lessons[0]!;
    expect([demo.lang, demo.title, demo.summary]).toEqual(['zh-CN', 'PID 命名空间', '一个进程，两个 PID。']);
    // Structure is lesson.yaml's: the same steps, actions, panes and answer.
    expect(demo.steps.map((s) => [s.id, s.run, s.host, s.predict?.answer])).toEqual(
      english.steps.map((s) => [s.id, s.run, s.host, s.predict?.answer]),
    );
    expect(demo.steps[0]?.predict?.choices).toEqual(['与宿主机给它的编号相同', '1']);
    expect(demo.steps[1]?.title).toBe('轮到你了：找出宿主机上的 PID');
    // A line break between two Chinese characters, or after full-width punctuation, joins with nothing.
    expect(demo.steps[1]?.yourTurn?.task).toBe('在容器里启动一个后台进程，然后输入宿主机看到的它的 PID。');
    const paragraph = parseMarkdown(demo.steps[0]!.text)[0];
    expect(paragraph?.kind === 'paragraph' && paragraph.spans.map((s) => s.text).join('')).toBe(
      '按 Enter 启动一个容器。实验室调用 unshare(CLONE_NEWPID)：它的下一个子进程就是新命名空间（namespace）中的 PID 1。',
    );
  });

  it('a language the lesson has no file for is English; lint-lessons finds the languages there are', () => {
    const { lessons } = loadLessons(DIR, 'zh-TW');
    expect(lessons.map((l) => [l.lang, l.title])).toEqual([['en', 'The PID namespace']]);
    expect(lessonLanguages(DIR)).toEqual(['en', 'zh-CN']);
    expect(lessonLanguages(LESSON)).toEqual(['en', 'zh-CN']);
  });

  it('a step the translation lacks is a problem; in the dev check it is shown in English and listed', () => {
    const without = ZH.slice(0, ZH.indexOf('## find:'));
    expect(lint(without)).toContain('text.zh-CN.md:1: step "find" (lesson.yaml line 12) has no `## find: <title>` section.');
    const { lesson, problems } = validateLesson({
      id: 'demo',
      order: 1,
      dir: LESSON,
      yamlPath: path.join(LESSON, 'lesson.yaml'),
      yamlText: read('lesson.yaml'),
      textPath: path.join(LESSON, 'text.md'),
      markdown: read('text.md'),
      translation: { lang: 'zh-CN', textPath: path.join(LESSON, 'text.zh-CN.md'), markdown: without },
      fallback: true,
    });
    expect(problems).toEqual([]);
    expect(lesson?.untranslated).toEqual(['find']);
    expect([lesson?.steps[0]?.title, lesson?.steps[1]?.title]).toEqual(['新的 PID 命名空间', 'Your turn: find the host PID']);
  });

  it('wrapped lines: a space between English words, none between Chinese characters', () => {
    expect(joinLines(['one process,', 'two PIDs'])).toBe('one process, two PIDs');
    expect(joinLines(['新命名空间', '中的 PID 1'])).toBe('新命名空间中的 PID 1');
    expect(joinLines(['它的', 'PID。'])).toBe('它的 PID。');
    expect(joinLines(['容器。', 'Docker 会'])).toBe('容器。Docker 会');
  });
});

describe('lint-lessons on a translation', () => {
  it('the complete fixture translation passes', () => {
    expect(lint(ZH)).toEqual([]);
  });

  it('headings stay in English: a translated keyword is an unknown heading, and its part is missing', () => {
    expect(lint(changed('### Reveal', '### 揭晓'))).toEqual([
      'text.zh-CN.md:30: `### 揭晓`: unknown heading in a step; the ones there are `### Once it has run`, `### Predict`, `### Reveal`, `### Your turn`, `### Hints`, `### By hand`, `### Docker`, `### Notes` (keep them in English).',
      'text.zh-CN.md:14: `## start`: lesson.yaml has `predict:`, so this section needs `### Reveal`: why the right answer is right.',
      'text.zh-CN.md:14: `## start` `### Reveal` is missing: text.md has it (line 30).',
    ]);
  });

  it('placeholders are kept', () => {
    expect(lint(changed('{answer}', '答案'))).toEqual([
      'text.zh-CN.md:51: `## find` `### Hints`: the placeholder {answer} is missing (text.md has it); keep it as it is.',
    ]);
  });

  it('code spans are kept byte for byte', () => {
    expect(lint(changed('`sleep 600 &`', '`sleep 600&`'))).toEqual([
      'text.zh-CN.md:42: `## find`: the code span `sleep 600 &` is missing (text.md has it); keep it as it is.',
      'text.zh-CN.md:42: `## find`: the code span `sleep 600&` is not in text.md; code spans are kept exactly as in English.',
    ]);
  });

  it('a code span wrapped across two lines is the same span: Markdown reads the line break as a space', () => {
    const wrapped = changed('运行 `sleep 600 &`。', '运行 `sleep\n  600 &`。');
    expect(lint(wrapped)).toEqual([]);
    const paragraph = parseMarkdown('运行 `sleep\n  600 &`。')[0];
    expect(paragraph?.kind === 'paragraph' && paragraph.spans.map((s) => s.text)).toEqual(['运行 ', 'sleep 600 &', '。']);
    // Only the break counts as a space: a span that differs is still reported, as it reads after the wrap.
    expect(lint(changed('运行 `sleep 600 &`。', '运行 `sleep\n600&`。'))).toEqual([
      'text.zh-CN.md:42: `## find`: the code span `sleep 600 &` is missing (text.md has it); keep it as it is.',
      'text.zh-CN.md:42: `## find`: the code span `sleep 600&` is not in text.md; code spans are kept exactly as in English.',
    ]);
  });

  it('as many choices and hints as in English', () => {
    expect(lint(changed('1. 与宿主机给它的编号相同\n', ''))).toEqual([
      'text.zh-CN.md:23: `## start`: `### Predict`: give 2 to 5 choices (the learner picks one with keys 1-5); it has 1.',
      "text.zh-CN.md:23: `## start`: `### Predict`: lesson.yaml's `answer: 2` names no choice here.",
      'text.zh-CN.md:23: `## start` `### Predict`: has 1 items; text.md has 2, in the same order.',
    ]);
    expect(lint(changed('1. 一个进程，两个编号。从宿主机上看。\n', ''))).toContain(
      'text.zh-CN.md:51: `## find`: `### Hints`: give exactly 3, numbered: a nudge, a pointer (which file or command), then the answer (it may use {answer}).',
    );
  });

  it('man pages and source pointers are kept', () => {
    expect(lint(changed('pid_namespaces(7)：', 'PID 手册：'))).toEqual([
      'text.zh-CN.md:9: `### Read more`: the pointer pid_namespaces(7) is missing (text.md has it); keep it as it is.',
    ]);
    expect(lint(changed('libcontainer/nsenter', 'nsenter 的代码'))).toEqual([
      'text.zh-CN.md:9: `### Read more`: the pointer libcontainer/nsenter is missing (text.md has it); keep it as it is.',
    ]);
  });

  it('no English left outside code spans (a name such as CLONE_NEWPID or PID may stay)', () => {
    expect(lint(changed('新的 PID 命名空间从 1 开始重新给进程编号。', '新的 PID 命名空间 numbers its processes from 1 again.'))).toEqual([
      'text.zh-CN.md:30: `## start` `### Reveal`: "numbers its processes from" is English: translate it, or write a kernel name in `code`.',
    ]);
  });

  it('the glossary: its term, never a variant, with the English in parentheses on first use', () => {
    expect(lint(changed('在新的命名空间里', '在新的名字空间里'))).toEqual([
      'text.zh-CN.md:23: `## start` `### Predict`: "名字空间" for "namespace": the glossary\'s zh-CN term is 命名空间.',
    ]);
    expect(lint(changed('命名空间（namespace）', '命名空间'))).toEqual([
      "text.zh-CN.md:14: `## start`: the lesson's first 命名空间 gives the English in parentheses: 命名空间（namespace）.",
    ]);
    expect(lint(ZH.replaceAll('宿主机（host）', '主机').replaceAll('宿主机', '主机'))).toEqual([
      'text.zh-CN.md:1: text.md speaks of "host", and this translation never uses the glossary\'s 宿主机.',
    ]);
    expect(lint(changed('两个编号。', '两个号码。'))).toEqual([
      'text.zh-CN.md:51: `## find` `### Hints`: "号码" for "number": the glossary\'s zh-CN term is 编号.',
    ]);
  });

  it('the shipped glossary reads without problems and fixes each term for both Chinese scripts', () => {
    const { glossary, problems } = loadGlossary(path.resolve(__dirname, '../../lessons'));
    expect(problems).toEqual([]);
    for (const entry of glossary!.terms) expect([entry.en, Object.keys(entry.to).sort()]).toEqual([entry.en, ['zh-CN', 'zh-TW']]);
    const term = (en: string) => glossary!.terms.find((t) => t.en === en)?.to;
    expect(term('process')).toEqual({ 'zh-CN': '进程', 'zh-TW': '行程' });
    expect(term('namespace')).toEqual({ 'zh-CN': '命名空间', 'zh-TW': '命名空間' });
  });
});
