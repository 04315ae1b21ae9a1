/**
 * `namespaces`: which namespace of each kind a process is in, as `readlink /proc/<pid>/ns/*` shows.
 *
 * Each link names a namespace by type and inode (`pid:[4026531836]`). Two processes are in the same
 * namespace exactly when the inodes match: this is how `lsns` and `docker inspect` tell them apart.
 */
import { t } from '../i18n/index.js';
import type { ProbeArgs, ProbeDef } from './probe.js';
import { pidArg } from './probe.js';
import { field } from './view.js';

const title = (root: string, args: ProbeArgs): string => `readlink ${root}/${pidArg(args, 'pid')}/ns/*`;

export const namespacesProbe: ProbeDef = {
  name: 'namespaces',
  summary: 'The namespace links of a process (`/proc/<pid>/ns/*`): one inode per namespace kind.',
  args: { pid: { type: { kind: 'pid-ref' }, doc: 'whose namespaces to show' } },
  title,
  async run({ reader, procRoot, args }) {
    const dir = `${procRoot}/${pidArg(args, 'pid')}/ns`;
    const snap = await reader.read([{ path: `${dir}/*`, kind: 'link' }]);
    const rows = [...snap.links]
      .filter(([path]) => path.startsWith(`${dir}/`))
      // `pid_for_children` and `time_for_children` describe the process's future children, not itself.
      .filter(([path]) => !path.endsWith('_for_children'))
      .map(([path, target]) => field(path.slice(dir.length + 1), target))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const shown = title(procRoot, args);
    if (rows.length === 0)
      return { title: shown, rows, note: t('probes.file-error', { path: dir, error: 'No such file or directory (ENOENT)' }) };
    return { title: shown, rows };
  },
};
