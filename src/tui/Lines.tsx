/**
 * Draws planned lines. Every line is already cut to the width it is drawn in, so Ink never wraps.
 */
import { Box, Text } from 'ink';
import type { Line } from './line.js';
import type { Theme } from './theme.js';

export interface LinesProps {
  lines: readonly Line[];
  theme: Theme;
  /** Width of the column the lines are drawn in. */
  width?: number;
}

export function Lines({ lines, theme, width }: LinesProps) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line.length === 0
            ? ' '
            : line.map((seg, j) => (
                <Text key={j} {...theme.style(seg.tone)}>
                  {seg.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
