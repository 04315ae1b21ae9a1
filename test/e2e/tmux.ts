/** The PID lesson's tmux lab: the whole lab (every lesson), this tier's state paths. */
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';
import { LAB_ENV } from './lab-env.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(size: { columns: number; rows: number }, extraEnv: Record<string, string> = {}) {
    super({ name: 'clab3-e2e', env: { ...LAB_ENV, ...extraEnv }, ...size });
  }
}
