/**
 * The lesson screen: step text (and the facilitator's notes with --presenter), predict / your-turn, what ran, then the Host and Container panes
 * side by side (wide) or stacked (narrow). It draws a plan made by planLesson and nothing else.
 */
import { Box } from 'ink';
import type { LessonPlan } from './lesson-plan.js';
import { Lines } from './Lines.js';
import type { Theme } from './theme.js';

export interface LessonScreenProps {
  plan: LessonPlan;
  theme: Theme;
}

export function LessonScreen({ plan, theme }: LessonScreenProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={[plan.header, ...plan.text, ...plan.notes, ...plan.extra, ...plan.events]} theme={theme} />
      {plan.sideBySide ? (
        <Box flexDirection="row">
          <Lines lines={plan.host} theme={theme} width={plan.paneWidth} />
          <Lines lines={plan.host.map(() => [{ text: ' │', tone: 'muted' as const }])} theme={theme} width={3} />
          <Lines lines={plan.container} theme={theme} width={plan.paneWidth} />
        </Box>
      ) : (
        <Lines lines={[...plan.host, ...plan.container]} theme={theme} />
      )}
      <Lines lines={[...plan.message, plan.footer]} theme={theme} />
    </Box>
  );
}
