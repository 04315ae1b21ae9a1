/**
 * The lab's root component: picks the screen for the state, and turns keys into intents for the
 * controller. State lives in the store (outside React), so the app can be unmounted for the shell
 * and mounted again exactly where the learner was.
 */
import { Box, useInput } from 'ink';
import type { Lesson } from '../lessons/types.js';
import { helpLines, planHome, tooSmallLines } from './home-plan.js';
import { intentFor, splitKeys } from './keys.js';
import type { Intent } from './keys.js';
import { planLesson } from './lesson-plan.js';
import { LessonScreen } from './LessonScreen.js';
import { Lines } from './Lines.js';
import { quitLines } from './quit-plan.js';
import type { Store } from './store.js';
import type { Theme } from './theme.js';
import { useNow } from './use-now.js';
import { useStore } from './use-store.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  store: Store;
  lessons: ReadonlyMap<string, Lesson>;
  theme: Theme;
  onIntent(intent: Intent): void;
}

export function App({ store, lessons, theme, onIntent }: AppProps) {
  const state = useStore(store);
  useTerminalSize(store);
  const now = useNow(state.lesson?.running !== undefined);
  useInput((input, key) => {
    for (const [one, keys] of splitKeys(input, key, Boolean(store.getState().lesson?.answering))) {
      const intent = intentFor(one, keys, store.getState());
      if (intent) onIntent(intent);
    }
  });
  if (state.columns < 80 || state.rows < 24) return <Lines lines={tooSmallLines(state.columns, state.rows)} theme={theme} />;
  if (state.screen === 'quitting') return <Lines lines={quitLines(state)} theme={theme} />;
  if (state.help) return <Lines lines={helpLines(state.columns)} theme={theme} />;
  const lesson = state.lesson && lessons.get(state.lesson.id);
  if (state.screen === 'lesson' && lesson) return <LessonScreen plan={planLesson(state, lesson, now, theme.mono)} theme={theme} />;
  const home = planHome(state);
  return (
    <Box flexDirection="column">
      <Lines lines={home.lines} theme={theme} />
      <Lines lines={[home.footer]} theme={theme} />
    </Box>
  );
}
