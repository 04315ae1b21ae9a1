import { expect, it } from 'vitest';
import { formatProblem, loadLessons } from '../../src/lessons/load-lessons.js';

it.each(['02-mount-namespace', '04-overlay', '05-whiteouts'])('lesson %s passes the lesson validator', (folder) => {
  const { lessons, problems } = loadLessons(`lessons/${folder}`);
  expect(problems.map(formatProblem)).toEqual([]);
  expect(lessons).toHaveLength(1);
});
