/**
 * `cgroup-membership`: which cgroups a process is in, as `/proc/<pid>/cgroup` says — one line per
 * hierarchy on v1 (`4:memory:/container-lab/ab12c`), one line on v2 (`0::/container-lab/ab12c`).
 *
 * The path is relative to the reader's cgroup namespace. The host reads the whole path; the
 * container, in its own cgroup namespace, reads `/` for the very same process: it sees its cgroup
 * as the root. Rows are keyed by hierarchy, so the two panes differ exactly in the path.
 */
import { t } from '../i18n/index.js';
import { parseProcCgroup } from './cgroup-places.js';
import type { ProbeArgs, ProbeDef } from './probe.js';
import { pidArg } from './probe.js';

const LAB_TREES = ['memory', 'pids', 'cpu', 'cpuacct'];
const title = (root: string, args: ProbeArgs): string => `${root}/${pidArg(args, 'pid')}/cgroup`;

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['hierarchy', 'cgroup'];

export const cgroupMembershipProbe: ProbeDef = {
  name: 'cgroup-membership',
  columns: COLUMNS,
  summary: "A process's cgroup in each hierarchy (`/proc/<pid>/cgroup`), relative to the reader's cgroup namespace.",
  args: {
    pid: { type: { kind: 'pid-ref' }, doc: 'whose cgroups' },
    all: { type: { kind: 'enum', values: ['yes', 'no'] }, default: 'no', doc: '`no`: only the v2 tree and the memory, pids and cpu trees' },
  },
  title,
  async run({ reader, procRoot, args }) {
    const file = title(procRoot, args);
    const snap = await reader.read([{ path: file, kind: 'file' }]);
    const text = snap.files.get(file);
    if (text === undefined)
      return {
        title: file,
        rows: [],
        note: t('probes.file-error', { path: file, error: snap.errors.get(file) ?? t('probes.unreadable') }),
      };
    const lines = parseProcCgroup(text).filter(
      (l) => args.all === 'yes' || l.id === '0' || l.controllers.some((c) => LAB_TREES.includes(c)),
    );
    const rows = lines.map((l) => {
      const hierarchy = `${l.id}:${l.controllers.join(',')}`;
      return { key: hierarchy, cells: [hierarchy, l.path] };
    });
    return { title: file, columns: COLUMNS, rows };
  },
};
