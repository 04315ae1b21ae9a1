/** The network and capabilities lessons' tmux lab: one lesson at 100×30, this tier's state paths. */
import { TmuxLab as SharedTmuxLab } from '../helpers/tmux-lab.js';
import { LAB_ENV } from './lab-env.js';

export class TmuxLab extends SharedTmuxLab {
  constructor(lessonDir: string) {
    const env = Object.fromEntries(Object.entries(LAB_ENV).filter((e): e is [string, string] => e[1] !== undefined && (e[0].startsWith('CONTAINER_LAB_') || e[0] === 'NO_COLOR')));
    super({ name: 'clab6-e2e', env, lessonDir });
  }
}
