/**
 * Records what every step of every lesson really shows, for the screen test (screens.test.tsx):
 * each step run on the real kernel as a learner would in order, its StepResult (panes, calls,
 * output, live reads), and for a your-turn step also a wrong answer's verdict, the three hints and
 * the solved check. Run as root when a lesson's panes or actions change:
 *
 *   sudo npx vite-node test/screens/record.ts                  (all lessons)
 *   sudo npx vite-node test/screens/record.ts overlay          (one)
 *   sudo npx vite-node test/screens/record.ts --lang zh-CN     (in another language)
 *
 * Everything a step says (its text, a check's verdict, hints, what an action printed, pane titles)
 * is in the language of the run, so each language has its own recording: fixtures/<lesson>.json in
 * English, fixtures/<lang>/<lesson>.json otherwise. Record a language again when its strings change.
 *
 * The fixtures are rewritten as a learner's machine with the default paths would show them: the
 * state and run directories, the cgroup parent and the link prefix lose any test suffix, and the
 * checkout's path becomes /opt/container-lab.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { openLabRuntime } from '../../src/lessons/lab-runtime.js';
import { languageOf, setLanguage } from '../../src/i18n/index.js';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { labPaths } from '../../src/runtime/paths.js';
import { fixtureFile, type RecordedLesson, type RecordedStep } from './fixture.js';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? languageOf(args.splice(langAt, 2)[1] ?? '') : 'en';
if (!lang) throw new Error('--lang takes en, zh-CN or zh-TW');
const only = args[0];
const root = path.resolve(__dirname, '../..');
setLanguage(lang);
const { lessons, problems } = loadLessons(path.join(root, 'lessons'), lang);
if (problems.length) throw new Error(`The lessons have problems: run lint-lessons first.\n${problems.map((p) => p.message).join('\n')}`);

/** The default names of what a suffixed test run calls `…-sc`, `clsc`: a learner's view. */
function asLearnerSees(json: string): string {
  const paths = labPaths();
  const pairs: [string, string][] = [
    [paths.stateDir, '/var/lib/container-lab'],
    [paths.runDir, '/run/container-lab'],
    [paths.cgroupParent, 'container-lab'],
    [root, '/opt/container-lab'],
  ];
  let out = json;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  // Link names start with the prefix: clsc0, clscv1a2b3 → clab0, clabv1a2b3.
  return out.replace(new RegExp(`\\b${paths.linkPrefix}(?=[0-9pv_])`, 'g'), 'clab');
}

const lab = await openLabRuntime();
try {
  for (const lesson of lessons.filter((l) => !only || l.id === only)) {
    const session = new LessonSession({ lesson, runtime: lab.runtime, missingFeature: lab.missingFeature });
    const steps: RecordedStep[] = [];
    for (const [index, step] of lesson.steps.entries()) {
      if (!step.yourTurn) {
        steps.push({ id: step.id, result: await session.runStep(index) });
        continue;
      }
      const looked = await session.runStep(index);
      const wrong = await session.check(index, '1');
      const hints = [await session.hint(index, 0), await session.hint(index, 1)];
      const solved = await session.solve(index);
      hints.push(await session.hint(index, 2));
      steps.push({ id: step.id, result: looked, turn: { wrong, hints, answer: solved.answer ?? '', check: solved.check! } });
    }
    await session.close();
    const recorded: RecordedLesson = { lesson: lesson.id, labPid: process.pid, steps };
    const file = fixtureFile(lesson.id, lang);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // One step per line: a re-recording shows in a diff as the steps that changed.
    const text = `{"lesson":${JSON.stringify(recorded.lesson)},"labPid":${recorded.labPid},"steps":[\n${steps.map((st) => JSON.stringify(st)).join(',\n')}\n]}\n`;
    fs.writeFileSync(file, asLearnerSees(text));
    console.log(
      `${lesson.id}: ${steps.length} steps → ${path.relative(root, file)} (${
        steps
          .filter((s) => s.result.status !== 'done')
          .map((s) => `${s.id} ${s.result.status}`)
          .join(', ') || 'all done'
      })`,
    );
  }
} finally {
  await lab.close();
}
