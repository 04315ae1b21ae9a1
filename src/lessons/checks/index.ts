/**
 * The check catalogue: every way a your-turn answer can be checked against real state.
 * To add one, write `src/lessons/checks/<name>.ts` exporting a {@link CheckDef} and list it here.
 */
import type { CheckDef } from './check.js';
import { hostPidOfContainerProcess } from './host-pid-of-container-process.js';
import { raisedMemoryLimit } from './raised-memory-limit.js';
import { whiteoutInUpper } from './whiteout-in-upper.js';

export const CHECKS: Readonly<Record<string, CheckDef>> = Object.fromEntries(
  [hostPidOfContainerProcess, whiteoutInUpper, raisedMemoryLimit].map((c) => [c.name, c]),
);

export type { CheckDef, CheckOutcome } from './check.js';
