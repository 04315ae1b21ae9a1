/**
 * The lab's terminal app: `sudo container-lab [--lessons DIR]`.
 *
 * Loads the lessons, the learner's progress and the doctor's findings, opens the runtime, and draws
 * the lab with Ink on the terminal's alternate screen. The shell key unmounts Ink, hands the terminal
 * to a shell inside the container, and mounts the lab again where the learner was. Quitting, Ctrl-C,
 * SIGTERM and SIGHUP all tear down what the lab made before the terminal is given back.
 */
import { render } from 'ink';
import type { Instance } from 'ink';
import { doctorSummary } from '../doctor/index.js';
import { runDoctor } from '../doctor/index.js';
import { featureCheck, openLabRuntime } from '../lessons/lab-runtime.js';
import { loadLessons } from '../lessons/load-lessons.js';
import { loadProgress, progressLocation, saveProgress } from '../lessons/progress.js';
import { App } from './App.js';
import { LabController } from './controller.js';
import { runOnPty } from './shell-handoff.js';
import { initialState } from './state.js';
import { createStore } from './store.js';
import { themeFor } from './theme.js';

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const ALT_SCREEN_OFF = '\x1b[?1049l';

export interface TuiOptions {
  lessonsDir: string;
}

export async function startTui({ lessonsDir }: TuiOptions): Promise<number> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) {
    process.stderr.write('container-lab: the lab needs an interactive terminal. In a script or CI, run `container-lab lesson <id> --plain` instead.\n');
    return 2;
  }
  const { lessons, problems } = loadLessons(lessonsDir);
  const findings = runDoctor();
  const missing = featureCheck(findings);
  const location = progressLocation();
  const loaded = loadProgress(location.file);
  const warning = [loaded.warning, problems.length ? `${problems.length} problem${problems.length > 1 ? 's' : ''} in the lesson files left some lessons out: run \`container-lab lint-lessons\` to see them.` : undefined].filter(Boolean).join(' ');
  const store = createStore(initialState({
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, summary: l.summary, steps: l.steps.length, blocked: l.requires.map(missing).find(Boolean) })),
    doctorLine: doctorSummary(findings),
    progress: loaded.progress,
    columns: stdout.columns ?? 80,
    rows: stdout.rows ?? 24,
    warning: warning || undefined,
  }));

  // When the terminal goes away (SIGHUP) writes to it fail: that must not stop the cleanup.
  stdout.on('error', () => {});
  let ink: Instance | undefined;
  const release = () => {
    ink?.unmount();
    ink = undefined;
    stdout.write(ALT_SCREEN_OFF);
  };
  // Raw mode before the runtime starts its shims: a shim inherits this terminal, and Node restores
  // the terminal mode it found at start-up when it exits. Started in raw mode, a shim that exits
  // while the lab runs leaves the terminal raw, as the lab needs it (its shims are killed on quit).
  stdin.setRawMode(true);
  const lab = await openLabRuntime({ findings, onSignal: release });
  const theme = themeFor();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const mount = () => {
    stdout.write(`${ALT_SCREEN_ON}\x1b[2J`);
    ink = render(<App store={store} lessons={byId} theme={theme} onIntent={(i) => void controller.handle(i)} />, { exitOnCtrlC: false, patchConsole: false });
  };
  const controller = new LabController(store, {
    lessons,
    runtime: lab.runtime,
    missingFeature: lab.missingFeature,
    saveProgress: (p) => saveProgress(location, p),
    async openShell(command) {
      ink?.unmount();
      await ink?.waitUntilExit();
      ink = undefined;
      stdout.write('\x1b[2J\x1b[H');
      stdout.write('You are in a shell inside the lesson\'s container. Type `exit` to go back to the lab.\r\n\r\n');
      await runOnPty(command, { stdin, stdout });
      mount();
    },
    async quit() {
      await lab.close();
      release();
      finish();
    },
  });
  lab.settleFirst(() => controller.settle());
  mount();
  await finished;
  return 0;
}
