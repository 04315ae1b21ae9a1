/**
 * The lab's terminal app, once its first frame is on screen (see start.ts).
 *
 * Draws the lab with Ink on the terminal's alternate screen, validates the lessons and opens the
 * runtime. The shell key unmounts Ink, hands the terminal
 * to a shell inside the container, and mounts the lab again where the learner was. Quitting, Ctrl-C,
 * SIGTERM and SIGHUP all tear down what the lab made before the terminal is given back.
 */
import { render } from 'ink';
import type { Instance } from 'ink';
import { runDoctor } from '../doctor/index.js';
import { language, t } from '../i18n/index.js';
import { hostPrograms } from '../doctor/host-programs.js';
import { skippedHere } from '../lessons/host-check.js';
import { featureCheck, openLabRuntime } from '../lessons/lab-runtime.js';
import type { LabRuntime } from '../lessons/lab-runtime.js';
import { describeEntry } from '../runtime/ledger.js';
import { formatProblem, loadLesson } from '../lessons/load-lessons.js';
import { previewLessons } from '../lessons/preview.js';
import { saveProgress } from '../lessons/progress.js';
import { App } from './App.js';
import { LabController } from './controller.js';
import { runOnPty } from './shell-handoff.js';
import { withHint } from './step-lines.js';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON, lessonEntries } from './start.js';
import type { Prepared } from './start.js';
import { createStore } from './store.js';
import { themeFor } from './theme.js';
import { recordTo } from './transcript-hook.js';

export async function startTui(prepared: Prepared): Promise<number> {
  const { stdin, stdout } = process;
  // The steps this host will skip, per lesson: counted here rather than for the first frame,
  // because it reads every action's declaration, and the first frame loads no action.
  const host = { missingFeature: featureCheck(prepared.findings), programs: hostPrograms() };
  const skipped = new Map(prepared.previews.map((p) => [p.id, skippedHere(p.requires, p.stepNeeds, host)]));
  const created = createStore({ ...prepared.state, lessons: prepared.state.lessons.map((l) => ({ ...l, skipped: skipped.get(l.id) })) });
  const store = prepared.transcript ? recordTo(created, prepared.transcript, (id) => controller.loaded.get(id)) : created;
  // When the terminal goes away (SIGHUP) writes to it fail: that must not stop the cleanup.
  stdout.on('error', () => {});
  let ink: Instance | undefined;
  const release = () => {
    ink?.unmount();
    ink = undefined;
    stdout.write(ALT_SCREEN_OFF);
  };
  const theme = themeFor();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const mount = () => {
    stdout.write(`${ALT_SCREEN_ON}\x1b[2J`);
    ink = render(<App store={store} lessons={controller.loaded} theme={theme} onIntent={(i) => void controller.handle(i)} />, {
      exitOnCtrlC: false,
      patchConsole: false,
    });
  };
  let opened: LabRuntime | undefined;
  const controller = new LabController(store, {
    loadLesson(id) {
      const { lessons, problems } = loadLesson(prepared.lessonsDir, id, language());
      return { lesson: lessons.find((l) => l.id === id), problems: problems.map(formatProblem) };
    },
    runtime: () => labReady.then((lab) => lab.runtime),
    missingFeature: (feature) => featureCheck(prepared.findings)(feature),
    relabel() {
      // The findings and lesson texts were read in the language before: read them again in the new one.
      prepared.findings = runDoctor();
      const lessons = lessonEntries(previewLessons(prepared.lessonsDir, language()), prepared.findings);
      return { findings: prepared.findings, lessons: lessons.map((l) => ({ ...l, skipped: skipped.get(l.id) })) };
    },
    saveProgress: (p) => saveProgress(prepared.progressFile, p),
    teardownItems: () => (opened?.runtime.ledger.entries() ?? []).reverse().map((r) => ({ id: r.id, what: describeEntry(r.entry) })),
    async openShell(command) {
      ink?.unmount();
      await ink?.waitUntilExit();
      ink = undefined;
      stdout.write('\x1b[2J\x1b[H');
      stdout.write(`${t('tui.msg.shell-in')}\r\n\r\n`);
      await runOnPty(command, { stdin, stdout });
      mount();
    },
    async quit() {
      // A runtime that could not open (another lab holds the lock) has nothing to tear down.
      const lab = await labReady.catch(() => undefined);
      await lab?.close();
      release();
      finish();
    },
  });
  mount();
  if (prepared.openAt) void controller.openAt(prepared.openAt.lesson, prepared.openAt.step);
  // Now the runtime opens while the learner reads the home screen. A lesson's files are validated
  // when it is opened (all of them at once would take about 100 ms of the learner's first keys).
  // Shims and the terminal: a shim inherits this terminal, and Node restores the terminal mode it
  // found at start-up when it exits. Started while the lab is in raw mode, a shim that exits while the
  // lab runs leaves the terminal raw, as the lab needs it; on quit the shims are killed.
  const labReady = openLabRuntime({ findings: prepared.findings, onSignal: release });
  labReady.then(
    (lab) => {
      opened = lab;
      lab.settleFirst(() => controller.settle());
      // The quit screen ticks off each thing the lab made as the ledger crosses it off.
      lab.runtime.ledger.onRemove((id) => store.dispatch({ type: 'teardown-done', id }));
    },
    (err: Error & { hint?: string }) => {
      store.dispatch({
        type: 'message',
        text: t('tui.msg.no-runtime', { error: withHint(err.message, err.hint) }),
        tone: 'bad',
      });
    },
  );
  await finished;
  return 0;
}
