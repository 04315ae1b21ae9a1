/**
 * The cgroups lesson's tmux lab: one lesson at 100×30, this tier's state paths, and long waits
 * (the lesson's workloads run for seconds, and for much longer in the emulated v2 guest).
 */
import { pathVars, TIERS } from '../helpers/lab.js';
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(lessonDir: string) {
    super({
      name: `${TIERS.cgroupsLesson.linkPrefix}-e2e`,
      env: { ...pathVars(TIERS.cgroupsLesson), NO_COLOR: '1' },
      lessonDir,
      timeoutMs: 60_000,
    });
  }
}
