/** The network and capabilities lessons' tmux lab: one lesson at 100×30, this tier's state paths. */
import { pathVars, TIERS } from '../helpers/lab.js';
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(lessonDir: string) {
    super({ name: 'clab6-e2e', env: { ...pathVars(TIERS.network), NO_COLOR: '1' }, lessonDir });
  }
}
