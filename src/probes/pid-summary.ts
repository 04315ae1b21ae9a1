/**
 * `pid-summary`: how many processes this side can see, and the range of their PIDs.
 *
 * The host sees every process on the machine; a PID namespace shows only its own. The count is the
 * plainest evidence that the container cannot see, and so cannot signal, the host's processes.
 */
import type { ProbeDef } from './probe.js';
import { recordsFrom, withoutReader } from './process-table.js';
import { field } from './view.js';

export const pidSummaryProbe: ProbeDef = {
  name: 'pid-summary',
  summary: 'How many processes this side can see in /proc, and the lowest and highest PID.',
  args: {},
  title: (root) => `ls -d ${root}/[0-9]*  (count and range)`,
  async run({ reader, procRoot }) {
    const snap = await reader.read([{ path: `${procRoot}/[0-9]*/status`, kind: 'file' }]);
    const pids = withoutReader(recordsFrom(snap, procRoot), snap.readerPid).map((r) => r.pid);
    const rows = [
      field('processes visible', String(pids.length)),
      field('lowest PID', String(pids[0] ?? '-')),
      field('highest PID', String(pids.at(-1) ?? '-')),
    ];
    return { title: pidSummaryProbe.title(procRoot, {}), rows };
  },
};
