import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { PROBES } from '../../src/probes/index.js';

const readme = readFileSync(path.resolve(__dirname, '../../lessons/README.md'), 'utf8');

describe('lessons/README.md', () => {
  it('documents every action, probe and check a lesson can name', () => {
    const missing = [...Object.keys(ACTIONS), ...Object.keys(PROBES), ...Object.keys(CHECKS)].filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing, 'add a row for each to lessons/README.md').toEqual([]);
  });
});
