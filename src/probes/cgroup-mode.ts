/**
 * `cgroup-mode`: the cgroup filesystems a process can see, from its mountinfo, and the mode they
 * add up to:
 *   v2      one `cgroup2` mount (usually /sys/fs/cgroup) with every controller
 *   v1      one `cgroup` mount per controller (or group of controllers)
 *   hybrid  v1 controller mounts, plus a cgroup2 mount that holds none of them
 * A v1 mount names its controllers in its options; a cgroup2 mount lists the controllers it offers
 * in its own `cgroup.controllers` file. Rows are keyed by mount point.
 */
import { t } from '../i18n/index.js';
import { detectLayout, parseMountinfo } from '../cgroups/detect.js';
import type { ProbeArgs, ProbeDef } from './probe.js';
import { pidArg } from './probe.js';

const title = (root: string, args: ProbeArgs): string => t('probes.title.cgroup-mode', { root, pid: pidArg(args, 'pid') });

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['mount point', 'type', 'controllers'];

export const cgroupModeProbe: ProbeDef = {
  name: 'cgroup-mode',
  columns: COLUMNS,
  summary: "The cgroup filesystems in a process's mountinfo, their controllers, and the mode (v2, v1 or hybrid) they add up to.",
  args: { pid: { type: { kind: 'pid-ref' }, doc: 'whose mount table' } },
  title,
  async run({ reader, procRoot, args }) {
    const file = `${procRoot}/${pidArg(args, 'pid')}/mountinfo`;
    const snap = await reader.read([{ path: file, kind: 'file' }]);
    const text = snap.files.get(file);
    if (text === undefined)
      return {
        title: title(procRoot, args),
        rows: [],
        note: t('probes.file-error', { path: file, error: snap.errors.get(file) ?? t('probes.unreadable') }),
      };
    const mounts = parseMountinfo(text).filter((m) => m.fstype === 'cgroup' || m.fstype === 'cgroup2');
    if (mounts.length === 0) return { title: title(procRoot, args), rows: [], note: t('probes.cgroup.none-mounted') };
    const v2 = mounts.filter((m) => m.fstype === 'cgroup2').map((m) => `${m.mountPoint}/cgroup.controllers`);
    const offered = await reader.read(v2.map((path) => ({ path, kind: 'file' as const })));
    const rows = mounts.map((m) => {
      const controllers =
        m.fstype === 'cgroup2'
          ? (offered.files.get(`${m.mountPoint}/cgroup.controllers`) ?? '').trim()
          : m.superOptions.filter((o) => !['rw', 'ro'].includes(o) && !o.includes('agent') && o !== 'xattr').join(',');
      return { key: m.mountPoint, cells: [m.mountPoint, m.fstype, controllers || t('probes.cell.no-controllers')] };
    });
    return { title: title(procRoot, args), columns: COLUMNS, rows, note: modeSentence(text) };
  },
};

function modeSentence(mountinfo: string): string {
  const layout = detectLayout(mountinfo);
  if (layout.mode === 'v2') return t('probes.cgroup.v2', { root: layout.root });
  if (layout.mode === 'v1') return t('probes.cgroup.v1', { count: layout.hierarchies.length });
  return t('probes.cgroup.hybrid', { count: layout.hierarchies.length, unified: layout.unified ?? '' });
}
