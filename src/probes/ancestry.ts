/**
 * `ancestry`: a process and its parents up to the first process, following `PPid` in
 * `/proc/<pid>/status`, with the PID namespace each one is in. Run from the lab, it shows the chain
 * from your shell through `sudo` to the lab itself: all in the host's one PID namespace.
 */
import { t } from '../i18n/index.js';
import type { ProbeDef } from './probe.js';
import { pidArg } from './probe.js';
import { processPatterns, recordsFrom } from './process-table.js';
import type { ProcRecord } from './process-table.js';

const title = (root: string): string => t('probes.title.ancestry', { root });

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['PID', 'PPID', 'PIDNS', 'COMMAND'];

export const ancestryProbe: ProbeDef = {
  name: 'ancestry',
  columns: COLUMNS,
  summary: 'A process and its parents up to PID 1, with the PID namespace inode of each.',
  args: { of: { type: { kind: 'pid-ref' }, doc: 'the process to start from' } },
  title,
  async run({ reader, procRoot, args }) {
    const chain: ProcRecord[] = [];
    let pid = pidArg(args, 'of');
    // Each parent is found from its child's PPid, so this reads one process at a time (host side).
    while (pid > 0 && chain.length < 32) {
      const [record] = recordsFrom(await reader.read(processPatterns(procRoot, pid)), procRoot);
      if (!record) break;
      chain.push(record);
      pid = record.ppid;
    }
    return {
      title: title(procRoot),
      columns: COLUMNS,
      rows: chain.map((r) => ({ key: `pid:${r.pid}`, cells: [String(r.pid), String(r.ppid), r.pidns ?? '?', r.command] })),
    };
  },
};
