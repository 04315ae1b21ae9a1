/**
 * `overlay-dirs`: the directories an overlay mount is made of, read back from its mount options in
 * /proc/self/mountinfo (as `docker inspect` shows GraphDriver.Data): each lowerdir, upperdir,
 * workdir and the merged mount point, with inode number, device and entry count.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import { statNode } from '../overlay/tree.js';
import { findOverlay, notMounted, OVERLAY_ARG } from './overlay-common.js';
import type { ProbeDef } from './probe.js';

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['role', 'directory', 'inode', 'dev', 'entries'];

export const overlayDirsProbe: ProbeDef = {
  name: 'overlay-dirs',
  columns: COLUMNS,
  summary:
    'The lowerdir, upperdir, workdir and merged directories of a lab overlay, from its mount options, with inode, device and entry count.',
  args: { overlay: OVERLAY_ARG },
  title: (root, args) => t('probes.title.overlay-dirs', { root, name: String(args.overlay) }),
  async run({ procRoot, args }) {
    const name = String(args.overlay);
    const title = t('probes.title.overlay-dirs', { root: procRoot, name });
    const dirs = findOverlay(name, procRoot);
    if (!dirs) return { title, rows: [], note: notMounted(name) };
    const roles = [
      ...[...dirs.lowers].reverse().map((l) => ({ role: `lowerdir (${l.name})`, dir: l.dir })),
      { role: 'upperdir', dir: dirs.upper },
      { role: 'workdir', dir: dirs.work },
      { role: 'merged', dir: dirs.merged },
    ];
    const rows = roles.map(({ role, dir }) => {
      const n = statNode(dir, dir);
      return { key: role, cells: [role, dir, n.ino, `${n.dev.major}:${n.dev.minor}`, String(fs.readdirSync(dir).length)] };
    });
    return { title, columns: COLUMNS, rows };
  },
};
