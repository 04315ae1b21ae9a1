/**
 * The lab's start: the first frame in about the time Node itself takes to start.
 *
 * Ink, React and the layout engine take a few hundred milliseconds to load, and validating every
 * lesson file another hundred. So the home screen is first drawn here, from a quick preview of the
 * lessons, the learner's progress and the doctor's findings, as plain styled text; then the Ink app
 * loads, validates the lessons for real and takes over the same screen. Keys typed meanwhile wait
 * in the terminal until the app reads them.
 */
import { setFlagsFromString } from 'node:v8';
import { doctorSummary, runDoctor } from '../doctor/index.js';
import { featureCheck } from '../lessons/lab-runtime.js';
import { previewLessons } from '../lessons/preview.js';
import type { LessonPreview } from '../lessons/preview.js';
import type { Transcript } from '../lessons/transcript.js';
import { loadProgress, progressLocation } from '../lessons/progress.js';
import { language, t } from '../i18n/index.js';
import { ansiFrame } from './ansi-frame.js';
import { planHome } from './home-plan.js';
import { initialState } from './state.js';
import type { LabState, LessonEntry } from './state.js';
import { themeFor } from './theme.js';

export const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
export const ALT_SCREEN_OFF = '\x1b[?1049l';

export interface Prepared {
  lessonsDir: string;
  state: LabState;
  findings: ReturnType<typeof runDoctor>;
  progressFile: ReturnType<typeof progressLocation>;
  /** What the first frame read of each lesson (the app counts from it the steps this host will skip). */
  previews: LessonPreview[];
  /** `--transcript FILE`: where the session is written as it happens. */
  transcript?: Transcript;
  /** `lesson <id> --step N`: the lesson and step (0-based) to open at once, fast-forwarded. */
  openAt?: { lesson: string; step: number };
}

/** The home screen's lessons, with why this host cannot run one (in the words of the doctor's findings). */
export function lessonEntries(previews: LessonPreview[], findings: ReturnType<typeof runDoctor>): LessonEntry[] {
  const missing = featureCheck(findings);
  return previews.map((l) => ({
    id: l.id,
    title: l.title,
    summary: l.summary,
    steps: l.steps,
    stepIds: l.stepIds,
    blocked: l.requires.map(missing).find(Boolean),
  }));
}

export async function startLab({
  lessonsDir,
  transcript,
  presenter,
  openAt,
}: {
  lessonsDir: string;
  transcript?: Transcript;
  presenter?: boolean;
  openAt?: Prepared['openAt'];
}): Promise<number> {
  // The lab stays open for a whole workshop: let V8 favour a small heap over peak speed. Its heap
  // then stays near 40 MB instead of 60 MB, and the whole process under 100 MB (measured in
  // bench/tui.bench.ts). The flag is read as the heap grows, so setting it here still takes effect.
  setFlagsFromString('--optimize-for-size');
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) {
    process.stderr.write(`container-lab: ${t('tui.needs-terminal')}\n`);
    return 2;
  }
  const findings = runDoctor();
  const progressFile = progressLocation();
  const loaded = loadProgress(progressFile.file);
  const previews = previewLessons(lessonsDir, language());
  const state = initialState({
    lessons: lessonEntries(previews, findings),
    doctorLine: doctorSummary(findings),
    findings,
    progress: loaded.progress,
    columns: stdout.columns ?? 80,
    rows: stdout.rows ?? 24,
    warning: loaded.warning,
    presenter,
  });
  // Raw mode now: keys typed before the app is ready must not be echoed over the screen.
  stdin.setRawMode(true);
  const giveBack = () => {
    stdout.write(ALT_SCREEN_OFF);
    stdin.setRawMode(false);
    process.exit(130);
  };
  const early = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of early) process.once(signal, giveBack);
  if (state.columns >= 80 && state.rows >= 24) {
    const home = planHome(state);
    stdout.write(`${ALT_SCREEN_ON}\x1b[2J${ansiFrame([...home.lines, home.footer], themeFor())}\x1b[H`);
  } else {
    stdout.write(`${ALT_SCREEN_ON}\x1b[2J`);
  }
  const { startTui } = await import('./index.js');
  for (const signal of early) process.off(signal, giveBack);
  return startTui({ lessonsDir, state, findings, progressFile, previews, transcript, openAt });
}
