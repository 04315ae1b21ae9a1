/**
 * `processes`: the processes in one PID namespace, as `ps -o pid,ppid,stat,args` would list them.
 *
 * On the host this lists the container's processes with their host PIDs; inside, the same processes
 * with the PIDs the container sees. Rows are matched by the PID inside, so the panes line up process
 * by process and the changed numbers stand out.
 */
import { t } from '../i18n/index.js';
import type { ProbeDef } from './probe.js';
import { pidArg } from './probe.js';
import { namespaceMembers } from './namespace-members.js';
import { innerPid } from './process-table.js';
import type { View } from './view.js';

const title = (root: string): string => t('probes.title.processes', { root });

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['PID', 'PPID', 'S', 'COMMAND'];

export const processesProbe: ProbeDef = {
  name: 'processes',
  columns: COLUMNS,
  summary: 'The processes in the PID namespace of a given process (like `ps` run in that namespace).',
  args: { of: { type: { kind: 'pid-ref' }, default: 'container', doc: 'a process whose PID namespace to list' } },
  title,
  async run({ reader, procRoot, args }): Promise<View> {
    const shown = title(procRoot);
    const members = await namespaceMembers(reader, procRoot, pidArg(args, 'of'));
    if (members.error)
      return {
        title: shown,
        rows: [],
        note: t('probes.file-error', { path: `${procRoot}/${pidArg(args, 'of')}/ns/pid`, error: members.error }),
      };
    const records = members.records.sort((a, b) => innerPid(a) - innerPid(b));
    return {
      title: shown,
      columns: COLUMNS,
      rows: records.map((r) => ({ key: `inner:${innerPid(r)}`, cells: [String(r.pid), String(r.ppid), r.state, r.command] })),
    };
  },
};
