/**
 * `cgroup-files`: the files of a process's cgroup, with what they say — its limits, its counters, or
 * both — for the controllers asked for.
 *
 * From the host the lab finds the container's cgroup directory through `/proc/<pid>/cgroup` and
 * its own mountinfo (`/sys/fs/cgroup/container-lab/ab12c/` on v2). Inside the container, once a
 * cgroup filesystem is mounted there, the same files are at the top of its own tree
 * (`/sys/fs/cgroup/`): the cgroup namespace makes the container's cgroup its root. Rows are keyed by
 * file name, so both panes line up file by file. The view also carries the numbers as meters, for a
 * step that reads it again and again while a workload runs.
 */
import { t } from '../i18n/index.js';
import { CONTROLLERS, readCgroup } from './cgroup-read.js';
import type { Controller } from './cgroup-read.js';
import type { ProbeArgs, ProbeDef } from './probe.js';
import { pidArg } from './probe.js';

const title = (root: string, args: ProbeArgs): string => t('probes.title.cgroup-files', { root, pid: pidArg(args, 'pid') });

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['file', 'value'];

export const cgroupFilesProbe: ProbeDef = {
  name: 'cgroup-files',
  columns: COLUMNS,
  summary: "A process's cgroup files (limits, counters, or both) for memory, pids and cpu, found through /proc/<pid>/cgroup and mountinfo.",
  args: {
    pid: { type: { kind: 'pid-ref' }, default: 'container', doc: 'whose cgroup' },
    controllers: { type: { kind: 'list', values: CONTROLLERS }, default: CONTROLLERS, doc: "which controllers' files" },
    show: {
      type: { kind: 'enum', values: ['limits', 'counters', 'both'] },
      default: 'both',
      doc: 'the limit files, the counters, or both',
    },
  },
  title,
  async run({ reader, procRoot, args }) {
    const controllers = (Array.isArray(args.controllers) ? args.controllers : CONTROLLERS) as Controller[];
    const show = String(args.show ?? 'both') as 'limits' | 'counters' | 'both';
    const r = await readCgroup(reader, procRoot, pidArg(args, 'pid'), controllers, show);
    return { title: r.where, columns: COLUMNS, rows: r.rows, meters: r.meters, ...(r.note ? { note: r.note } : {}) };
  },
};
