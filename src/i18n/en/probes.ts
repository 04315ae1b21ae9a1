/** English messages: probe pane titles, notes and errors (src/probes/). Keys start with `probes.`; see src/i18n/README.md. */
export const probes = {
  // Pane titles: the file or command read, then in parentheses how the pane reads it
  'probes.title.ancestry': 'ps -o pid,ppid,pidns,args  ({root}/<pid>/status, parent by parent)',
  'probes.title.processes': 'ps -o pid,ppid,stat,args  (from {root}/*/status)',
  'probes.title.cgroup-files': 'the cgroup files of {root}/{pid}',
  'probes.title.cgroup-mode': '{root}/{pid}/mountinfo (cgroup mounts)',
  'probes.title.caps-decoded': '{path} {field}, decoded',
  'probes.title.layer-stack': 'layers of {under}/ (upper, then lowers top down)',
  'probes.title.overlay-dirs': "{root}/self/mountinfo: the {name} mount's options",
  'probes.title.overlay-layers': 'stat + getfattr of {path} in each layer',
  'probes.title.overlay-merged': 'stat + getfattr of {path} in {merged}',
  'probes.title.pid-summary': 'ls -d {root}/[0-9]*  (count and range)',

  // Why a pane is empty, or what it read
  'probes.unreadable': 'could not be read',
  'probes.file-error': '{path}: {error}.',
  'probes.arg-not-pid': 'probe argument {name} is not a PID: {value}',
  'probes.caps.empty': '{field} is empty.',
  'probes.cgroup.none-mounted': 'No cgroup filesystem is mounted here.',
  'probes.cgroup.v2': 'cgroup v2: one tree at {root}.',
  'probes.cgroup.v1': 'cgroup v1: {count, plural, one {# tree} other {# trees}}, one per controller (or group).',
  'probes.cgroup.hybrid':
    'hybrid: the controllers are in {count, plural, one {# v1 tree} other {# v1 trees}}; the cgroup2 mount at {unified} holds whatever they left.',
  'probes.cgroup.not-mounted-here':
    'No cgroup filesystem holding {controllers} is mounted where this side looks (its /proc/self/mountinfo lists none).',
  'probes.container.unreadable': 'Could not read inside the container: {why}',
  'probes.container.exit-status': 'exit status {status}',
  'probes.net.no-sysfs': 'No sysfs here: the index comes from /proc/net/igmp (up links only), and the peer index is not shown.',
  'probes.net.no-routes': 'No IPv4 routes: this namespace cannot send to any address yet.',
  'probes.net.no-neighbours': 'No neighbours: no IPv4 address has been resolved with ARP here yet.',
  'probes.overlay.not-mounted': 'No overlay named {name} is mounted at {merged}: run the step that mounts it first.',
  'probes.overlay.outside': '{path} is outside the overlay.',
  'probes.overlay.merged-from': 'merged takes {path} from {layer}',
  'probes.overlay.not-in-merged': '{path} is not in merged',
  'probes.overlay.no-layer': '{name} has no layer called {layer}.',
  'probes.overlay.not-in-layer': '{path} does not exist in this layer (yet).',

  // Cells and row names that are words, not kernel output
  'probes.cell.caps': '{count, plural, one {# cap} other {# caps}}',
  'probes.cell.no-controllers': '(none)',
  'probes.cell.no-limit': '{raw} (no limit)',
  'probes.cell.zero-bytes': '{raw} (none)',
  'probes.cell.absent': '(absent)',
  'probes.cell.no-signals': 'none',
  'probes.cell.route': 'route',
  'probes.cell.neighbour': 'neighbour',
  'probes.cell.no-mac': 'no MAC address (ARP unanswered)',
  'probes.row.processes-visible': 'processes visible',
  'probes.row.lowest-pid': 'lowest PID',
  'probes.row.highest-pid': 'highest PID',

  // Differences between the panes, and live meters, in words (for --plain)
  'probes.diff.on-host': 'on the host',
  'probes.diff.in-container': 'in the container',
  'probes.diff.only': 'only {where}: {row}',
  'probes.meter.of-limit': '{value} of {max}',
  'probes.meter.reads': '{count, plural, one {# read} other {# reads}}, highest {highest}',
  'probes.meter.kernel-peak': '{value}, kept by the kernel',
} as const;
