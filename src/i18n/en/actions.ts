/** English messages: action results and errors (src/lessons/actions/). Keys start with `actions.`; see src/i18n/README.md. */
export const actions = {
  // Arguments every kind of action shares, as lessons/README.md and the lesson linter describe them.
  'actions.arg.container': 'which container (default: the first)',
  'actions.arg.lesson-container': "which of the lesson's containers (default: the first)",
  'actions.arg.process-name': 'how later steps refer to it: process.NAME',
  'actions.arg.argv': 'the command and its arguments',
  'actions.arg.overlay': 'the overlay, as named by mount-overlay',
  'actions.arg.which-op': 'which operation',
  'actions.arg.containers': 'the lesson containers to include, by name, separated by spaces',
  // Between the items of a list, and between clauses.
  'actions.separator': ', ',
  'actions.separator.clause': '; ',
  'actions.separator.and': ' and ',
  'actions.none': 'none',
  'actions.exit.killed': 'killed by {signal}',
  'actions.exit.status': 'exit status {code}',
  'actions.exit.child-killed': "exit status {code} (128 + {number}: the shell's child was killed by {signal})",
  'actions.exit.signal-number': 'signal {number}',
  'actions.no-cgroup': 'This container has no cgroup (the host offers no cgroup controller): run `container-lab doctor`.',

  'actions.observe.summary': 'Runs nothing; the step only reads state into its panes.',
  'actions.start-container.summary': 'Creates a lesson container from its spec (deleting an earlier one); every primitive is shown.',
  'actions.start-container.running': 'container {id} is running: its PID 1 is {pid} on the host',

  'actions.spawn.summary': 'Starts a named background command inside a lesson container (never on the host).',
  'actions.spawn.started': 'started: PID {inner} inside, {host} on the host',
  'actions.spawn.killed': 'killed {name}: PID {inner} inside, {host} on the host',
  'actions.spawn.ended-at-once': '`{command}` ended at once inside the container (exit status {status}).',

  'actions.exec.summary': 'Runs a command inside a lesson container (never on the host) and shows its output.',
  'actions.exec.arg.argv': 'the command and its arguments; {host}/{inside} filled with PIDs',
  'actions.exec.arg.expect': 'whether the command should succeed',
  'actions.exec.refused-as-expected': '{status} (refused, as expected)',
  'actions.exec.succeeded': '`{command}` succeeded inside the container, where this lesson expected it to be refused.',
  'actions.exec.failed': '`{command}` failed inside the container ({status}); see its output above.',

  'actions.orphan.summary': 'Starts a named command inside a lesson container from a parent that exits at once (an orphan).',
  'actions.orphan.arg.argv': 'the command the orphan runs',
  'actions.orphan.started': 'its parent sh has exited; the orphan is PID {inner} inside, {host} on the host',
  'actions.orphan.failed': 'The orphan could not be started inside the container (exit status {status}).',
  'actions.find.not-appeared': 'The process started as host PID {pid} did not appear in container {id}.',
  'actions.find.not-found': 'No process {inner} was found in container {id}.',

  'actions.signal.summary': "Sends a signal to a lesson container's PID 1 or a named process the lab started, from the host or inside.",
  'actions.signal.arg.to': '`container`, `container.NAME` or `process.NAME` (only what the lab started)',
  'actions.signal.arg.signal': 'which signal',
  'actions.signal.arg.from': 'send it from the host, or from inside the container',
  'actions.signal.arg.expect': '`ends`: wait (up to 3 s) until it is gone; `survives`: watch it for `watchMs` and show it is still there',
  'actions.signal.arg.watch-ms': 'how long to watch, with `expect: survives`',
  'actions.signal.not-started': '`{ref}` is not a running process this lesson started; run the earlier steps first.',
  'actions.signal.not-running': 'The container is not running; reset the lesson (r).',
  'actions.signal.inside': '{command}   (inside the container)',
  'actions.signal.kill-failed': 'kill failed inside the container (exit status {status}).',
  'actions.signal.gone-from-container': '{ref} is no longer running in the container; run the step that starts it again.',
  'actions.signal.others-gone':
    '{count, plural, one {the other process} other {the other {count} processes}} of its PID namespace (host PID {pids}) {count, plural, one {is} other {are}} gone too',
  'actions.signal.others-running':
    'of the other processes in its PID namespace (host PID {pids}), {running, plural, one {{running} still runs} other {{running} still run}}',
  'actions.signal.ended': 'Host PID {pid} ended after {signal}, where this lesson expected it to survive.',
  'actions.signal.survived': 'Host PID {pid} was still running 3 s after {signal}.',
  'actions.signal.reaped': 'after {ms} ms: host PID {pid} is gone (ended and reaped)',
  'actions.signal.zombie': 'after {ms} ms: host PID {pid} has ended but is still a zombie: its parent has not reaped it',
  'actions.signal.running': 'after {ms} ms: host PID {pid} is still running (state {state})',

  'actions.fs.needs-lab': 'The filesystem lessons need the lab runtime (its ledger and state directory).',
  'actions.fs.no-overlay': 'No overlay named {name} is mounted yet: run the step that mounts it first.',

  'actions.mount-overlay.summary':
    'Mounts rootfs layers as a host-side overlay under the lab state dir (lowers, upper, work, merged), ledgered; replaces one of the same name.',
  'actions.mount-overlay.arg.name': 'the overlay\'s name, lowercase words joined by "-", e.g. overlay-a',
  'actions.mount-overlay.arg.layers': 'rootfs layers, lowest first',
  'actions.mount-overlay.arg.escape': '`yes`: this rootfs is the stage for the chroot/pivot_root escapes; start their helper now',
  'actions.mount-overlay.mounted': 'mounted {merged}',

  'actions.overlay-op.summary':
    "One file operation (read, append, create, delete, mkdir, rename) through a lab overlay's merged view, each syscall timed and shown.",
  'actions.overlay-op.arg.op': 'what to do',
  'actions.overlay-op.arg.path': 'the path inside the overlay, e.g. app/config.json',
  'actions.overlay-op.arg.to': 'for rename: the new path',
  'actions.overlay-op.arg.text': 'for append and create: what to write',
  'actions.overlay-op.arg.expect': 'whether the kernel should allow it (`either`: this depends on the kernel; show what it did)',
  'actions.overlay-op.kind': '{kind, select, directory {directory} symlink {symlink} file {file} other {special file}}',
  'actions.overlay-op.entries': '{count, plural, one {{count} entry} other {{count} entries}}',
  'actions.overlay-op.outside': '"{path}" is not a path inside the overlay.',
  'actions.overlay-op.symlink': '{path} passes through a symlink; the lab does not follow links here.',
  'actions.overlay-op.open-read': 'open for reading: {ms}',
  'actions.overlay-op.open-write': 'open for writing: {ms}',
  'actions.overlay-op.write': 'write {bytes, plural, one {{bytes} byte} other {{bytes} bytes}}: {ms}',
  'actions.overlay-op.deleted': 'deleted {path} through merged',
  'actions.overlay-op.call-count': '{count} {call}',
  'actions.overlay-op.removed-tree': 'rm -r {path} through merged: {total} calls ({calls}), each one in what ran',
  'actions.overlay-op.made': 'made {path}/ through merged',
  'actions.overlay-op.renamed': 'renamed {from} → {to} through merged',
  'actions.overlay-op.kernel-answered': 'the kernel answered {code} ({text})',
  'actions.overlay-op.failed': '{op} {path} failed ({error}); the primitive pane shows the call.',
  'actions.overlay-op.succeeded': '{op} {path} succeeded, where this lesson expected the kernel to refuse it.',

  'actions.export-layer.summary':
    "Exports a lab overlay's upper dir as an OCI layer tar (.wh. whiteouts), applies all layers onto a fresh dir, and compares it with merged.",
  'actions.export-layer.bytes': '{bytes, plural, one {{bytes} byte} other {{bytes} bytes}}',
  'actions.export-layer.applied-counts':
    '{added} entries from {tar}, {deleted} deleted, {cleared, plural, one {{cleared} opaque dir} other {{cleared} opaque dirs}} cleared',
  'actions.export-layer.applied-lower': 'applied layer {name} onto {dir}: {count, plural, one {{count} entry} other {{count} entries}}',
  'actions.export-layer.applied-upper':
    'applied upper.layer.tar: {added} added, {deleted} deleted ({names}), {cleared, plural, one {{cleared} opaque dir} other {{cleared} opaque dirs}} cleared',
  'actions.export-layer.same': 'compared {fresh} with {merged}: every path, type, mode, owner and sha256 is the same',
  'actions.export-layer.differ': 'compared with merged: {count, plural, one {{count} difference} other {{count} differences}}: {list}',
  'actions.export-layer.differs': 'The applied layers differ from the merged view; the differences are listed above.',

  'actions.mount-experiment.summary':
    'Runs one mount-namespace experiment (chroot escape, pivot_root, propagation) in a mount namespace the lab makes and removes.',
  'actions.mount-experiment.arg.experiment': 'which experiment',
  'actions.mount-experiment.arg.overlay': 'for the escapes: the overlay whose merged view is the root',
  'actions.mount-experiment.host': 'host:',
  'actions.mount-experiment.new-sees': 'new namespace sees:',
  'actions.mount-experiment.new': 'new namespace:',
  'actions.mount-experiment.mounted-inside': 'mount -t tmpfs clab-demo {path}, then its only process exited and the namespace ended',
  'actions.mount-experiment.reached-host': '{path} is now mounted ({fstype} {source}) — it came from the other namespace',
  'actions.mount-experiment.nothing-on-host': 'nothing is mounted at {path}',
  'actions.mount-experiment.failed': 'The experiment failed: {error}.',
  'actions.mount-experiment.no-result': 'no result',
  'actions.mount-experiment.before': 'inside the rootfs:',
  'actions.mount-experiment.after': 'after the attempt:',
  'actions.mount-experiment.escaped': "escaped: the process now sees the host's own / (it only read, then exited)",
  'actions.mount-experiment.not-escaped': 'not escaped: `..` at the top of this mount tree leads nowhere',
  'actions.revert-propagation.summary':
    "Removes the propagation experiment's mounts from the host (the lab's shared mount and what reached it).",
  'actions.revert-propagation.done': "unmounted the propagated tmpfs and the lab's shared mount; the host is as before",
  'actions.revert-propagation.nothing': 'nothing to revert',

  'actions.net.needs-lab':
    'This step changes the host network and needs the lab runtime (with its ledger); it cannot run on a stand-in runtime.',
  'actions.net.no-bridge': 'The bridge {bridge} is not there yet: run the step that creates it first.',
  'actions.net.arg.host': "its address: this host number in the lab subnet (2 → x.y.z.2), as Docker's IPAM would hand out",
  'actions.net.no-pair': 'There is no veth pair for {id} yet: run the step that creates it first.',
  'actions.net.no-pair-short': 'There is no veth pair for {id} yet.',
  'actions.create-bridge.summary':
    'Creates the lab bridge on the host (named with the lab prefix), addressed from a subnet no host route uses.',
  'actions.create-bridge.taken':
    'A link named {bridge} exists, and the lab did not make it. Set CONTAINER_LAB_LINK_PREFIX to another prefix, or remove that link yourself.',
  'actions.create-bridge.subnet': 'subnet: {reason}',
  'actions.create-bridge.up': "{bridge} is up with {address}: the host's address in {subnet}, and the containers' gateway",
  'actions.add-veth.summary': 'Creates a veth pair for a container, both ends still on the host (recorded in the ledger).',
  'actions.add-veth.made': '{host} and {peer} are the two ends of one cable, both on the host for now',
  'actions.move-veth.summary': "Moves a container's veth end into its network namespace and plugs the host end into the bridge.",
  'actions.move-veth.moved': '{peer} now lives in the network namespace of PID {pid}; {host} is a port of {bridge}',
  'actions.configure-eth0.summary':
    'Inside the container: renames its veth end eth0, gives it an address, raises it and lo, adds the default route.',
  'actions.configure-eth0.done': 'eth0 of {id} has {address}; its default route goes via {gateway} ({bridge})',
  'actions.connect-container.summary':
    'Starts a container if needed and connects it to the bridge in one go (pair born inside as eth0, bridge, address, route).',
  'actions.connect-container.done':
    '{id} is on {bridge} as {address}: 2 processes (ip -batch on the host, nsenter ip -batch inside), {ms} ms',
  'actions.ping-container.summary':
    "Pings one lesson container's eth0 address from another (3 packets, within the lab), and shows which socket ping used.",
  'actions.ping-container.arg.from': 'the container that pings',
  'actions.ping-container.arg.to': 'the container pinged',
  'actions.ping-container.no-address': '{id} has no address on eth0 yet: run the steps that connect it first.',
  'actions.ping-container.group-range': 'net.ipv4.ping_group_range inside {id}: "{range}"',
  'actions.ping-container.forward': 'net.ipv4.ip_forward on the host: {value}',
  'actions.ping-container.forward-switched':
    'net.ipv4.ip_forward on the host: {value} (the bridge switched these frames; the host routed nothing)',
  'actions.ping-container.raw-socket':
    "ping's socket [inode {inode}] is listed in /proc/net/{table}: a raw socket, which needs CAP_NET_RAW",
  'actions.ping-container.icmp-socket':
    "ping's socket [inode {inode}] is listed in /proc/net/{table}: an ICMP datagram socket, allowed by ping_group_range",
  'actions.ping-container.no-socket': 'the lab did not see an ICMP socket in /proc/net/raw or /proc/net/icmp while ping ran',
  'actions.ping-container.failed': 'ping from {from} to {address} failed (exit status {status}).',
  'actions.show-forwarding.summary': "Reads the bridge's forwarding table and each container's neighbour table (changes nothing).",
  'actions.show-forwarding.no-bridge': '(no bridge)',
  'actions.show-forwarding.fdb': 'bridge fdb show br {bridge}   (learned entries)',
  'actions.show-forwarding.mac': '{mac} on port {port}',
  'actions.show-forwarding.mac-of': '{mac} on port {port}   = eth0 of {container}',
  'actions.show-forwarding.nothing': 'nothing learned yet: no frame has crossed the bridge',
  'actions.show-forwarding.neigh': 'ip neigh (inside {container})',
  'actions.show-forwarding.empty': 'empty',
  'actions.draw-topology.summary': 'Draws the lab network from live state: bridge, veth pairs by interface index, namespaces, addresses.',
  'actions.publish-port.summary':
    "Shows Docker's DNAT/MASQUERADE rules for a published port; applies a DNAT limited to host → lab (with nft, else iptables) in a table or chain of the lab's own, connects once, removes it.",
  'actions.publish-port.arg.container': 'the container whose port is published',
  'actions.publish-port.arg.host-port': 'the port on the host',
  'actions.publish-port.arg.container-port': 'the port inside the container',
  'actions.publish-port.not-connected': 'The container is not on the lab bridge yet: run the earlier steps first.',
  'actions.publish-port.no-tool': 'Neither nft nor iptables is installed on this host, so the lab cannot publish a port.',
  'actions.publish-port.applies-nft': 'The lab applies (nft, in a table of its own):',
  'actions.publish-port.applies-iptables': 'The lab applies (iptables, in a chain of its own; this host has no nft):',
  'actions.publish-port.docker': 'Docker would add (iptables):',
  'actions.publish-port.not-applied': 'Not applied: {rule}  ({why})',
  'actions.publish-port.hello': 'hello from {id}',
  'actions.publish-port.held': 'The kernel now holds ({command}):',
  'actions.publish-port.missing': '(nothing: the rule is missing)',
  'actions.publish-port.table-deleted': 'table inet {name} deleted: the published port is gone',
  'actions.publish-port.chain-deleted': 'chain {name} and the jump to it deleted: the published port is gone',
  'actions.publish-port.through': 'host → {from} → DNAT → {to}: {reply}',
  'actions.publish-port.failed': 'The connection through the published port failed ({reply}).',

  'actions.cap-report.summary':
    "Decodes a container's capability sets, compares them with the full set and Docker's default, and checks against capsh --decode.",
  'actions.cap-report.status': '/proc/{pid}/status (PID 1 of {id}, seen from the host):',
  'actions.cap-report.set': '{field} {mask}  {count, plural, one {{count} capability} other {{count} capabilities}}',
  'actions.cap-report.kept': 'kept ({count}): {names}',
  'actions.cap-report.dropped': 'dropped from the {known} this kernel knows ({count}): {names}',
  'actions.cap-report.compared': "compared with Docker's default 14: extra {extra}; missing {missing}",
  'actions.cap-report.docker-default': "exactly Docker's default 14",
  'actions.cap-report.no-capsh': 'capsh is not installed (Debian: libcap2-bin), so the decoding was not cross-checked.',
  'actions.cap-report.same': 'the same names',
  'actions.cap-report.different': 'DIFFERENT: {names}',
  'actions.cap-report.capsh': 'capsh --decode={hex}: {verdict}',
  'actions.cap-report.disagree': 'The lab decoded the mask differently from capsh: please report this.',

  'actions.try-privileged.summary':
    "Inside a container, runs one operation that needs a capability (mount, chown, ping, bind port 80) and makes the same call in the container's context to show the kernel's own errno.",
  'actions.try-privileged.arg.expect': 'what the lesson expects the kernel to answer',
  'actions.try-privileged.empty': 'empty',
  'actions.try-privileged.predicts-refused':
    'capabilities(7) predicts: execve refused with EPERM (the file asks for more than the bounding set allows)',
  'actions.try-privileged.predicts': 'capabilities(7) predicts CapEff after execve: {names}',
  'actions.try-privileged.predicts-no-new-privs':
    'capabilities(7) predicts CapEff after execve: {names} (no_new_privs: nothing is granted)',
  'actions.try-privileged.listening': 'listening on port 80 (seen in /proc/{pid}/net/tcp6 or tcp as state 0A, LISTEN); the lab stopped it',
  'actions.try-privileged.gave': 'the kernel gave that process of learner CapEff {hex}: {names}',
  'actions.try-privileged.pid1': 'PID 1 of {id} {has, select, yes {has} other {lacks}} {cap} in CapEff',
  'actions.try-privileged.group-range': 'net.ipv4.ping_group_range inside {id}: "{range}"',
  'actions.try-privileged.group-range-none':
    'net.ipv4.ping_group_range inside {id}: "{range}" (no group may open ICMP datagram sockets, so ping needs a raw socket)',
  'actions.try-privileged.file-cap-first': 'first, the same file capability as before:',
  'actions.try-privileged.cap-eff': 'its CapEff while it ran: {names}',
  'actions.try-privileged.missing': "{program} is not in this container's rootfs (exit status 127), so only the lab's own call below ran.",
  'actions.try-privileged.own-calls':
    "the lab's own calls, in {id}'s namespaces: the file as learner, then bind with what the kernel gave it",
  'actions.try-privileged.own-call': "the lab's own call, in {id}'s namespaces with PID 1's CapEff {hex}:",
  'actions.try-privileged.allowed': 'the kernel allowed it',
  'actions.try-privileged.answered': 'the kernel answered {errno}',
  'actions.try-privileged.disagree':
    "`{command}` {program, select, ok {succeeded} other {failed}} in {id} while the lab's own call {kernel, select, ok {succeeded} other {failed}}: they should agree; please report this.",
  'actions.try-privileged.unexpected':
    'The kernel {kernel, select, ok {allowed} other {refused}} {what, select, bind {the bind} other {{what}}} in {id}, where the lesson expected it to {wanted, select, succeeds {succeed} other {fail}}.',
  'actions.kernel.refused': 'refused',

  'actions.grant-file-cap.summary':
    'Copies busybox to /opt/cap/nc inside a container and writes cap_net_bind_service=ep into its security.capability xattr (lsetxattr, from the host).',
  'actions.grant-file-cap.copy-failed': '`{command}` failed inside {id}: this lesson needs a busybox rootfs.',
  'actions.grant-file-cap.call-failed': '{error}: the primitive pane shows the call and its errno.',
  'actions.grant-file-cap.not-stored': 'lgetxattr found no {attribute} on {file} right after lsetxattr wrote it.',
  'actions.grant-file-cap.written':
    'the {count} bytes `setcap cap_net_bind_service=ep /opt/cap/nc` would write, written by the lab itself with lsetxattr',
  'actions.grant-file-cap.read-back': '{attribute} of /opt/cap/nc, read back: 0x{hex}',
  'actions.grant-file-cap.decoded':
    '  vfs_cap_data revision {revision}, effective flag {effective, select, set {set} other {clear}}, permitted {permitted}, inheritable {inheritable}',
  'actions.grant-file-cap.notation': "  in setcap's notation: /opt/cap/nc {text}",

  'actions.cgroup-mount.summary':
    "Mounts the container's own cgroup read-only at /sys/fs/cgroup inside it (as runc does), with mount(2) from its shim.",
  'actions.cgroup-mount.already': '/sys/fs/cgroup is already mounted in this container.',
  'actions.cgroup-mount.v2': "one cgroup2 mount: the container's cgroup is its top",
  'actions.cgroup-mount.v1': "one mount per v1 hierarchy: {mounts}, each with the container's cgroup at its top",

  'actions.cgroup-limit.summary':
    "Writes memory, pids or CPU limits into a lesson container's cgroup (or `max`: no limit), through the runtime's cgroup driver.",
  'actions.cgroup-limit.arg.memory': 'memory limit: bytes or 32M, 1G…, or max',
  'actions.cgroup-limit.arg.pids': 'the most tasks the cgroup may hold, or max',
  'actions.cgroup-limit.arg.cpus': 'CPU time per period, in CPUs (0.5 = 50 ms of every 100 ms), or max',
  'actions.cgroup-limit.unreadable': 'Cannot read the {names} limit: write a number (memory may end in K, M or G) or max.',
  'actions.cgroup-limit.now': '{file} now says {value}',
  'actions.cgroup-limit.no-cpu-undo':
    'the lab does not read a CPU quota back through its cgroup driver, so it cannot write the old one again',

  'actions.cgroup-workload.summary':
    'Runs a bounded busybox workload inside a lesson container (allocate memory, fork, or spin) and reports the cgroup counters it moved.',
  'actions.cgroup-workload.arg.kind': 'which workload',
  'actions.cgroup-workload.arg.mib': 'allocate: how many MiB it holds',
  'actions.cgroup-workload.arg.attempts': 'fork: how many forks it tries',
  'actions.cgroup-workload.arg.seconds': 'spin: how long it runs; fork: how long each child sleeps',
  'actions.cgroup-workload.oom-counter': 'the OOM-kill counter',
  'actions.cgroup-workload.no-refused-fork':
    'The kernel refused no fork: pids.max is not set below what the loop starts. Run the step that sets it (←).',
  'actions.cgroup-workload.spin-stopped': 'stopped by the lab after {seconds} s (SIGKILL), as planned',
  'actions.cgroup-workload.no-quota': 'No period was throttled: the container has no CPU quota. Run the step that sets it (←).',
  'actions.cgroup-workload.under-quota':
    "No period was throttled: the loop used {used} s of CPU in {wall} s ({rate} CPU), less than its quota of {quota} CPU. Other programs kept this host's CPUs busy, so the quota never ran out. Run the step again when the host is quieter.",
  'actions.cgroup-workload.init-gone': "The container's PID 1 has exited: it has no oom_score_adj any more.",
  'actions.cgroup-workload.init-protected': "PID 1's oom_score_adj is now {value}: the OOM killer never picks it.",
  'actions.cgroup-workload.init-unprotected':
    "PID 1's oom_score_adj stays {value}: the kernel refused -1000 ({errno}; lowering a score takes CAP_SYS_RESOURCE, which this lab does not have). head and tail, at 1000, still go before PID 1.",
  'actions.cgroup-workload.pace-unknown':
    'The workload did not say how long it took, so the lab cannot tell how fast its {what, select, mib {MiB} other {forks}} came.',
  'actions.cgroup-workload.pace': '{rounds} {what, select, mib {MiB} other {forks}} in {seconds} s.',
  'actions.cgroup-workload.paced': '{rounds} {what, select, mib {MiB} other {forks}} in {seconds} s: one every {each} ms.',
  'actions.cgroup-workload.not-paced':
    "Not paced: {rounds} {what, select, mib {MiB} other {forks}} in {seconds} s, not one every {pace} ms. This container's sh cannot wait with `read -t` on a FIFO (busybox's sh can), so the loop ran as fast as it could.",

  'actions.oom.tail-killed': 'tail ended by SIGKILL (its shell reported exit status 137 = 128 + 9)',
  'actions.oom.head-killed': 'head ended by SIGKILL (its loop reported exit status 137 = 128 + 9)',
  'actions.oom.shell-killed': "the workload's own shell ended by SIGKILL",
  'actions.oom.init-died':
    "The container's PID 1 {how, select, signal {was killed by {signal}} other {exited with status {code}}}{counted, select, yes {, and {counter} counted {kills, plural, one {{kills} kill} other {{kills} kills}}} other {}}: when PID 1 dies, the kernel kills every other process in its PID namespace, so this container is gone. Press r to reset the lesson, then run the memory steps again.",
  'actions.oom.held-no-counter':
    "The allocator held its {mib} MiB ({exit}): the container's memory limit is not below that. Run the step that sets it (←).",
  'actions.oom.no-counter':
    '{victims}. This kernel keeps no count of OOM kills (memory.oom_control has an oom_kill line only since Linux 4.13), so nothing here proves the OOM killer sent it.',
  'actions.oom.stopped': 'Stopped before the allocator reached the limit: nothing was killed.',
  'actions.oom.held':
    "The allocator held its {mib} MiB without an OOM kill ({counter} did not move): the container's memory limit is not below that. Run the step that sets it (←).",
  'actions.oom.not-oom': 'The allocator ended with {exit}, but {counter} did not move: the OOM killer did not end it. Run the step again.',
  'actions.oom.killed':
    "The kernel's OOM killer killed {kills, plural, one {{kills} process} other {{kills} processes}} in this cgroup ({counter} +{kills}){victims, select, none {, but no process of the workload said it was killed} other {: {victims}}}. The container's PID 1 is still running.",
  'actions.oom.unreported':
    "{more, plural, one {One more process was} other {{more} more processes were}} killed with no report from the workload: a process's exit status is told by the shell that waits for it, and that shell may have been killed too. On the host, `dmesg | grep 'Killed process'` names every victim.",
  'actions.oom.picked-again':
    "Why two: tail's memory is given back a moment after it is killed, and head asked for its next pipe page in that moment. The cgroup was still full, so the kernel picked again.",
  'actions.exec.no-undo': 'the lab cannot know everything a command changed inside the container',
  'actions.overlay-op.no-undo':
    "putting a file back means editing the overlay's upper directory while it is mounted, which the kernel documents as undefined",
  'actions.signal.no-undo': 'a signal, once delivered, cannot be called back',
  'actions.start-container.no-undo': 'it replaced the container, and the one before it is gone',
} as const;
