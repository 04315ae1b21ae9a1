/**
 * Renders the real App with the real controller over the fake runtime (test/lessons/fake-lab.ts),
 * at a given terminal size, with ink-testing-library.
 */
import path from 'node:path';
import { render } from 'ink-testing-library';
import { loadLessons } from '../../src/lessons/load-lessons.js';
import { App } from '../../src/tui/App.js';
import { LabController } from '../../src/tui/controller.js';
import { initialState } from '../../src/tui/state.js';
import { createStore } from '../../src/tui/store.js';
import { themeFor } from '../../src/tui/theme.js';
import { FakeLab } from '../lessons/fake-lab.js';

export const LESSONS = loadLessons(path.resolve(__dirname, '../../lessons')).lessons.filter((l) => l.id === 'pid-namespace');

export function startApp(
  opts: {
    columns?: number;
    rows?: number;
    noColor?: boolean;
    shell?: () => Promise<void>;
    broken?: string[];
    skipped?: { count: number; fix?: string };
  } = {},
) {
  const lab = new FakeLab();
  const store = createStore(
    initialState({
      lessons: LESSONS.map((l) => ({
        id: l.id,
        title: l.title,
        summary: l.summary,
        steps: l.steps.length,
        ...(opts.skipped ? { skipped: opts.skipped } : {}),
      })),
      doctorLine: 'doctor: 12 ok',
      progress: { version: 1, lessons: {} },
      columns: opts.columns ?? 80,
      rows: opts.rows ?? 24,
    }),
  );
  const saved: unknown[] = [];
  const controller = new LabController(store, {
    loadLesson: (id) => (opts.broken ? { problems: opts.broken } : { lesson: LESSONS.find((l) => l.id === id), problems: [] }),
    runtime: async () => lab,
    missingFeature: () => undefined,
    relabel: () => ({ lessons: store.getState().lessons, findings: store.getState().findings ?? [] }),
    saveProgress: (p) => void saved.push(p),
    openShell: opts.shell ?? (async () => {}),
    teardownItems: () => [],
    quit: async () => {},
    session: { procRoot: lab.host.root, labPid: lab.labPid, containerReader: () => lab.insideReader() },
  });
  let pending: Promise<void> = Promise.resolve();
  const theme = themeFor(opts.noColor ? { NO_COLOR: '1' } : {});
  const app = <App store={store} lessons={controller.loaded} theme={theme} onIntent={(i) => (pending = controller.handle(i))} />;
  const ui = render(app);
  // ink-testing-library's stdout is 100 columns wide; make it the size under test, as a terminal would be.
  Object.defineProperty(ui.stdout, 'columns', { value: opts.columns ?? 80 });
  Object.defineProperty(ui.stdout, 'rows', { value: opts.rows ?? 24 });
  ui.rerender(app);
  return {
    ui,
    lab,
    store,
    controller,
    saved,
    /** Types keys, then waits for the work they started and for Ink to draw. */
    async press(...keys: string[]) {
      for (const key of keys) {
        ui.stdin.write(key);
        await new Promise((r) => setTimeout(r, 5));
        await pending;
      }
      await new Promise((r) => setTimeout(r, 20));
    },
    frame: () => ui.lastFrame() ?? '',
    cleanup() {
      ui.unmount();
      lab.cleanup();
    },
  };
}

export const KEY = { enter: '\r', left: '\u001b[D', right: '\u001b[C', down: '\u001b[B', up: '\u001b[A', esc: '\u001b' };
