/** The network and capabilities lessons' tmux lab: one lesson at 100×30, this tier's state paths. */
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';
import { LAB_ENV } from './lab-env.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(lessonDir: string) {
    super({ name: 'clab6-e2e', env: LAB_ENV, lessonDir });
  }
}
