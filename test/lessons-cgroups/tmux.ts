/**
 * The cgroups lesson's tmux lab: one lesson at 100×30, this tier's state paths, and long waits
 * (the lesson's workloads run for seconds, and for much longer in the emulated v2 guest).
 */
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';
import { LAB_ENV } from './lab-env.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(lessonDir: string) {
    super({ name: `${LAB_ENV.CONTAINER_LAB_LINK_PREFIX}-e2e`, env: LAB_ENV, lessonDir, timeoutMs: 60_000 });
  }
}
