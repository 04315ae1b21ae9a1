/**
 * `mountinfo`: a process's mount table, as `/proc/<pid>/mountinfo` lists it — one row per mount:
 * where it is mounted, the filesystem type, its source, and its propagation (`shared:N`,
 * `master:N`, or private). On the host pane the lab reads the container's PID 1 from outside; in the
 * container pane, `/proc/1/mountinfo` from inside. Rows are matched by mount point.
 */
import { parseMountinfo, propagationFields } from '../mounts/mountinfo.js';
import { labPaths } from '../runtime/paths.js';
import type { ProbeArgs, ProbeDef } from './probe.js';
import { pidArg } from './probe.js';
import type { Row } from './view.js';

const title = (root: string, args: ProbeArgs): string => `${root}/${pidArg(args, 'pid')}/mountinfo`;

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['mount point', 'type', 'source', 'propagation'];

export const mountinfoProbe: ProbeDef = {
  name: 'mountinfo',
  columns: COLUMNS,
  summary: "A process's mount table (`/proc/<pid>/mountinfo`): mount point, type, source and propagation of each mount.",
  args: {
    pid: { type: { kind: 'pid-ref' }, doc: 'whose mount namespace to show' },
    under: {
      type: { kind: 'string' },
      default: '/',
      doc: 'show only mounts at or below this path; `@state` stands for the lab state directory',
      rowFilter: true,
    },
  },
  title,
  async run({ reader, procRoot, args }) {
    const file = title(procRoot, args);
    const snap = await reader.read([{ path: file, kind: 'file' }]);
    const text = snap.files.get(file);
    if (text === undefined) return { title: file, rows: [], note: `${file}: ${snap.errors.get(file) ?? 'could not be read'}.` };
    const under = String(args.under ?? '/').replace(/^@state/, labPaths().stateDir);
    const seen = new Map<string, number>();
    const rows: Row[] = [];
    for (const m of parseMountinfo(text)) {
      if (under !== '/' && m.mountPoint !== under && !m.mountPoint.startsWith(`${under}/`)) continue;
      const n = (seen.get(m.mountPoint) ?? 0) + 1;
      seen.set(m.mountPoint, n);
      rows.push({
        key: n === 1 ? m.mountPoint : `${m.mountPoint}#${n}`,
        cells: [m.mountPoint, m.fstype, m.source, propagationFields(m.propagation) || 'private'],
      });
    }
    return { title: file, columns: COLUMNS, rows };
  },
};
