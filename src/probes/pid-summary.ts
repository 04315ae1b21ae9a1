/**
 * `pid-summary`: how many processes this side can see, and the range of their PIDs.
 *
 * The host sees every process on the machine; a PID namespace shows only its own. The count is the
 * plainest evidence that the container cannot see, and so cannot signal, the host's processes.
 */
import { t } from '../i18n/index.js';
import type { ProbeDef } from './probe.js';
import { recordsFrom, withoutReader } from './process-table.js';
import { labelled } from './view.js';

export const pidSummaryProbe: ProbeDef = {
  name: 'pid-summary',
  summary: 'How many processes this side can see in /proc, and the lowest and highest PID.',
  args: {},
  title: (root) => t('probes.title.pid-summary', { root }),
  async run({ reader, procRoot }) {
    const snap = await reader.read([{ path: `${procRoot}/[0-9]*/status`, kind: 'file' }]);
    const pids = withoutReader(recordsFrom(snap, procRoot), snap.readerPid).map((r) => r.pid);
    const rows = [
      labelled('processes visible', t('probes.row.processes-visible'), String(pids.length)),
      labelled('lowest PID', t('probes.row.lowest-pid'), String(pids[0] ?? '-')),
      labelled('highest PID', t('probes.row.highest-pid'), String(pids.at(-1) ?? '-')),
    ];
    return { title: pidSummaryProbe.title(procRoot, {}), rows };
  },
};
