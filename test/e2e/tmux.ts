/** The PID lesson's tmux lab: the whole lab (every lesson), this tier's state paths. */
import { pathVars, TIERS } from '../helpers/lab.js';
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(size: { columns: number; rows: number }, extraEnv: Record<string, string> = {}) {
    super({ name: 'clab3-e2e', env: { ...pathVars(TIERS.e2e), ...extraEnv }, ...size });
  }
}
