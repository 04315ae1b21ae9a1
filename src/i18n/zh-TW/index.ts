/** The zh-TW catalogue, by area (the same areas as English). */
import { actions } from './actions.js';
import { checks } from './checks.js';
import { cli } from './cli.js';
import { doctor } from './doctor.js';
import { kernel } from './kernel.js';
import { lessons } from './lessons.js';
import { lint } from './lint.js';
import { probes } from './probes.js';
import { runtime } from './runtime.js';
import { tui } from './tui.js';
import { workshop } from './workshop.js';

export const catalogue = {
  ...actions,
  ...checks,
  ...cli,
  ...doctor,
  ...kernel,
  ...lessons,
  ...lint,
  ...probes,
  ...runtime,
  ...tui,
  ...workshop,
};
